package dev.cotangent.bench.compile;

import dev.cotangent.AD;
import dev.cotangent.Tensor;
import dev.cotangent.ValueAndGrad;
import dev.cotangent.ValueAndGradList;
import dev.cotangent.bench.workloads.S1;
import dev.cotangent.bench.workloads.Timer;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * S1 jitted: the vectorised Rosenbrock value and gradient {@code jit(valueAndGrad)}, and the op-by-op scalar
 * program's (8 recorded 0-d ops per term) compiled to straight-line code, each timed paired with plain Java f.
 */
final class S1Jit {
    private S1Jit() {}

    static void run(int n, boolean scalar, StringBuilder report) {
        double[] x = S1.start(n);
        Tensor xt = Tensor.of(x);
        Function<Tensor[], Tensor[]> vgBody = in -> {
            ValueAndGrad r = AD.valueAndGrad(S1::vectorProgram, in[0]);
            return new Tensor[] {r.value(), r.grad()};
        };
        Function<Tensor[], Tensor[]> vg = AD.jit(vgBody);
        Tensor[] out = vg.apply(new Tensor[] {xt});
        double compileVec = JitBench.compileMs(vgBody, new Tensor[] {xt});
        check(S1.plain(x), out[0].item(), out[1].toArray(), "vectorised");
        Runnable plainF = Timer.consume(() -> S1.plain(x));
        Runnable eager = Timer.consume(() -> AD.valueAndGrad(S1::vectorProgram, xt).grad().value().unsafeData()[0]);
        Runnable jitted = Timer.consume(() -> vg.apply(new Tensor[] {xt})[1].value().unsafeData()[0]);
        Timer.warm(plainF, 1);
        Timer.warm(eager, 1);
        Timer.warm(jitted, 1);
        double[] pe = Timer.paired(plainF, eager, 11);
        double[] pj = Timer.paired(plainF, jitted, 11);
        report.append(String.format(Locale.ROOT,
                "S1 n=%d vectorised: plain f %.1f us; eager valueAndGrad %.3f ms = %.1fx plain; jit(valueAndGrad) %.3f ms = %.1fx plain (staging + compile %.1f ms)%n",
                n, pj[0] * 1e6, pe[1] * 1e3, pe[2], pj[1] * 1e3, pj[2], compileVec));
        if (!scalar) return;
        Tensor[] xs = new Tensor[n];
        for (int i = 0; i < n; i++) xs[i] = Tensor.scalar(x[i]);
        Function<Tensor[], Tensor[]> sgBody = in -> {
            ValueAndGradList r = AD.valueAndGrad(S1::scalarProgram, in);
            Tensor[] o = new Tensor[n + 1];
            o[0] = r.value();
            List<Tensor> g = r.grads();
            for (int i = 0; i < n; i++) o[i + 1] = g.get(i);
            return o;
        };
        Function<Tensor[], Tensor[]> sg = AD.jit(sgBody);
        Tensor[] so = sg.apply(xs);
        double compileScalar = JitBench.compileMs(sgBody, xs);
        double[] g = new double[n];
        for (int i = 0; i < n; i++) g[i] = so[i + 1].item();
        check(S1.plain(x), so[0].item(), g, "op-by-op");
        Runnable scalarJit = Timer.consume(() -> sg.apply(xs)[1].item());
        Timer.warm(scalarJit, 1);
        double[] ps = Timer.paired(plainF, scalarJit, 11);
        report.append(String.format(Locale.ROOT,
                "S1 n=%d op by op (%d recorded 0-d ops): jit(valueAndGrad) %.3f ms = %.1fx plain (staging + compile %.0f ms)%n",
                n, 8 * (n - 1), ps[1] * 1e3, ps[2], compileScalar));
    }

    private static void check(double f, double value, double[] g, String what) {
        if (Math.abs(value - f) > 1e-9 * Math.abs(f)) throw new AssertionError("S1 jit " + what + " value " + value + " vs " + f);
        int n = g.length;
        for (int i = 0; i < n; i++) {
            double want = i == 0 ? -215.6 : i == n - 1 ? -88 : i % 2 == 1 ? 792 : -655.6;
            if (Math.abs(g[i] - want) > 1e-9 * Math.abs(want)) {
                throw new AssertionError("S1 jit " + what + " gradient wrong at " + i + ": " + g[i] + " vs " + want);
            }
        }
    }
}
