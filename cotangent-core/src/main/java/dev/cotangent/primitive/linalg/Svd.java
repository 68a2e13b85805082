package dev.cotangent.primitive.linalg;

import static dev.cotangent.primitive.linalg.SpectralRules.column;
import static dev.cotangent.primitive.linalg.SpectralRules.diagEmbed;
import static dev.cotangent.primitive.linalg.SpectralRules.diagonal;
import static dev.cotangent.primitive.linalg.SpectralRules.mT;
import static dev.cotangent.primitive.linalg.SpectralRules.offDiagonalReciprocal;
import static dev.cotangent.primitive.linalg.SpectralRules.plus;
import static dev.cotangent.primitive.linalg.SpectralRules.row;

import dev.cotangent.Ops;
import dev.cotangent.Tensor;
import dev.cotangent.kernel.LapackSpectral;
import dev.cotangent.primitive.Named;
import dev.cotangent.tensor.NDArray;
import dev.cotangent.tensor.Shape;

/**
 * The reduced singular value decomposition A = U diag(s) Vᵀ (LAPACK dgesdd), batched over leading axes, with
 * three results for A [.., m, n] and k = min(m, n): U [.., m, k], s [.., k] descending, Vᵀ [.., k, n]. Each
 * column of U has its largest-magnitude component positive (the matching row of Vᵀ flips with it).
 *
 * <p>Rules (Townsend 2016, "Differentiating the Singular Value Decomposition"), with S = diag(s),
 * P = Uᵀ Ȧ V and F_ij = 1/(s_j² − s_i²) for i ≠ j, F_ii = 0:
 * <ul>
 *   <li>JVP: ṡ = diag(P); U̇ = U (F ⊙ (P S + S Pᵀ)) + (I − UUᵀ) Ȧ V S⁻¹ (the last term only when m &gt; n);
 *       V̇ = V (F ⊙ (S P + Pᵀ S)) + (I − VVᵀ) Ȧᵀ U S⁻¹ (the last term only when n &gt; m).</li>
 *   <li>VJP: Ā = U [(F ⊙ (UᵀŪ − ŪᵀU)) S + diag(s̄) + S (F ⊙ (VᵀV̄ − V̄ᵀV))] Vᵀ + (I − UUᵀ) Ū S⁻¹ Vᵀ
 *       + U S⁻¹ V̄ᵀ (I − VVᵀ). A zero cotangent drops its terms: a function of s alone (the nuclear or spectral
 *       norm) has the finite gradient U diag(s̄) Vᵀ even where singular values repeat or vanish.</li>
 * </ul>
 * Degenerate points: where the singular vectors are used and two singular values are equal, the rule divides by
 * s_j² − s_i² = 0, and for m ≠ n a zero singular value makes S⁻¹ infinite; either gives ±∞ or NaN (never a
 * silently finite value), and anomaly mode ({@code AD.detectAnomaly}) names svd. The forward-mode rule always
 * computes U̇ and V̇, so under anomaly mode a jvp at such a point fails even when only ṡ is used.
 */
public final class Svd extends Named {
    public static final Svd INSTANCE = new Svd();

    private Svd() {}

    @Override
    public String name() {
        return "svd";
    }

    @Override
    public int arity() {
        return 1;
    }

    @Override
    public int results() {
        return 3;
    }

    @Override
    public Shape[] shapes(Shape... in) {
        if (in.length != 1) throw new IllegalArgumentException("svd: takes 1 operand, got " + in.length);
        int[] mn = SpectralRules.matrixDims(name(), in[0]);
        int k = Math.min(mn[0], mn[1]);
        return new Shape[] {SpectralRules.batchThen(in[0], mn[0], k), SpectralRules.batchThen(in[0], k),
            SpectralRules.batchThen(in[0], k, mn[1])};
    }

    @Override
    public NDArray[] applyAll(NDArray... in) {
        Shape[] out = shapes(in[0].dims());
        int m = in[0].dims().dim(-2);
        int n = in[0].dims().dim(-1);
        double[] u = new double[out[0].size()];
        double[] s = new double[out[1].size()];
        double[] vt = new double[out[2].size()];
        LapackSpectral.svd(SpectralRules.count(in[0].dims()), m, n, in[0].unsafeData(), u, s, vt);
        return new NDArray[] {NDArray.wrap(out[0], u), NDArray.wrap(out[1], s), NDArray.wrap(out[2], vt)};
    }

    @Override
    public Tensor[] jvpAll(Tensor[] x, Tensor[] t, Tensor[] y) {
        Tensor u = y[0];
        Tensor s = y[1];
        Tensor vt = y[2];
        Tensor da = t[0];
        int m = u.dims().dim(-2);
        int n = vt.dims().dim(-1);
        Tensor dav = Ops.matmul(da, vt, false, true);                     // Ȧ V
        Tensor p = Ops.matmul(u, dav, true, false);                        // Uᵀ Ȧ V
        Tensor f = gapReciprocals(s);
        Tensor ps = Ops.mul(p, row(s));                                    // P S
        Tensor sp = Ops.mul(column(s), p);                                 // S P
        Tensor du = Ops.matmul(u, Ops.mul(f, Ops.add(ps, mT(ps))));
        Tensor dvt = Ops.matmul(Ops.mul(f, Ops.add(sp, mT(sp))), vt, true, false);
        if (m > n) {
            // (I − UUᵀ) Ȧ V S⁻¹, with Uᵀ Ȧ V = P
            du = Ops.add(du, Ops.div(Ops.sub(dav, Ops.matmul(u, p)), row(s)));
        } else if (n > m) {
            // ((I − VVᵀ) Ȧᵀ U S⁻¹)ᵀ = S⁻¹ (Uᵀ Ȧ − P Vᵀ)
            Tensor extra = Ops.sub(Ops.matmul(u, da, true, false), Ops.matmul(p, vt));
            dvt = Ops.add(dvt, Ops.div(extra, column(s)));
        }
        return new Tensor[] {du, diagonal(p), dvt};
    }

    @Override
    public Tensor[] vjpAll(Tensor[] ct, Tensor[] x, Tensor[] y, boolean[] needed) {
        Tensor u = y[0];
        Tensor s = y[1];
        Tensor vt = y[2];
        Tensor gu = ct[0];
        Tensor gs = ct[1];
        Tensor gvt = ct[2];
        int m = u.dims().dim(-2);
        int n = vt.dims().dim(-1);
        Tensor f = gu != null || gvt != null ? gapReciprocals(s) : null;
        Tensor mid = gs == null ? null : diagEmbed(gs);
        Tensor utg = null;
        Tensor vtg = null;
        if (gu != null) {
            utg = Ops.matmul(u, gu, true, false);                          // Uᵀ Ū
            mid = plus(mid, Ops.mul(Ops.mul(f, Ops.sub(utg, mT(utg))), row(s)));
        }
        if (gvt != null) {
            vtg = Ops.matmul(vt, gvt, false, true);                        // Vᵀ V̄
            mid = plus(mid, Ops.mul(column(s), Ops.mul(f, Ops.sub(vtg, mT(vtg)))));
        }
        Tensor abar = gu == null && gvt == null
                ? Ops.matmul(Ops.mul(u, row(gs)), vt)                      // U diag(s̄) Vᵀ, one product
                : Ops.matmul(Ops.matmul(u, mid), vt);
        if (m > n && gu != null) {
            // (I − UUᵀ) Ū S⁻¹ Vᵀ
            Tensor extra = Ops.div(Ops.sub(gu, Ops.matmul(u, utg)), row(s));
            abar = Ops.add(abar, Ops.matmul(extra, vt));
        }
        if (n > m && gvt != null) {
            // U S⁻¹ V̄ᵀ (I − VVᵀ), with V̄ᵀ = gvt and V̄ᵀ V = (Vᵀ V̄)ᵀ
            Tensor extra = Ops.div(Ops.sub(gvt, Ops.matmul(vtg, vt, true, false)), column(s));
            abar = Ops.add(abar, Ops.matmul(u, extra));
        }
        return new Tensor[] {abar};
    }

    /** F_ij = 1/(s_j² − s_i²) = 1/((s_j − s_i)(s_j + s_i)) off the diagonal, 0 on it. */
    private static Tensor gapReciprocals(Tensor s) {
        Tensor diff = Ops.sub(row(s), column(s));
        Tensor sum = Ops.add(row(s), column(s));
        return offDiagonalReciprocal(Ops.mul(diff, sum));
    }

    /** The operand's batch axis is one more leading axis, which svd batches over already. */
    @Override
    public Tensor[] batchAll(Tensor[] args, boolean[] batched, int size) {
        return Ops.applyAll(this, args[0]);
    }

    /** Its rules read the results (U, s, Vᵀ), not the operand. */
    @Override
    public boolean vjpReadsOperands() {
        return false;
    }
}
