package dev.cotangent.kernel;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.openblas.global.openblas;

/**
 * The adjugate adj(A) (the transposed cofactor matrix: adj(A)·A = A·adj(A) = det(A)·I) and its directional
 * derivative, for stacks of row-major n×n matrices, exact at singular matrices too.
 *
 * <p>When the LU factors say A is well-conditioned (LAPACK's reciprocal condition estimate at least
 * {@value #RCOND_FOR_INVERSE}), adj(A) = det(A)·A⁻¹ from the LU. Otherwise, from the SVD A = U diag(σ) Vᵀ:
 * adj(A) = det(U)det(V) · V diag(π) Uᵀ with π_i = Π_{j≠i} σ_j (products without division, so a zero σ is no
 * trouble), since adj(XYZ) = adj(Z)adj(Y)adj(X) and adj(Q) = det(Q)Qᵀ for an orthogonal Q.
 *
 * <p>The derivative follows the same way: A + E = U (Σ + F) Vᵀ with F = UᵀEV, so
 * d adj(A)[E] = det(U)det(V) · V · d adj(Σ)[F] · Uᵀ, and at the diagonal Σ the derivative of each cofactor is
 * d adj(Σ)[F]_ij = −F_ij Π_{k∉{i,j}} σ_k (i ≠ j) and d adj(Σ)[F]_ii = Σ_{k≠i} F_kk Π_{l∉{i,k}} σ_l. This holds
 * for any SVD of any A (no 1/(σ_i − σ_j) terms), so repeated and zero singular values are no trouble either.
 */
public final class LapackAdjugate {
    /** Below this estimate of 1/cond(A), the adjugate is taken from the SVD rather than from det(A)·A⁻¹. */
    static final double RCOND_FOR_INVERSE = 1e-6;
    private static final int COL = openblas.LAPACK_COL_MAJOR;

    private LapackAdjugate() {}

    /**
     * adj(A_t) of each of the {@code count} n×n matrices in {@code a}, whose LU factors are {@code lu}, row-major
     * into {@code out} (overwritten).
     */
    public static void adjugate(double[] a, LuFactors lu, int n, int count, double[] out) {
        int nn = n * n;
        for (int t = 0; t < count; t++) {
            if (n == 1) {
                out[t] = 1.0;
            } else if (n > 1 && lu.zeroPivot(t) < 0
                    && Lapack.rcond(lu, t, normInf(a, t * nn, n)) >= RCOND_FOR_INVERSE) {
                Lapack.getri(lu, t, out, t * nn);
                double det = lu.det(t);
                for (int i = t * nn; i < (t + 1) * nn; i++) out[i] *= det;
            } else if (n > 1) {
                double[] m = java.util.Arrays.copyOfRange(a, t * nn, (t + 1) * nn);
                System.arraycopy(fromSvd(m, n), 0, out, t * nn, nn);
            }
        }
    }

    /**
     * d adj(A_t)[E_t], the derivative of the adjugate at each of the {@code count} n×n matrices A_t of {@code a} in
     * the direction E_t of {@code e} (same layout), row-major into {@code out} (overwritten).
     */
    public static void tangent(double[] a, double[] e, int n, int count, double[] out) {
        int nn = n * n;
        for (int t = 0; t < count && n > 0; t++) {
            if (n == 1) {
                out[t] = 0.0;
                continue;
            }
            Svd s = svd(java.util.Arrays.copyOfRange(a, t * nn, (t + 1) * nn), n);
            // F = Uᵀ E V = Pᵀ E Qᵀ in the row-major names of svd()
            double[] pe = new double[nn];
            double[] f = new double[nn];
            Blas.gemm(true, false, n, n, n, s.p, 0, e, t * nn, pe, 0);
            Blas.gemm(false, true, n, n, n, pe, 0, s.q, 0, f, 0);
            double[] pi2 = pairProducts(s.sigma);
            double[] g = new double[nn];
            for (int i = 0; i < n; i++) {
                double d = 0;
                for (int k = 0; k < n; k++) {
                    if (k == i) continue;
                    d += f[k * n + k] * pi2[i * n + k];
                    g[i * n + k] = -f[i * n + k] * pi2[i * n + k];
                }
                g[i * n + i] = d;
            }
            // V G Uᵀ = Qᵀ G Pᵀ
            double[] qg = new double[nn];
            Blas.gemm(true, false, n, n, n, s.q, 0, g, 0, qg, 0);
            Blas.gemm(false, true, n, n, n, qg, 0, s.p, 0, out, t * nn);
            for (int i = 0; i < nn; i++) out[t * nn + i] *= s.sign;
        }
    }

    /** adj(A) = det(U)det(V) V diag(π) Uᵀ for one matrix with n ≥ 2. */
    private static double[] fromSvd(double[] m, int n) {
        Svd s = svd(m, n);
        double[] pi = leaveOneOutProducts(s.sigma);
        // V diag(π) Uᵀ = Qᵀ (P diag(π))ᵀ
        double[] pScaled = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) pScaled[i * n + j] = s.p[i * n + j] * pi[j];
        }
        double[] adj = new double[n * n];
        Blas.gemm(true, true, n, n, n, s.q, 0, pScaled, 0, adj, 0);
        for (int i = 0; i < adj.length; i++) adj[i] *= s.sign;
        return adj;
    }

    /** A = P diag(σ) Q, P and Q orthogonal and row-major; {@code sign} = det(P)·det(Q). */
    private record Svd(double[] p, double[] sigma, double[] q, double sign) {}

    private static Svd svd(double[] m, int n) {
        int nn = n * n;
        try (DoublePointer w = new DoublePointer(nn); DoublePointer s = new DoublePointer(n);
             DoublePointer u = new DoublePointer(nn); DoublePointer vt = new DoublePointer(nn)) {
            w.put(m, 0, nn);
            BlasThreads.use((long) nn * n);
            // LAPACK sees Aᵀ = U S Vᵀ (column-major), so A = V S Uᵀ: row-major, the buffer vt holds V and u holds Uᵀ
            int info = openblas.LAPACKE_dgesdd(COL, (byte) 'A', n, n, w, n, s, u, n, vt, n);
            if (info > 0) {
                throw new ArithmeticException("adjugate: the SVD of a " + n + "×" + n + " matrix did not converge");
            }
            if (info < 0) throw new IllegalStateException("LAPACKE_dgesdd: argument " + -info + " is illegal");
            double[] p = new double[nn];
            double[] q = new double[nn];
            double[] sigma = new double[n];
            vt.get(p, 0, nn);
            u.get(q, 0, nn);
            s.get(sigma, 0, n);
            double sign = Lapack.getrf(p, n, 1).sign(0) * Lapack.getrf(q, n, 1).sign(0);
            return new Svd(p, sigma, q, sign);
        }
    }

    /** π_i = Π_{j≠i} σ_j, from prefix and suffix products (no division). */
    static double[] leaveOneOutProducts(double[] sigma) {
        int n = sigma.length;
        double[] pi = new double[n];
        double prefix = 1;
        for (int i = 0; i < n; i++) {
            pi[i] = prefix;
            prefix *= sigma[i];
        }
        double suffix = 1;
        for (int i = n - 1; i >= 0; i--) {
            pi[i] *= suffix;
            suffix *= sigma[i];
        }
        return pi;
    }

    /** π2_ij = Π_{k∉{i,j}} σ_k for i ≠ j (symmetric; the diagonal is unused), in O(n²) without division. */
    static double[] pairProducts(double[] sigma) {
        int n = sigma.length;
        double[] prefix = new double[n + 1];
        double[] suffix = new double[n + 1];
        prefix[0] = 1;
        for (int i = 0; i < n; i++) prefix[i + 1] = prefix[i] * sigma[i];
        suffix[n] = 1;
        for (int i = n - 1; i >= 0; i--) suffix[i] = suffix[i + 1] * sigma[i];
        double[] out = new double[n * n];
        for (int i = 0; i < n; i++) {
            double between = 1;
            for (int j = i + 1; j < n; j++) {
                double v = prefix[i] * between * suffix[j + 1];
                out[i * n + j] = v;
                out[j * n + i] = v;
                between *= sigma[j];
            }
        }
        return out;
    }

    /** The largest absolute row sum of the n×n matrix at {@code off}. */
    private static double normInf(double[] m, int off, int n) {
        double best = 0;
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < n; j++) s += Math.abs(m[off + i * n + j]);
            best = Math.max(best, s);
        }
        return best;
    }
}
