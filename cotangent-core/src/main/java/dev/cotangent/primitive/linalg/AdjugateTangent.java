package dev.cotangent.primitive.linalg;

import dev.cotangent.Ops;
import dev.cotangent.Tensor;
import dev.cotangent.kernel.LapackAdjugate;
import dev.cotangent.primitive.Batching;
import dev.cotangent.primitive.Named;
import dev.cotangent.primitive.OneResult;
import dev.cotangent.tensor.NDArray;
import dev.cotangent.tensor.Shape;

/**
 * T(A, E) = d adj(A)[E], the derivative of the {@link Adjugate} at A in the direction E (both {@code [..., n, n]}
 * of one shape), exact at every A, singular ones included: from the SVD A = U Σ Vᵀ,
 * T(A, E) = det(U)det(V) V · d adj(Σ)[UᵀEV] · Uᵀ with the cofactor derivatives of a diagonal matrix
 * ({@link LapackAdjugate}). It is linear in E, and its transpose in E is E ↦ T(A, Eᵀ)ᵀ.
 *
 * <p>Its derivative in A (the third derivative of det) differentiates the identity det(A) T(A, E) = tr(adj(A)E)
 * adj(A) − adj(A) E adj(A), which holds for every A: with Ȧ, ḋet = tr(adj(A) Ȧ) and ȧdj = T(A, Ȧ),
 * det · Ṫ = tr(ȧdj E) adj + tr(adj E) ȧdj − ȧdj E adj − adj E ȧdj − ḋet T. That divides by det A, so third
 * derivatives of det are NaN (0/0) at an exactly singular matrix and lose accuracy like cond(A)·ε near one; first
 * and second derivatives of det are exact everywhere.
 */
public final class AdjugateTangent extends Named implements OneResult {
    public static final AdjugateTangent INSTANCE = new AdjugateTangent();

    private AdjugateTangent() {}

    /** d adj(A)[E]. */
    static Tensor of(Tensor a, Tensor e) {
        return Ops.apply(INSTANCE, a, e);
    }

    /** The transpose of E ↦ d adj(A)[E] applied to W: T(A, Wᵀ)ᵀ. */
    static Tensor transposed(Tensor a, Tensor w) {
        return LuRules.mT(of(a, LuRules.mT(w)));
    }

    @Override
    public String name() {
        return "adjugate_tangent";
    }

    @Override
    public int arity() {
        return 2;
    }

    @Override
    public Shape shape(Shape... in) {
        if (in.length != 2) throw new IllegalArgumentException(name() + ": takes 2 operands, got " + in.length);
        LuShapes.square(name(), in[0]);
        if (!in[0].equals(in[1])) {
            throw new IllegalArgumentException(name() + ": a " + in[0] + " and direction " + in[1]
                    + " need one shape");
        }
        return in[0];
    }

    @Override
    public NDArray apply(NDArray... in) {
        Shape s = shape(in[0].dims(), in[1].dims());
        double[] out = new double[s.size()];
        LapackAdjugate.tangent(in[0].unsafeData(), in[1].unsafeData(), s.dim(-1), LuShapes.count(s), out);
        return NDArray.wrap(s, out);
    }

    @Override
    public Tensor jvp(Tensor[] x, Tensor[] t, Tensor y) {
        Tensor fromE = t[1] == null ? null : of(x[0], t[1]);
        if (t[0] == null) return fromE;
        Tensor a = x[0];
        Tensor e = x[1];
        Tensor adj = LuRules.adjugate(a);
        Tensor adjDot = of(a, t[0]);
        Tensor detDot = LuRules.perMatrix(traceOfProduct(adj, t[0]));
        Tensor rDot = Ops.sub(Ops.add(Ops.mul(LuRules.perMatrix(traceOfProduct(adjDot, e)), adj),
                        Ops.mul(LuRules.perMatrix(traceOfProduct(adj, e)), adjDot)),
                Ops.add(Ops.matmul(Ops.matmul(adjDot, e, false, false), adj, false, false),
                        Ops.matmul(Ops.matmul(adj, e, false, false), adjDot, false, false)));
        Tensor fromA = Ops.div(Ops.sub(rDot, Ops.mul(detDot, y)), LuRules.perMatrix(LuRules.det(a)));
        return fromE == null ? fromA : Ops.add(fromE, fromA);
    }

    @Override
    public Tensor[] vjp(Tensor w, Tensor[] x, Tensor y, boolean[] needed) {
        Tensor a = x[0];
        Tensor e = x[1];
        Tensor ga = null;
        if (needed[0]) {
            Tensor adj = LuRules.adjugate(a);
            Tensor adjT = LuRules.mT(adj);
            Tensor eT = LuRules.mT(e);
            // X = ⟨W, adj⟩ Eᵀ + tr(adj E) W − W adjᵀ Eᵀ − Eᵀ adjᵀ W, then Ā = (T*(X) − ⟨W, T(A, E)⟩ adjᵀ) / det
            Tensor xm = Ops.sub(Ops.add(Ops.mul(LuRules.perMatrix(LuRules.sumMatrices(Ops.mul(w, adj))), eT),
                            Ops.mul(LuRules.perMatrix(traceOfProduct(adj, e)), w)),
                    Ops.add(Ops.matmul(Ops.matmul(w, adjT, false, false), eT, false, false),
                            Ops.matmul(Ops.matmul(eT, adjT, false, false), w, false, false)));
            Tensor wy = LuRules.perMatrix(LuRules.sumMatrices(Ops.mul(w, y)));
            ga = Ops.div(Ops.sub(transposed(a, xm), Ops.mul(wy, adjT)), LuRules.perMatrix(LuRules.det(a)));
        }
        Tensor ge = needed[1] ? transposed(a, w) : null;
        return new Tensor[] {ga, ge};
    }

    /** tr(X Y) of every pair of matrices, Σ_ij X_ji Y_ij: {@code [...]}. */
    private static Tensor traceOfProduct(Tensor x, Tensor y) {
        return LuRules.sumMatrices(Ops.mul(LuRules.mT(x), y));
    }

    /** Both operands of one shape: an unbatched one is repeated along the batch. */
    @Override
    public Tensor batch(Tensor[] args, boolean[] batched, int size) {
        return Ops.apply(this, Batching.materialize(args[0], batched[0], size),
                Batching.materialize(args[1], batched[1], size));
    }
}
