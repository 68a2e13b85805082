package dev.cotangent.implicit;

import dev.cotangent.AD;
import dev.cotangent.Ops;
import dev.cotangent.Tensor;
import dev.cotangent.tensor.Shape;
import java.util.Arrays;
import java.util.function.Function;

/**
 * x = A(q)⁻¹b as one differentiable operation with both derivative rules written with ops, so that it can be
 * differentiated to any order in b and q:
 * <ul>
 *   <li>forward: ẋ = A⁻¹(ḃ − (∂_q[A(q)x]) q̇), one more solve;</li>
 *   <li>reverse: b̄ = A⁻ᵀx̄, q̄ = −(∂_q[A(q)x])ᵀ b̄, one solve with the transpose.</li>
 * </ul>
 * Core's custom rules give one of the two each ({@code customJvp} transposes its rule for reverse mode, which here
 * would call the solve's own reverse rule again, without end; {@code customVjp} differentiates its function for
 * forward mode, which here would differentiate the Krylov iterations). So the solve is a {@code customVjp} whose
 * function is a {@code customJvp}: forward mode reaches the inner rule, reverse mode the outer one, and each rule
 * solves through this same operation.
 *
 * <p>The concrete solve is a Krylov method ({@link Krylov}). Under vmap (jacfwd, jacrev, hessian batch the tangents
 * or cotangents) the right-hand side has no single value, so the matrix is assembled from n products at the
 * concrete parameters and inverted ({@link Dense}); the parameters themselves cannot be batched.
 */
final class LinearSolves {
    private LinearSolves() {}

    /** A(q)⁻¹b; {@code who} names the caller in errors. */
    static Tensor solve(LinearMap a, Tensor b, Tensor[] q, Options o, String who) {
        Function<Tensor[], Tensor> forward = AD.customJvp(args -> concrete(a, args, o, who),
                (p, t, x) -> tangent(a, p, t, x, o, who));
        Function<Tensor[], Tensor> both = AD.customVjp(forward, (in, x, ct) -> cotangents(a, in, x, ct, o, who));
        return both.apply(join(b, q));
    }

    private static Tensor tangent(LinearMap a, Tensor[] p, Tensor[] t, Tensor x, Options o, String who) {
        Tensor[] q = LinearMap.rest(p);
        Tensor[] dq = LinearMap.rest(t);
        Tensor r = t[0];
        if (!allConcreteZeros(dq)) {
            Tensor dA = AD.jvp((Tensor[] qs) -> a.apply(x, qs), q, dq).tangent();
            r = r.sub(dA);
        }
        if (isConcreteZero(r)) return Tensor.zeros(x.shape());
        return solve(a, r, q, o, who);
    }

    private static Tensor[] cotangents(LinearMap a, Tensor[] in, Tensor x, Tensor ct, Options o, String who) {
        Tensor[] q = LinearMap.rest(in);
        Tensor[] out = new Tensor[in.length];
        Tensor w = solve(a.transpose(), ct, q, o, who + ": transposed solve");
        out[0] = w;
        // The rule cannot tell which operands the recording trace differentiates (it sees primal values only),
        // so it gives every parameter its cotangent.
        Tensor[] dq = AD.vjp((Tensor[] qs) -> a.apply(x, qs), q).pullback(w);
        for (int i = 0; i < q.length; i++) out[i + 1] = dq[i] == null ? null : dq[i].neg();
        return out;
    }

    /** The solve on values: a Krylov method, or the dense inverse when the right-hand side is batched. */
    private static Tensor concrete(LinearMap a, Tensor[] args, Options o, String who) {
        Tensor b = args[0];
        Tensor[] q = LinearMap.rest(args);
        for (int i = 0; i < q.length; i++) {
            // Under vmap (or staging) a traced parameter has no single value: value() says so in its own words.
            if (q[i].level() > 0) q[i] = Tensor.from(q[i].value());
        }
        if (b.level() > 0) return dense(a, b, q, who);
        Krylov.Result r = Krylov.solve(o.methodFor(a.symmetric), a.product(q, b.dims()), b.toArray(), o, who);
        return Tensor.of(b.shape(), r.x());
    }

    private static Tensor dense(LinearMap a, Tensor b, Tensor[] q, String who) {
        int n = b.size();
        Shape shape = b.dims();
        var product = a.product(q, shape);
        double[] m = new double[n * n];
        for (int j = 0; j < n; j++) {
            double[] e = new double[n];
            e[j] = 1;
            double[] col = product.apply(e);
            for (int i = 0; i < n; i++) m[i * n + j] = col[i];
        }
        Tensor inv = Tensor.of(new int[] {n, n}, Dense.inverse(m, n, who + " (dense, under vmap)"));
        return Ops.reshape(inv.matmul(Ops.reshape(b, n)), b.shape());
    }

    static boolean allConcreteZeros(Tensor[] ts) {
        for (Tensor t : ts) if (!isConcreteZero(t)) return false;
        return true;
    }

    /** A concrete tensor of zeros (what core passes for an operand without a tangent). */
    static boolean isConcreteZero(Tensor t) {
        if (t.level() > 0) return false;
        for (double d : t.value().unsafeData()) if (d != 0) return false;
        return true;
    }

    static Tensor[] join(Tensor first, Tensor[] rest) {
        Tensor[] r = new Tensor[rest.length + 1];
        r[0] = first;
        System.arraycopy(rest, 0, r, 1, rest.length);
        return r;
    }
}
