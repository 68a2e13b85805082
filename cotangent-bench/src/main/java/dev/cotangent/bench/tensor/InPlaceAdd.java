package dev.cotangent.bench.tensor;

import dev.cotangent.kernel.BinaryKernel;
import java.util.Locale;

/**
 * The diagnostic behind the reverse sweep's own accumulation loop (RESULTS-tape.md): adding a 256×256 cotangent into
 * a buffer 2000 times, as M1's weight gradient does, with {@code BinaryKernel.same} in place (output = first
 * operand), out of place, and with a plain {@code a[i] += b[i]} loop. Five rounds, each the three interleaved.
 */
public final class InPlaceAdd {
    private InPlaceAdd() {}

    public static void main(String[] args) {
        int n = 256 * 256;
        double[] a = new double[n];
        double[] b = new double[n];
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
            b[i] = 1.0 / (i + 1);
        }
        for (int round = 0; round < 5; round++) {
            long t0 = System.nanoTime();
            for (int k = 0; k < 2000; k++) BinaryKernel.same(BinaryKernel.Fn.ADD, a, 0, b, 0, a, 0, n);
            long t1 = System.nanoTime();
            for (int k = 0; k < 2000; k++) BinaryKernel.same(BinaryKernel.Fn.ADD, a, 0, b, 0, out, 0, n);
            long t2 = System.nanoTime();
            for (int k = 0; k < 2000; k++) for (int i = 0; i < n; i++) a[i] += b[i];
            long t3 = System.nanoTime();
            System.out.printf(Locale.ROOT, "per add of 65,536 doubles: kernel in place %.1f us, kernel out of place "
                    + "%.1f us, plain loop %.1f us (checksum %.3g)%n", (t1 - t0) / 2e6, (t2 - t1) / 2e6,
                    (t3 - t2) / 2e6, a[n - 1] + out[n - 1]);
        }
    }
}
