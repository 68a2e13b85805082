package dev.cotangent.gradbench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cotangent.AD;
import dev.cotangent.Tensor;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The vectorised cofactor expansion (and, above {@value Det#VECTORISED} × {@value Det#VECTORISED}, the Java recursion
 * that feeds it) against an LU determinant, and its reverse-mode gradient against the cofactor matrix det(A)·A⁻ᵀ,
 * for sizes beyond the public workloads (which stop at 6).
 */
class DetTest {
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 7, 8, 9})
    void theExpansionIsTheDeterminantAndItsGradientTheCofactors(int n) {
        Random rng = new Random(42 + n);
        double[] a = new double[n * n];
        for (int i = 0; i < a.length; i++) a[i] = rng.nextDouble() * 2 - 1 + (i % (n + 1) == 0 ? 1 : 0);
        double expected = luDeterminant(a.clone(), n);
        double got = Det.det(Tensor.of(a), n).item();
        assertEquals(expected, got, 1e-10 * Math.max(1, Math.abs(expected)), "det of a " + n + "x" + n);
        double[] grad = AD.grad((Tensor m) -> Det.det(m, n)).apply(Tensor.of(a)).toArray();
        double[] inv = inverse(a, n);
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                double cofactor = expected * inv[c * n + r];
                assertEquals(cofactor, grad[r * n + c], 1e-9 * Math.max(1, Math.abs(cofactor)), "d det/d A[" + r + "][" + c + "]");
            }
        }
    }

    static double luDeterminant(double[] a, int n) {
        double det = 1;
        for (int k = 0; k < n; k++) {
            int p = k;
            for (int i = k + 1; i < n; i++) if (Math.abs(a[i * n + k]) > Math.abs(a[p * n + k])) p = i;
            if (p != k) {
                for (int j = 0; j < n; j++) {
                    double t = a[k * n + j];
                    a[k * n + j] = a[p * n + j];
                    a[p * n + j] = t;
                }
                det = -det;
            }
            det *= a[k * n + k];
            for (int i = k + 1; i < n; i++) {
                double f = a[i * n + k] / a[k * n + k];
                for (int j = k; j < n; j++) a[i * n + j] -= f * a[k * n + j];
            }
        }
        return det;
    }

    /** A⁻¹ by Gauss–Jordan elimination with partial pivoting. */
    static double[] inverse(double[] a0, int n) {
        double[] a = a0.clone();
        double[] inv = new double[n * n];
        for (int i = 0; i < n; i++) inv[i * n + i] = 1;
        for (int k = 0; k < n; k++) {
            int p = k;
            for (int i = k + 1; i < n; i++) if (Math.abs(a[i * n + k]) > Math.abs(a[p * n + k])) p = i;
            for (int j = 0; j < n; j++) {
                double t = a[k * n + j];
                a[k * n + j] = a[p * n + j];
                a[p * n + j] = t;
                t = inv[k * n + j];
                inv[k * n + j] = inv[p * n + j];
                inv[p * n + j] = t;
            }
            double d = a[k * n + k];
            for (int j = 0; j < n; j++) {
                a[k * n + j] /= d;
                inv[k * n + j] /= d;
            }
            for (int i = 0; i < n; i++) {
                if (i == k) continue;
                double f = a[i * n + k];
                for (int j = 0; j < n; j++) {
                    a[i * n + j] -= f * a[k * n + j];
                    inv[i * n + j] -= f * inv[k * n + j];
                }
            }
        }
        return inv;
    }
}
