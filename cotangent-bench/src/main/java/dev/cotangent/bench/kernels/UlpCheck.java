package dev.cotangent.bench.kernels;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The accuracy check of the fast kernels: for each function, {@code --count} (default 10^8) random inputs over
 * its whole domain ({@link Inputs#domain}) and as many uniform in its typical range ({@link Inputs#timing}'s
 * range, where the polynomial does all the work), through the array kernel, and the largest distance in ulps from
 * StrictMath (for σ and softplus: their stable formulas evaluated with StrictMath). Prints one RESULT line per
 * function with the worst input, and exits with status 1 if a bound documented in the kernel's javadoc is
 * exceeded. Usage: <pre>{@code java -cp cotangent-bench/target/benchmarks.jar dev.cotangent.bench.kernels.UlpCheck
 *     [--count 100000000] [--only exp]}</pre>
 */
public final class UlpCheck {
    private UlpCheck() {}

    public static void main(String[] args) {
        long count = 100_000_000L;
        String only = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--count" -> count = Long.parseLong(args[++i]);
                case "--only" -> only = args[++i];
                default -> throw new IllegalArgumentException("UlpCheck: unknown argument " + args[i] + "; use --count N, --only fn");
            }
        }
        boolean ok = true;
        int chunk = 1 << 20;
        double[] x = new double[chunk];
        double[] out = new double[chunk];
        for (Inputs f : Inputs.values()) {
            if (only != null && !only.equals(f.label())) continue;
            ok &= check(f, count, true, x, out);
            ok &= check(f, count, false, x, out);
        }
        if (!ok) System.exit(1);
    }

    /** One pass of {@code count} inputs, over the whole domain or the typical range; true if within bound. */
    static boolean check(Inputs f, long count, boolean whole, double[] x, double[] out) {
        int chunk = x.length;
        SplittableRandom r = new SplittableRandom(20261205L + f.ordinal() + (whole ? 0 : 100));
        long worst = 0;
        double worstAt = Double.NaN;
        long[] histogram = new long[4];
        long t0 = System.nanoTime();
        for (long done = 0; done < count; done += chunk) {
            int n = (int) Math.min(chunk, count - done);
            if (whole) {
                f.domain(r, x);
            } else {
                for (int i = 0; i < chunk; i++) x[i] = f.lo + (f.hi - f.lo) * r.nextDouble();
            }
            f.fast.apply(x, out, n);
            for (int i = 0; i < n; i++) {
                long d = between(out[i], f.strict.applyAsDouble(x[i]));
                histogram[(int) Math.min(d, 3)]++;
                if (d > worst) {
                    worst = d;
                    worstAt = x[i];
                }
            }
        }
        boolean pass = worst <= f.ulps;
        System.out.printf(Locale.ROOT, "RESULT ulp %-8s inputs=%d %s=[%g, %g] max=%d ulp at x=%s bound=%d %s"
                        + " | 0 ulp: %.4f%%, 1: %.4f%%, 2: %.5f%%, >=3: %.6f%% (%.0f s)%n",
                f.label(), count, whole ? "domain" : "typical", whole ? f.domainLo : f.lo, whole ? f.domainHi : f.hi,
                worst, Double.toString(worstAt), f.ulps, pass ? "ok" : "EXCEEDED", 100.0 * histogram[0] / count,
                100.0 * histogram[1] / count, 100.0 * histogram[2] / count, 100.0 * histogram[3] / count,
                (System.nanoTime() - t0) * 1e-9);
        return pass;
    }

    /** How many doubles lie between a and b (0 if equal, or both NaN). */
    static long between(double a, double b) {
        if (Double.isNaN(a) && Double.isNaN(b)) return 0;
        if (Double.isNaN(a) || Double.isNaN(b)) return Long.MAX_VALUE;
        long x = Double.doubleToRawLongBits(a);
        long y = Double.doubleToRawLongBits(b);
        if (x < 0) x = Long.MIN_VALUE - x;
        if (y < 0) y = Long.MIN_VALUE - y;
        return Math.abs(x - y);
    }
}
