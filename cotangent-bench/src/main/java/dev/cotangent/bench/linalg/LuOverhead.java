package dev.cotangent.bench.linalg;

import dev.cotangent.AD;
import dev.cotangent.Linalg;
import dev.cotangent.Tensor;
import dev.cotangent.kernel.Blas;
import dev.cotangent.tensor.NDArray;
import dev.cotangent.tensor.Shape;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.openblas.global.openblas;

/**
 * {@link LuBench}'s comparisons measured so that a busy shared machine disturbs every variant alike: the variants
 * run interleaved, round after round, and each one's median and best round are reported, with the ratios that
 * matter (Linalg / raw LAPACKE, gradient / forward) taken from the medians. Not JMH: a diagnostic, run as
 * {@code java -cp cotangent-bench/target/benchmarks.jar dev.cotangent.bench.linalg.LuOverhead [threads] [rounds]
 * [n...]}.
 */
public final class LuOverhead {
    private static final int COL = openblas.LAPACK_COL_MAJOR;
    private static volatile Object sink;

    private LuOverhead() {}

    public static void main(String[] args) {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 1;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        int[] sizes = args.length > 2 ? Arrays.stream(args, 2, args.length).mapToInt(Integer::parseInt).toArray()
                : new int[] {64, 256, 1024};
        Loader.load(openblas.class);
        Blas.setThreads(threads);
        System.out.printf(Locale.ROOT, "BLAS threads %d, %d interleaved rounds; median ms (best round)%n",
                threads, rounds);
        for (int n : sizes) run(n, rounds);
    }

    private static void run(int n, int rounds) {
        SplittableRandom r = new SplittableRandom(7);
        double[] a = NDArray.uniform(r, -1, 1, n, n).toArray();
        for (int i = 0; i < n; i++) a[i * n + i] += n;
        NDArray g = NDArray.uniform(r, -1, 1, n, n);
        double[] spd = NDArray.matmul(g, g, false, true).add(NDArray.eye(n).mul(NDArray.scalar(n))).toArray();
        double[] b = NDArray.uniform(r, -1, 1, n).toArray();
        double[] out = new double[n * n];
        double[] x = new double[n];
        Tensor bt = Tensor.of(b);
        Tensor wt = Tensor.from(NDArray.uniform(r, -1, 1, n));
        Shape s = Shape.of(n, n);
        try (DoublePointer pa = new DoublePointer((long) n * n); DoublePointer pb = new DoublePointer(n);
             IntPointer pp = new IntPointer(n)) {
            String[] names = {"getrf + log|pivots| (raw)", "Linalg.logAbsDet", "potrf (raw)", "Linalg.cholesky",
                "getrf + getrs (raw)", "Linalg.solve", "forward Σ w·solve", "grad Σ w·solve (A and b)",
                "grad logAbsDet"};
            Runnable[] variants = {
                () -> {
                    pa.put(a, 0, a.length);
                    openblas.LAPACKE_dgetrf(COL, n, n, pa, n, pp);
                    double l = 0;
                    for (int i = 0; i < n; i++) l += Math.log(Math.abs(pa.get((long) i * (n + 1))));
                    sink = l;
                },
                () -> sink = Linalg.logAbsDet(Tensor.from(NDArray.of(s, a))),
                () -> {
                    pa.put(spd, 0, spd.length);
                    openblas.LAPACKE_dpotrf(COL, (byte) 'U', n, pa, n);
                    pa.get(out, 0, out.length);
                    sink = out;
                },
                () -> sink = Linalg.cholesky(Tensor.from(NDArray.of(s, spd))),
                () -> {
                    pa.put(a, 0, a.length);
                    openblas.LAPACKE_dgetrf(COL, n, n, pa, n, pp);
                    pb.put(b, 0, n);
                    openblas.LAPACKE_dgetrs(COL, (byte) 'T', n, 1, pa, n, pp, pb, n);
                    pb.get(x, 0, n);
                    sink = x;
                },
                () -> sink = Linalg.solve(Tensor.from(NDArray.of(s, a)), bt),
                () -> sink = Linalg.solve(Tensor.from(NDArray.of(s, a)), bt).mul(wt).sum(),
                () -> sink = AD.grad((Tensor m, Tensor v) -> Linalg.solve(m, v).mul(wt).sum())
                        .apply(Tensor.from(NDArray.of(s, a)), bt),
                () -> sink = AD.grad(Linalg::logAbsDet).apply(Tensor.from(NDArray.of(s, a)))
            };
            int reps = Math.max(1, (int) (3e7 / ((double) n * n * n))); // a few ms of work per sample
            for (int w = 0; w < 3; w++) for (Runnable v : variants) for (int i = 0; i < reps; i++) v.run();
            double[][] ms = new double[variants.length][rounds];
            for (int k = 0; k < rounds; k++) {
                for (int j = 0; j < variants.length; j++) {
                    long t0 = System.nanoTime();
                    for (int i = 0; i < reps; i++) variants[j].run();
                    ms[j][k] = (System.nanoTime() - t0) / 1e6 / reps;
                }
            }
            double[] med = new double[variants.length];
            for (int j = 0; j < variants.length; j++) {
                Arrays.sort(ms[j]);
                med[j] = ms[j][rounds / 2];
                System.out.printf(Locale.ROOT, "n=%-5d %-28s %9.3f ms  (best %.3f)%n", n, names[j], med[j], ms[j][0]);
            }
            System.out.printf(Locale.ROOT, "n=%-5d ratios: logAbsDet %.2f, cholesky %.2f, solve %.2f (Linalg/raw); "
                    + "grad solve %.2f, grad logAbsDet %.2f (gradient/forward)%n", n, med[1] / med[0],
                    med[3] / med[2], med[5] / med[4], med[7] / med[6], med[8] / med[1]);
        }
    }
}
