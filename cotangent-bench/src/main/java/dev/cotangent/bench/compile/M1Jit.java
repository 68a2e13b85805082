package dev.cotangent.bench.compile;

import dev.cotangent.AD;
import dev.cotangent.Ops;
import dev.cotangent.Tensor;
import dev.cotangent.bench.workloads.Data;
import dev.cotangent.bench.workloads.Timer;
import java.util.Locale;
import java.util.function.Function;

/** M1 jitted: the gradient of x_{k+1} = tanh(W x_k), n = 256, K = 2000, B = 1, compiled; paired with eager. */
final class M1Jit {
    private M1Jit() {}

    static void run(StringBuilder report) {
        int n = 256;
        int k = 2000;
        Tensor w = Tensor.from(Data.uniform(401, Math.sqrt(3.0 / n), n, n));
        Tensor x0 = Tensor.from(Data.uniform(402, 1, n));
        Function<Tensor, Tensor> loss = ww -> {
            Tensor x = x0;
            for (int i = 0; i < k; i++) x = Ops.tanh(Ops.matmul(ww, x));
            return Ops.sum(x);
        };
        Function<Tensor[], Tensor[]> body = in -> new Tensor[] {AD.grad(loss).apply(in[0])};
        Function<Tensor[], Tensor[]> grad = AD.jit(body);
        Tensor g = grad.apply(new Tensor[] {w})[0];
        double nrm = Ops.norm(g).item();
        if (Math.abs(nrm - 7706.188339) > 1e-6 * 7706.188339) throw new AssertionError("M1 jitted |dW| = " + nrm);
        Runnable eager = Timer.consume(() -> AD.grad(loss).apply(w).value().unsafeData()[0]);
        Runnable jitted = Timer.consume(() -> grad.apply(new Tensor[] {w})[0].value().unsafeData()[0]);
        eager.run();
        jitted.run();
        double[] pj = Timer.paired(eager, jitted, 7);
        double compileMs = JitBench.compileMs(body, new Tensor[] {w});
        report.append(String.format(Locale.ROOT,
                "M1 B=1: |dW|=%.10g; eager gradient %.1f ms; jitted gradient %.1f ms (%.2fx eager); staging + compile %.0f ms%n",
                nrm, pj[0] * 1e3, pj[1] * 1e3, pj[2], compileMs));
    }
}
