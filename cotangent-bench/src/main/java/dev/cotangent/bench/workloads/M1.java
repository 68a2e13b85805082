package dev.cotangent.bench.workloads;

import dev.cotangent.AD;
import dev.cotangent.Ops;
import dev.cotangent.Tensor;
import java.util.Locale;
import java.util.function.Function;

/** M1 of WORKLOADS.md: x_{k+1} = tanh(W x_k), n = 256, K = 2000; plain reverse-mode gradient w.r.t. W. */
final class M1 {
    private M1() {}

    static void run(int batch, StringBuilder report) {
        int n = 256;
        int k = 2000;
        Tensor w = Tensor.from(Data.uniform(401, Math.sqrt(3.0 / n), n, n));
        Tensor x0 = Tensor.from(batch == 1 ? Data.uniform(402, 1, n) : Data.uniform(402, 1, n, batch));
        Function<Tensor, Tensor> loss = ww -> {
            Tensor x = x0;
            for (int i = 0; i < k; i++) x = Ops.tanh(Ops.matmul(ww, x));
            return Ops.sum(x);
        };
        Tensor g = AD.grad(loss).apply(w);
        double nrm = Ops.norm(g).item();
        double want = batch == 1 ? 7706.188339 : 27828.88756;
        if (Math.abs(nrm - want) > 1e-6 * want) throw new AssertionError("M1 |dW| = " + nrm);
        Runnable fwd = Timer.consume(() -> loss.apply(w).item());
        Runnable grad = Timer.consume(() -> AD.grad(loss).apply(w).value().unsafeData()[0]);
        grad.run();
        double tf = Timer.median(fwd, 5);
        double tg = Timer.median(grad, batch == 1 ? 5 : 3);
        double tapeMiB = AD.vjp(loss, w).savedBytes() / (double) (1 << 20);
        report.append(String.format(Locale.ROOT,
                "M1 B=%d: |dW|=%.10g; forward %.1f ms; plain reverse gradient %.1f ms (%.2fx forward); the tape keeps %.1f MiB of values (measured)%n",
                batch, nrm, tf * 1e3, tg * 1e3, tg / tf, tapeMiB));

        // checkpointing in segments of L = ceil(sqrt(K)) = 45 steps: only segment inputs are kept, each segment is
        // recomputed during the backward sweep
        int seg = (int) Math.ceil(Math.sqrt(k));
        Function<Tensor, Tensor> ckpt = ww -> {
            Tensor x = x0;
            for (int done = 0; done < k; done += seg) {
                int len = Math.min(seg, k - done);
                x = AD.checkpoint(xs -> {
                    Tensor h = xs[0];
                    for (int i = 0; i < len; i++) h = Ops.tanh(Ops.matmul(xs[1], h));
                    return h;
                }).apply(new Tensor[] {x, ww});
            }
            return Ops.sum(x);
        };
        double nc = Ops.norm(AD.grad(ckpt).apply(w)).item();
        if (Math.abs(nc - want) > 1e-6 * want) throw new AssertionError("M1 checkpointed |dW| = " + nc);
        Runnable cg = Timer.consume(() -> AD.grad(ckpt).apply(w).value().unsafeData()[0]);
        cg.run();
        double tc = Timer.median(cg, batch == 1 ? 5 : 3);
        double outer = AD.vjp(ckpt, w).savedBytes() / (double) (1 << 20);
        Tensor xs0 = x0;
        double segment = AD.vjp(ww -> {
            Tensor h = xs0;
            for (int i = 0; i < seg; i++) h = Ops.tanh(Ops.matmul(ww, h));
            return Ops.sum(h);
        }, w).savedBytes() / (double) (1 << 20);
        report.append(String.format(Locale.ROOT,
                "M1 B=%d checkpointed (segments of %d): gradient %.1f ms (%.2fx plain); the outer tape keeps %.2f MiB, plus %.2f MiB for the one segment being recomputed%n",
                batch, seg, tc * 1e3, tc / tg, outer, segment));
    }
}
