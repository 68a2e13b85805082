package dev.cotangent.bench.implicit;

import dev.cotangent.AD;
import dev.cotangent.Tensor;
import dev.cotangent.VjpResult;
import dev.cotangent.ot.Sinkhorn;
import dev.cotangent.ot.Sinkhorn.Gradient;

/**
 * Sinkhorn's two gradients at n = m = 1000 (ε = 0.05·median C): the gradient of ⟨P, C⟩ with respect to C, its time
 * and tape memory ({@code savedBytes}) for K = 10, 20, 50, 100 iterations (unrolled and implicit), and at
 * convergence (marginal error 1e-12) the implicit value-and-gradient against the forward solve alone, timed
 * alternately. The unrolled tape at convergence (about 16 MB per iteration here) is not built: its slope is
 * measured. Usage (the unrolled tapes need a few GiB of heap):
 * <pre>{@code java -Xmx8g -cp cotangent-bench/target/benchmarks.jar dev.cotangent.bench.implicit.GradientBench
 *     [--n 1000] [--reps 3] [--ks 10,20,50,100]}</pre>
 */
public final class GradientBench {
    private GradientBench() {}

    public static void main(String[] args) {
        int n = 1000;
        int reps = 3;
        int[] ks = {10, 20, 50, 100};
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--n" -> n = Integer.parseInt(args[++i]);
                case "--reps" -> reps = Integer.parseInt(args[++i]);
                case "--ks" -> ks = java.util.Arrays.stream(args[++i].split(",")).mapToInt(Integer::parseInt).toArray();
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        Transport t = Transport.of(n);
        System.out.printf("n = m = %d, ε = %.6g%n", n, t.epsilon());
        System.out.println("| K | unrolled: value and gradient | unrolled tape | implicit: value and gradient | implicit tape |");
        System.out.println("|---:|---:|---:|---:|---:|");
        long[] unrolledBytes = new long[ks.length];
        for (int i = 0; i < ks.length; i++) {
            Sinkhorn.Options o = Sinkhorn.Options.DEFAULT.withIterations(ks[i]);
            double[] tu = new double[reps];
            double[] ti = new double[reps];
            long bu = 0;
            long bi = 0;
            for (int r = 0; r < reps; r++) { // alternated
                long[] b = new long[1];
                tu[r] = Clock.seconds(() -> b[0] = gradient(t, Gradient.UNROLLED, o));
                bu = b[0];
                System.gc();
                ti[r] = Clock.seconds(() -> b[0] = gradient(t, Gradient.IMPLICIT, o));
                bi = b[0];
            }
            unrolledBytes[i] = bu;
            System.out.printf("| %d | %.2f s | %.1f MiB | %.2f s | %.1f MiB |%n", ks[i], Clock.median(tu), mib(bu),
                    Clock.median(ti), mib(bi));
        }
        int last = ks.length - 1;
        double slope = (unrolledBytes[last] - unrolledBytes[0]) / (double) (ks[last] - ks[0]);
        System.out.printf("unrolled tape slope: %.2f MiB per iteration (%.2f n·m doubles)%n", mib((long) slope),
                slope / (8.0 * n * n));

        // at convergence: the forward solve alone vs the implicit value and gradient, alternated
        Sinkhorn.Solution s = Sinkhorn.solve(t.a(), t.b(), t.c(), t.epsilon(), Gradient.UNROLLED,
                Sinkhorn.Options.DEFAULT);
        double[] forward = new double[reps];
        double[] implicit = new double[reps];
        double[] ratio = new double[reps];
        long bytes = 0;
        for (int r = 0; r < reps; r++) {
            forward[r] = Clock.seconds(() -> Clock.sink = Sinkhorn.cost(t.a(), t.b(), t.c(), t.epsilon(),
                    Gradient.UNROLLED).item());
            long[] b = new long[1];
            implicit[r] = Clock.seconds(() -> b[0] = gradient(t, Gradient.IMPLICIT, Sinkhorn.Options.DEFAULT));
            bytes = b[0];
            ratio[r] = implicit[r] / forward[r];
        }
        System.out.printf("converged: %d iterations (marginal error %.2e); forward solve %.2f s; implicit value and "
                        + "gradient %.2f s (ratio %.2f, range %.2f–%.2f), tape %.1f MiB; the unrolled tape would be "
                        + "about %.0f MiB%n", s.iterations(), s.marginalError(), Clock.median(forward),
                Clock.median(implicit), Clock.median(ratio), Clock.min(ratio), Clock.max(ratio), mib(bytes),
                mib((long) (unrolledBytes[0] + slope * (s.iterations() - ks[0]))));
    }

    /** ⟨P, C⟩ and its gradient in C; returns the tape's bytes. */
    static long gradient(Transport t, Gradient mode, Sinkhorn.Options o) {
        VjpResult r = AD.vjp((Tensor c) -> Sinkhorn.cost(t.a(), t.b(), c, t.epsilon(), mode, o), t.c());
        Clock.sink = r.pullback(Tensor.scalar(1)).toArray()[0];
        return r.savedBytes();
    }

    static double mib(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }
}
