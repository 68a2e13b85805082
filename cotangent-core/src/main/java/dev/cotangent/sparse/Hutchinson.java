package dev.cotangent.sparse;

import dev.cotangent.Tensor;
import dev.cotangent.tensor.NDArray;
import dev.cotangent.tensor.Shape;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * Stochastic estimates of the trace and the diagonal of a Hessian ∇²f(x) from Hessian-vector products alone,
 * never forming it: each method draws its probe vectors from a seed, makes all its products in one batched pass
 * (vmap of forward-over-reverse HVPs), and reports a standard error with the estimate.
 *
 * <ul>
 *   <li>{@link #trace}: Hutchinson, tr H = E[vᵀHv] for probes with E[vvᵀ] = I (Rademacher ±1 or Gaussian). The
 *       variance of one sample is 2(‖H‖²_F − Σ H_ii²) for Rademacher probes and 2‖H‖²_F for Gaussian ones.</li>
 *   <li>{@link #hutchPlusPlus}: Hutch++ (Meyer, Musco, Musco and Woodruff 2021): a third of the products find
 *       the dominant subspace Q of H (Q = orth(H S)), a third take tr(QᵀHQ) exactly, and the rest estimate the
 *       trace of the remainder by Hutchinson on probes projected off Q. Unbiased, with far less variance than
 *       Hutchinson when the spectrum decays.</li>
 *   <li>{@link #diagonal}: diag H = E[v ⊙ Hv] (Bekas, Kokiopoulou and Saad 2007), element by element.</li>
 * </ul>
 */
public final class Hutchinson {
    private Hutchinson() {}

    /** The distribution of the probe vectors' entries. */
    public enum Probe {
        /** ±1 with equal probability: the smallest variance for the trace (the diagonal contributes none). */
        RADEMACHER,
        /** Standard normal. */
        GAUSSIAN
    }

    /**
     * An estimate, its standard error (the sample standard deviation of the averaged terms over the square root
     * of their number; NaN with a single term) and the number of Hessian-vector products it cost.
     */
    public record Estimate(double value, double standardError, int products) {}

    /** An estimate of a diagonal, element by element, as {@link Estimate}. */
    public record DiagonalEstimate(Tensor value, Tensor standardError, int products) {}

    /** tr ∇²f(x) as the mean of vᵀ∇²f(x)v over {@code samples} seeded probes; f scalar. */
    public static Estimate trace(Function<Tensor, Tensor> f, Tensor x, int samples, Probe probe, long seed) {
        require("trace", samples, 1);
        Tensor v = probes(probe, samples, x.dims(), new SplittableRandom(seed));
        double[] q = quadratics(v.toArray(), hvps("trace", f, x, v), samples);
        return mean(q, samples);
    }

    /**
     * tr ∇²f(x) by Hutch++ with about {@code products} Hessian-vector products (a multiple of 3 is used, at least
     * 3): k = products / 3 probes S give Q = orth(∇²f·S); tr(Qᵀ∇²f Q) is exact; k probes G projected off Q give
     * the remainder's trace. The standard error is that of the remainder's Hutchinson mean, given Q.
     */
    public static Estimate hutchPlusPlus(Function<Tensor, Tensor> f, Tensor x, int products, Probe probe, long seed) {
        require("hutchPlusPlus", products, 3);
        int k = products / 3;
        int n = x.size();
        SplittableRandom rng = new SplittableRandom(seed);
        Tensor s = probes(probe, k, x.dims(), rng);
        double[] basis = Orthonormal.basis(hvps("hutchPlusPlus", f, x, s), k, n);
        int r = basis.length / n;
        double exact = 0;
        if (r > 0) {
            Tensor q = Tensor.of(batchShape(r, x.dims()), basis);
            exact = sum(quadratics(basis, hvps("hutchPlusPlus", f, x, q), r));
        }
        double[] g = probes(probe, k, x.dims(), rng).toArray();
        Orthonormal.projectOut(g, k, basis, r, n);
        double[] rest = quadratics(g, hvps("hutchPlusPlus", f, x, Tensor.of(batchShape(k, x.dims()), g)), k);
        Estimate e = mean(rest, k);
        return new Estimate(exact + e.value(), e.standardError(), k + r + k);
    }

    /** diag ∇²f(x) (of x's shape) as the mean of v ⊙ ∇²f(x)v over {@code samples} seeded probes; f scalar. */
    public static DiagonalEstimate diagonal(Function<Tensor, Tensor> f, Tensor x, int samples, Probe probe, long seed) {
        require("diagonal", samples, 1);
        int n = x.size();
        Tensor v = probes(probe, samples, x.dims(), new SplittableRandom(seed));
        double[] vs = v.toArray();
        double[] hv = hvps("diagonal", f, x, v);
        double[] mean = new double[n];
        double[] se = new double[n];
        for (int e = 0; e < n; e++) {
            double[] t = new double[samples];
            for (int i = 0; i < samples; i++) t[i] = vs[i * n + e] * hv[i * n + e];
            Estimate m = mean(t, samples);
            mean[e] = m.value();
            se[e] = m.standardError();
        }
        return new DiagonalEstimate(Tensor.of(x.shape(), mean), Tensor.of(x.shape(), se), samples);
    }

    // ------------------------------------------------------------------ pieces

    /** [count] ++ shape seeded probes. */
    private static Tensor probes(Probe probe, int count, Shape shape, SplittableRandom rng) {
        double[] v = new double[Math.multiplyExact(count, shape.size())];
        for (int i = 0; i < v.length; i++) {
            v[i] = probe == Probe.RADEMACHER ? (rng.nextBoolean() ? 1.0 : -1.0) : gaussian(rng);
        }
        return Tensor.from(NDArray.wrap(Shape.of(batchShape(count, shape)), v));
    }

    /** A standard normal number (Marsaglia's polar method). */
    private static double gaussian(SplittableRandom rng) {
        double u;
        double w;
        double s;
        do {
            u = 2 * rng.nextDouble() - 1;
            w = 2 * rng.nextDouble() - 1;
            s = u * u + w * w;
        } while (s >= 1 || s == 0);
        return u * Math.sqrt(-2 * Math.log(s) / s);
    }

    private static int[] batchShape(int count, Shape shape) {
        int[] d = new int[shape.rank() + 1];
        d[0] = count;
        System.arraycopy(shape.dims(), 0, d, 1, shape.rank());
        return d;
    }

    private static double[] hvps(String transform, Function<Tensor, Tensor> f, Tensor x, Tensor v) {
        return Derivatives.hvps(transform, f, x, v).toArray();
    }

    /** v_iᵀ(Hv)_i for each of {@code count} rows. */
    private static double[] quadratics(double[] v, double[] hv, int count) {
        int n = v.length / count;
        double[] q = new double[count];
        for (int i = 0; i < count; i++) {
            double s = 0;
            for (int e = 0; e < n; e++) s += v[i * n + e] * hv[i * n + e];
            q[i] = s;
        }
        return q;
    }

    private static Estimate mean(double[] t, int count) {
        double m = sum(t) / count;
        double ss = 0;
        for (double v : t) ss += (v - m) * (v - m);
        double se = count > 1 ? Math.sqrt(ss / (count - 1) / count) : Double.NaN;
        return new Estimate(m, se, count);
    }

    private static double sum(double[] t) {
        double s = 0;
        for (double v : t) s += v;
        return s;
    }

    private static void require(String method, int count, int least) {
        if (count < least) {
            throw new IllegalArgumentException("Hutchinson." + method + ": " + count + " products; give " + least
                    + " or more");
        }
    }
}
