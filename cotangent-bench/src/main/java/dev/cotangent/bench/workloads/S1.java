package dev.cotangent.bench.workloads;

import dev.cotangent.AD;
import dev.cotangent.Ops;
import dev.cotangent.Tensor;
import java.util.List;
import java.util.Locale;

/** S1 of WORKLOADS.md: the extended Rosenbrock gradient, scalar op by op and vectorised with slices. */
public final class S1 {
    private static final Tensor HUNDRED = Tensor.scalar(100.0);
    private static final Tensor ONE = Tensor.scalar(1.0);

    private S1() {}

    public static double[] start(int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) x[i] = i % 2 == 0 ? -1.2 : 1.0;
        return x;
    }

    public static double plain(double[] x) {
        double s = 0;
        for (int i = 0; i < x.length - 1; i++) {
            double a = x[i] * x[i];
            double t = x[i + 1] - a;
            double p = t * t * 100;
            double u = x[i] - 1;
            s = s + (p + u * u);
        }
        return s;
    }

    /** The program op by op on 0-d tensors: 8 recorded operations per i. */
    public static Tensor scalarProgram(Tensor[] x) {
        Tensor s = Tensor.scalar(0.0);
        for (int i = 0; i < x.length - 1; i++) {
            Tensor a = Ops.mul(x[i], x[i]);
            Tensor t = Ops.sub(x[i + 1], a);
            Tensor t2 = Ops.mul(t, t);
            Tensor p = Ops.mul(t2, HUNDRED);
            Tensor u = Ops.sub(x[i], ONE);
            Tensor u2 = Ops.mul(u, u);
            Tensor q = Ops.add(p, u2);
            s = Ops.add(s, q);
        }
        return s;
    }

    static double[] scalarGradient(double[] x) {
        Tensor[] in = new Tensor[x.length];
        for (int i = 0; i < x.length; i++) in[i] = Tensor.scalar(x[i]);
        List<Tensor> g = AD.valueAndGrad(S1::scalarProgram, in).grads();
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) out[i] = g.get(i).item();
        return out;
    }

    /** The same function on one vector with slices: Σ 100(x[1:] − x[:-1]²)² + (x[:-1] − 1)². */
    public static Tensor vectorProgram(Tensor x) {
        int n = x.size();
        Tensor head = Ops.slice(x, 0, 0, n - 1);
        Tensor tail = Ops.slice(x, 0, 1, n);
        Tensor t = Ops.sub(tail, Ops.mul(head, head));
        Tensor u = Ops.sub(head, ONE);
        return Ops.sum(Ops.add(Ops.mul(Ops.mul(t, t), HUNDRED), Ops.mul(u, u)));
    }

    static double[] vectorGradient(double[] x) {
        return AD.grad(S1::vectorProgram).apply(Tensor.of(x)).toArray();
    }

    static void run(int n, StringBuilder report) {
        double[] x = start(n);
        double f = plain(x);
        double[] gs = scalarGradient(x);
        double[] gv = vectorGradient(x);
        check(n, gs, "scalar");
        check(n, gv, "vectorised");
        Runnable plainF = Timer.consume(() -> plain(x));
        Runnable scalar = Timer.consume(() -> scalarGradient(x)[0]);
        Runnable vector = Timer.consume(() -> vectorGradient(x)[0]);
        Timer.warm(plainF, 2);
        Timer.warm(scalar, 2);
        Timer.warm(vector, 2);
        double[] ps = Timer.paired(plainF, scalar, 11);
        double[] pv = Timer.paired(plainF, vector, 11);
        double ops = 8.0 * (n - 1);
        report.append(String.format(Locale.ROOT,
                "S1 n=%d: f(x0)=%.9f; plain f %.1f us; scalar op-by-op gradient %.2f ms = %.0fx plain (%.0f ns per recorded op incl. backward); vectorised gradient %.3f ms = %.1fx plain%n",
                n, f, ps[0] * 1e6, ps[1] * 1e3, ps[2], ps[1] * 1e9 / ops, pv[1] * 1e3, pv[2]));
    }

    static void check(int n, double[] g, String what) {
        double[] want = new double[n];
        for (int i = 0; i < n; i++) want[i] = i == 0 ? -215.6 : i == n - 1 ? -88 : i % 2 == 1 ? 792 : -655.6;
        for (int i = 0; i < n; i++) {
            if (Math.abs(g[i] - want[i]) > 1e-9 * Math.max(1, Math.abs(want[i]))) {
                throw new AssertionError("S1 " + what + " gradient wrong at " + i + ": " + g[i] + " vs " + want[i]);
            }
        }
    }
}
