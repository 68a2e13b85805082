package dev.cotangent.bench.tensor;

import dev.cotangent.kernel.Blas;
import dev.cotangent.tensor.NDArray;
import dev.cotangent.tensor.Shape;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.openblas.global.openblas;

/**
 * Where NDArray.matmul's time goes beyond dgemm's, measured so that a busy shared machine disturbs every
 * variant alike: the variants run interleaved, round after round, and each one's median round is reported.
 * Variants: NDArray.matmul; dgemm on double[] with the output reused (the JMH baseline); the same with a
 * fresh output array per call (what an immutable result must pay); dgemm on off-heap memory (no JNI array
 * copies at all). Not JMH: a diagnostic, run as
 * {@code java -cp cotangent-bench/target/benchmarks.jar dev.cotangent.bench.tensor.MatmulOverhead [threads] [rounds]}.
 */
public final class MatmulOverhead {
    private static volatile Object sink;

    private MatmulOverhead() {}

    public static void main(String[] args) {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 1;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 21;
        Loader.load(openblas.class);
        Blas.setThreads(threads);
        String[] names = {"NDArray.matmul", "dgemm double[], reused output", "dgemm double[], fresh output",
            "dgemm off-heap"};
        System.out.printf(Locale.ROOT, "BLAS threads %d, %d interleaved rounds; median ms per product (GFLOP/s)%n",
                threads, rounds);
        for (int n : new int[] {256, 512, 1024}) {
            SplittableRandom rnd = new SplittableRandom(7);
            double[] a = new double[n * n];
            double[] b = new double[n * n];
            double[] c = new double[n * n];
            for (int i = 0; i < a.length; i++) {
                a[i] = rnd.nextDouble() - 0.5;
                b[i] = rnd.nextDouble() - 0.5;
            }
            NDArray x = NDArray.of(Shape.of(n, n), a);
            NDArray y = NDArray.of(Shape.of(n, n), b);
            try (DoublePointer pa = new DoublePointer(a); DoublePointer pb = new DoublePointer(b);
                 DoublePointer pc = new DoublePointer((long) n * n)) {
                int rm = openblas.CblasRowMajor;
                int nt = openblas.CblasNoTrans;
                Runnable[] variants = {
                    () -> sink = x.matmul(y),
                    () -> {
                        openblas.cblas_dgemm(rm, nt, nt, n, n, n, 1, a, n, b, n, 0, c, n);
                        sink = c;
                    },
                    () -> {
                        double[] fresh = new double[n * n];
                        openblas.cblas_dgemm(rm, nt, nt, n, n, n, 1, a, n, b, n, 0, fresh, n);
                        sink = fresh;
                    },
                    () -> {
                        openblas.cblas_dgemm(rm, nt, nt, n, n, n, 1, pa, n, pb, n, 0, pc, n);
                        sink = pc;
                    }
                };
                int reps = Math.max(1, (int) (2e8 / (2.0 * n * n * n))); // a few ms of work per sample
                for (int w = 0; w < 5; w++) for (Runnable v : variants) for (int i = 0; i < reps; i++) v.run();
                double[][] ms = new double[variants.length][rounds];
                for (int k = 0; k < rounds; k++) {
                    for (int j = 0; j < variants.length; j++) {
                        long t0 = System.nanoTime();
                        for (int i = 0; i < reps; i++) variants[j].run();
                        ms[j][k] = (System.nanoTime() - t0) / 1e6 / reps;
                    }
                }
                for (int j = 0; j < variants.length; j++) {
                    Arrays.sort(ms[j]);
                    double med = ms[j][rounds / 2];
                    System.out.printf(Locale.ROOT, "n=%-5d %-30s %9.3f ms  (%5.1f GFLOP/s)   best round %.3f ms%n",
                            n, names[j], med, 2.0 * n * n * n / (med * 1e-3) / 1e9, ms[j][0]);
                }
            }
        }
    }
}
