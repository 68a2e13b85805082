package dev.cotangent.bench.implicit;

import dev.cotangent.AD;
import dev.cotangent.Tensor;
import dev.cotangent.implicit.Implicit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The bilevel ridge problem of the {@code bilevel} demo (a least-squares classifier of the digits, W [65, 10],
 * 150 training and 600 validation images, penalty e^θ): one inner solve ({@link Implicit#argmin}, Newton–CG to
 * ‖∇E‖ ≤ 1e-12) against the validation loss with its hypergradient dL/dθ, timed alternately. The digits are read
 * from the examples module's CSV (the bench module does not depend on cotangent-examples). Usage:
 * <pre>{@code java -cp cotangent-bench/target/benchmarks.jar dev.cotangent.bench.implicit.BilevelBench
 *     [--digits cotangent-examples/src/main/resources/dev/cotangent/examples/data/digits.csv] [--reps 9]}</pre>
 */
public final class BilevelBench {
    private BilevelBench() {}

    public static void main(String[] args) throws IOException {
        Path csv = Path.of("cotangent-examples/src/main/resources/dev/cotangent/examples/data/digits.csv");
        int reps = 9;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--digits" -> csv = Path.of(args[++i]);
                case "--reps" -> reps = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        List<String> rows = Files.readAllLines(csv);
        Tensor[] train = design(rows, 0, 150);
        Tensor[] val = design(rows, 150, 600);
        double[] mask = new double[65 * 10];
        for (int i = 0; i < 64 * 10; i++) mask[i] = 1;
        Tensor m = Tensor.of(new int[] {65, 10}, mask);
        Tensor zeros = Tensor.zeros(65, 10);
        java.util.function.BiFunction<Tensor, Tensor, Tensor> energy = (w, th) -> train[0].matmul(w).sub(train[1])
                .square().sum().mul(0.5 / 150).add(th.exp().mul(w.mul(m).square().sum()).mul(0.5));
        java.util.function.Function<Tensor, Tensor> validation = th -> val[0].matmul(Implicit.argmin(energy, zeros, th))
                .sub(val[1]).square().sum().mul(0.5 / 600);
        for (double theta : new double[] {-8, -3.8}) {
            Tensor th = Tensor.scalar(theta);
            for (int w = 0; w < 3; w++) AD.valueAndGrad(validation, th); // warm-up
            double[] solve = new double[reps];
            double[] hyper = new double[reps];
            double[] ratio = new double[reps];
            for (int r = 0; r < reps; r++) {
                solve[r] = Clock.seconds(() -> Clock.sink = Implicit.argmin(energy, zeros, th).toArray()[0]);
                hyper[r] = Clock.seconds(() -> Clock.sink = AD.valueAndGrad(validation, th).grad().item());
                ratio[r] = hyper[r] / solve[r];
            }
            System.out.printf("θ = %.1f: inner solve %.1f ms, validation loss and hypergradient %.1f ms, ratio %.2f "
                    + "(range %.2f–%.2f)%n", theta, Clock.median(solve) * 1e3, Clock.median(hyper) * 1e3,
                    Clock.median(ratio), Clock.min(ratio), Clock.max(ratio));
        }
    }

    /** Rows [from, from + count) as a design with a bias column (pixels / 16) and one-hot targets. */
    static Tensor[] design(List<String> rows, int from, int count) {
        double[] x = new double[count * 65];
        double[] y = new double[count * 10];
        for (int i = 0; i < count; i++) {
            String[] f = rows.get(from + i).split(",");
            for (int j = 0; j < 64; j++) x[i * 65 + j] = Double.parseDouble(f[j].trim()) / 16;
            x[i * 65 + 64] = 1;
            y[i * 10 + Integer.parseInt(f[64].trim())] = 1;
        }
        return new Tensor[] {Tensor.of(new int[] {count, 65}, x), Tensor.of(new int[] {count, 10}, y)};
    }
}
