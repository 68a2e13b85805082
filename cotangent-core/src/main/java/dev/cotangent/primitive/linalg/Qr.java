package dev.cotangent.primitive.linalg;

import static dev.cotangent.primitive.linalg.SpectralRules.mT;
import static dev.cotangent.primitive.linalg.SpectralRules.masked;
import static dev.cotangent.primitive.linalg.SpectralRules.plus;
import static dev.cotangent.primitive.linalg.SpectralRules.symmetricFromLower;

import dev.cotangent.Ops;
import dev.cotangent.Tensor;
import dev.cotangent.kernel.LapackSpectral;
import dev.cotangent.primitive.Named;
import dev.cotangent.primitive.linalg.SpectralRules.Mask;
import dev.cotangent.tensor.NDArray;
import dev.cotangent.tensor.Shape;

/**
 * The reduced QR decomposition A = Q R (LAPACK dgeqrf and dorgqr), batched over leading axes, with two results for
 * A [.., m, n] and k = min(m, n): Q [.., m, k] with orthonormal columns and R [.., k, n] upper triangular with a
 * non-negative diagonal (which makes the factorisation unique, and smooth, for A of full rank).
 *
 * <p>Rules for m ≥ n, with copyltu(M) = tril(M) + tril(M, −1)ᵀ; triangular solves with R, never an inverse
 * ({@link QrTriangularSolve}):
 * <ul>
 *   <li>JVP: X = Ȧ R⁻¹, C = Qᵀ X, Ω = tril(C, −1) − tril(C, −1)ᵀ; Q̇ = Q (Ω − C) + X, Ṙ = (C − Ω) R.</li>
 *   <li>VJP: M = R R̄ᵀ − Q̄ᵀ Q, Ā = (Q̄ + Q copyltu(M)) R⁻ᵀ.</li>
 * </ul>
 * For m &lt; n, A = [X | Y] with X the first m columns: X = Q R_X is the square case and R_Y = Qᵀ Y, so
 * Ṙ_Y = Q̇ᵀ Y + Qᵀ Ẏ; in reverse, Ȳ = Q R̄_Y and X̄ is the square rule with Q̄ + Y R̄_Yᵀ in place of Q̄
 * (Y = Q R_Y is read from the results). This needs X, not only A, of full rank.
 *
 * <p>Degenerate points: for a rank-deficient A (a zero on R's diagonal) the derivative does not exist and the
 * triangular solve throws, naming the op and the diagonal entry; a nearly rank-deficient A gives large
 * derivatives.
 */
public final class Qr extends Named {
    public static final Qr INSTANCE = new Qr();
    private static final QrTriangularSolve SOLVE = new QrTriangularSolve(false);
    private static final QrTriangularSolve SOLVE_TRANSPOSED = new QrTriangularSolve(true);

    private Qr() {}

    @Override
    public String name() {
        return "qr";
    }

    @Override
    public int arity() {
        return 1;
    }

    @Override
    public int results() {
        return 2;
    }

    @Override
    public Shape[] shapes(Shape... in) {
        if (in.length != 1) throw new IllegalArgumentException("qr: takes 1 operand, got " + in.length);
        int[] mn = SpectralRules.matrixDims(name(), in[0]);
        int k = Math.min(mn[0], mn[1]);
        return new Shape[] {SpectralRules.batchThen(in[0], mn[0], k), SpectralRules.batchThen(in[0], k, mn[1])};
    }

    @Override
    public NDArray[] applyAll(NDArray... in) {
        Shape[] out = shapes(in[0].dims());
        double[] q = new double[out[0].size()];
        double[] r = new double[out[1].size()];
        LapackSpectral.qr(SpectralRules.count(in[0].dims()), in[0].dims().dim(-2), in[0].dims().dim(-1),
                in[0].unsafeData(), q, r);
        return new NDArray[] {NDArray.wrap(out[0], q), NDArray.wrap(out[1], r)};
    }

    @Override
    public Tensor[] jvpAll(Tensor[] x, Tensor[] t, Tensor[] y) {
        Tensor q = y[0];
        Tensor r = y[1];
        int m = q.dims().dim(-2);
        int n = r.dims().dim(-1);
        if (m >= n) return squareJvp(q, r, t[0]);
        Tensor[] square = squareJvp(q, Ops.slice(r, -1, 0, m), Ops.slice(t[0], -1, 0, m));
        Tensor yPart = Ops.slice(x[0], -1, m, n);
        Tensor dry = Ops.add(Ops.matmul(square[0], yPart, true, false),
                Ops.matmul(q, Ops.slice(t[0], -1, m, n), true, false));
        return new Tensor[] {square[0], Ops.concat(-1, square[1], dry)};
    }

    /** Q̇ and Ṙ for A = Q R with R square and invertible. */
    private static Tensor[] squareJvp(Tensor q, Tensor r, Tensor da) {
        Tensor x = mT(Ops.apply(SOLVE_TRANSPOSED, r, mT(da)));             // Ȧ R⁻¹ = (R⁻ᵀ Ȧᵀ)ᵀ
        Tensor c = Ops.matmul(q, x, true, false);
        Tensor low = masked(c, Mask.STRICT_LOWER);
        Tensor omega = Ops.sub(low, mT(low));
        Tensor dq = Ops.add(Ops.matmul(q, Ops.sub(omega, c)), x);
        Tensor dr = Ops.matmul(Ops.sub(c, omega), r);
        return new Tensor[] {dq, dr};
    }

    @Override
    public Tensor[] vjpAll(Tensor[] ct, Tensor[] x, Tensor[] y, boolean[] needed) {
        Tensor q = y[0];
        Tensor r = y[1];
        int m = q.dims().dim(-2);
        int n = r.dims().dim(-1);
        if (m >= n) return new Tensor[] {squareVjp(q, r, ct[0], ct[1])};
        Tensor rx = Ops.slice(r, -1, 0, m);
        Tensor gq = ct[0];
        Tensor grx = null;
        Tensor gy = null;
        if (ct[1] != null) {
            grx = Ops.slice(ct[1], -1, 0, m);
            Tensor gry = Ops.slice(ct[1], -1, m, n);
            Tensor ry = Ops.slice(r, -1, m, n);
            // Y = Q R_Y: Q̄ gains Y R̄_Yᵀ = Q (R_Y R̄_Yᵀ)
            gq = plus(gq, Ops.matmul(q, Ops.matmul(ry, gry, false, true)));
            gy = Ops.matmul(q, gry);
        }
        Tensor gx = squareVjp(q, rx, gq, grx);
        if (gy == null) {
            int[] before = new int[gx.rank()];
            int[] after = new int[gx.rank()];
            after[gx.rank() - 1] = n - m;
            return new Tensor[] {Ops.pad(gx, before, after)};
        }
        return new Tensor[] {Ops.concat(-1, gx, gy)};
    }

    /** Ā for A = Q R with R square and invertible; {@code null} cotangents are zero (not both). */
    private static Tensor squareVjp(Tensor q, Tensor r, Tensor gq, Tensor gr) {
        Tensor mm = gr == null ? null : Ops.matmul(r, gr, false, true);   // R R̄ᵀ
        if (gq != null) {
            Tensor qq = Ops.matmul(gq, q, true, false);                    // Q̄ᵀ Q
            mm = mm == null ? Ops.neg(qq) : Ops.sub(mm, qq);
        }
        Tensor b = plus(gq, Ops.matmul(q, symmetricFromLower(mm)));
        return mT(Ops.apply(SOLVE, r, mT(b)));                             // B R⁻ᵀ = (R⁻¹ Bᵀ)ᵀ
    }

    /** The operand's batch axis is one more leading axis, which qr batches over already. */
    @Override
    public Tensor[] batchAll(Tensor[] args, boolean[] batched, int size) {
        return Ops.applyAll(this, args[0]);
    }

    /** Its rules read the results (Q and R), not the operand; Y for m &lt; n is Q R_Y. */
    @Override
    public boolean vjpReadsOperands() {
        return false;
    }
}
