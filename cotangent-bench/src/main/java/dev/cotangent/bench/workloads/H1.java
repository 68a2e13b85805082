package dev.cotangent.bench.workloads;

import dev.cotangent.AD;
import dev.cotangent.Ops;
import dev.cotangent.Tensor;
import java.util.Locale;
import java.util.function.Function;

/** H1 of WORKLOADS.md: logistic loss 1000×1000; f, its gradient, and Hessian-vector products. */
final class H1 {
    private H1() {}

    static void run(StringBuilder report) {
        H1Problem p = H1Problem.of(1000);
        Tensor w = p.w();
        Tensor v = p.v();
        Function<Tensor, Tensor> f = p.f();
        int pos = p.positives();
        double fv = f.apply(w).item();
        Tensor g = AD.grad(f).apply(w);
        Tensor hv = AD.hvp(f, w, v);
        Tensor hvRR = AD.grad(ww -> Ops.dot(AD.grad(f).apply(ww), v)).apply(w);
        double gn = Ops.norm(g).item();
        double hn = Ops.norm(hv).item();
        double vhv = Ops.dot(v, hv).item();
        if (pos != 501 || Math.abs(fv - 0.747251231424126) > 1e-12 || Math.abs(gn - 0.0174634386465912) > 1e-12
                || Math.abs(hn - 0.00590756478434461) > 1e-12 || Math.abs(vhv - 0.0748332960881975) > 1e-12
                || !hvRR.value().allClose(hv.value(), 1e-10, 1e-14)) {
            throw new AssertionError("H1 check values: f=" + fv + " |g|=" + gn + " |Hv|=" + hn + " vHv=" + vhv);
        }
        Runnable fr = Timer.consume(() -> f.apply(w).item());
        Runnable gr = Timer.consume(() -> AD.grad(f).apply(w).value().unsafeData()[0]);
        Runnable fwdRev = Timer.consume(() -> AD.hvp(f, w, v).value().unsafeData()[0]);
        Runnable revRev = Timer.consume(() -> AD.grad(ww -> Ops.dot(AD.grad(f).apply(ww), v)).apply(w).value().unsafeData()[0]);
        Timer.warm(fwdRev, 2);
        Timer.warm(revRev, 1);
        double[] pg = Timer.paired(fr, gr, 15);
        double[] ph = Timer.paired(gr, fwdRev, 15);
        double[] pr = Timer.paired(gr, revRev, 15);
        report.append(String.format(Locale.ROOT,
                "H1: f=%.15f |grad|=%.15g |Hv|=%.15g; f %.0f us; grad %.0f us (%.2fx f); HVP fwd-over-rev %.0f us (%.2fx grad); HVP rev-over-rev %.0f us (%.2fx grad)%n",
                fv, gn, hn, pg[0] * 1e6, pg[1] * 1e6, pg[2], ph[1] * 1e6, ph[2], pr[1] * 1e6, pr[2]));
    }
}
