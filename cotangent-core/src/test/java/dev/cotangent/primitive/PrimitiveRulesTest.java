package dev.cotangent.primitive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.cotangent.AD;
import dev.cotangent.Ops;
import dev.cotangent.Tensor;
import dev.cotangent.check.CheckResult;
import dev.cotangent.check.GradCheck;
import dev.cotangent.check.Packing;
import dev.cotangent.check.Tolerance;
import dev.cotangent.tensor.NDArray;
import dev.cotangent.tensor.Shape;
import dev.cotangent.trace.Bind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.TestFactory;

/**
 * The exhaustive rule test: every case of the {@link Registry}, on several seeded random draws of operands, goes
 * through
 * <ol>
 *   <li>the shape rule against the implementation's result shape, and bind (level 0) against apply;</li>
 *   <li>(a) JVP against fourth-order central finite differences, per operand (one tangent, the others
 *       constant) and for all operands at once (every operand a tracer of one trace);</li>
 *   <li>(b) VJP against JVP by the dot-product test ⟨u, J v⟩ = ⟨Jᵀu, v⟩, per operand (one cotangent needed)
 *       and for all at once;</li>
 *   <li>(c) second order on the scalarisation g(x) = Σ w ⊙ p(x) with a fixed random w: forward-over-reverse
 *       against reverse-over-reverse, and against finite differences of the gradient (the two AD routes share
 *       the VJP rules, so only the latter catches a rule whose own derivative is wrong).</li>
 * </ol>
 * A primitive, or an operand, that is not smooth (comparisons, sign, floor, argmax, stopGradient, the condition
 * of where) must instead have a derivative that is exactly zero, in forward and reverse mode and at second
 * order.
 */
class PrimitiveRulesTest {
    private static final int TRIALS = 4;
    private static final Tolerance FD = Tolerance.FINITE_DIFFERENCES;
    private static final Tolerance EXACT = Tolerance.ROUNDING;
    private static final Tolerance SECOND = new Tolerance(1e-9, 1e-11);

    @TestFactory
    Stream<DynamicContainer> everyRegisteredPrimitive() {
        return Registry.cases().stream().map(c -> dynamicContainer(c.label(),
                IntStream.range(0, TRIALS).mapToObj(t -> dynamicTest("draw " + t, () -> check(c, t)))));
    }

    private static void check(Registry.Case c, int trial) {
        SplittableRandom rng = new SplittableRandom(31L * c.label().hashCode() + trial);
        NDArray[] in = c.inputs().apply(rng);
        Primitive p = c.primitive();
        String where = c.label() + " on " + shapesOf(in);

        // the shape rule agrees with the implementation; bind at level 0 is apply (every result)
        NDArray[] ys = p.applyAll(in);
        Shape[] inShapes = Arrays.stream(in).map(NDArray::dims).toArray(Shape[]::new);
        Shape[] outShapes = p.shapes(inShapes);
        assertEquals(p.results(), ys.length, where + ": results of apply");
        assertEquals(p.results(), outShapes.length, where + ": results of the shape rule");
        Tensor[] args = Arrays.stream(in).map(Tensor::from).toArray(Tensor[]::new);
        Tensor[] bound = Bind.bindAll(p, args);
        for (int r = 0; r < ys.length; r++) {
            assertEquals(ys[r].dims(), outShapes[r], where + ": shape rule vs result " + r + " of apply");
            assertArrayEquals(ys[r].toArray(), bound[r].toArray(), where + ": bind vs apply, result " + r);
        }
        // several results are checked as one: their elements one after the other
        NDArray y = joined(ys);

        List<CheckResult> results = new ArrayList<>();
        for (int i = 0; i < in.length; i++) {
            Function<Tensor, Tensor> fi = operand(p, args, i);
            Tensor vi = GradCheck.random(rng, in[i].shape());
            Tensor u = GradCheck.random(rng, y.shape());
            if (c.smooth()[i]) {
                results.add(GradCheck.jvp(fi, args[i], vi, FD).withContext("operand " + i));
                results.add(GradCheck.dotProduct(fi, args[i], u, vi, EXACT).withContext("operand " + i));
            } else {
                results.add(zero("jvp w.r.t. non-smooth operand " + i, AD.jvp(fi, args[i], vi).tangent()));
                results.add(zero("vjp w.r.t. non-smooth operand " + i, AD.vjp(fi, args[i]).pullback(u)));
            }
        }

        // all smooth operands together, as tracers of one trace
        int[] smooth = IntStream.range(0, in.length).filter(i -> c.smooth()[i]).toArray();
        Tensor[] free = Arrays.stream(smooth).mapToObj(i -> args[i]).toArray(Tensor[]::new);
        Function<Tensor, Tensor> f = Packing.packed(xs -> {
            Tensor[] a = args.clone();
            for (int k = 0; k < smooth.length; k++) a[smooth[k]] = xs[k];
            return joined(p, a);
        }, Packing.shapes(free));
        Tensor x = Packing.pack(free);
        Tensor v = GradCheck.random(rng, x.shape());
        Tensor u = GradCheck.random(rng, y.shape());
        Tensor w = GradCheck.random(rng, y.shape());
        Function<Tensor, Tensor> g = z -> Ops.sum(Ops.mul(f.apply(z), w));

        if (smooth.length > 0) {
            results.add(GradCheck.jvp(f, x, v, FD).withContext("all operands"));
            results.add(GradCheck.dotProduct(f, x, u, v, EXACT).withContext("all operands"));
            results.add(GradCheck.hvpModes(g, x, v, SECOND));
            results.add(GradCheck.hvp(g, x, v, FD));
            assertArrayEquals(y.toArray(), AD.jvp(f, x, v).value().toArray(), where + ": jvp primal");
            assertArrayEquals(y.toArray(), AD.vjp(f, x).value().toArray(), where + ": vjp primal");
            // with several results, each one alone: the other results get symbolic zero cotangents
            for (int r = 0; p.results() > 1 && r < p.results(); r++) {
                int res = r;
                Function<Tensor, Tensor> fr = z -> Packing.unpack(f.apply(z), outShapes)[res];
                Tensor ur = GradCheck.random(rng, outShapes[r].dims());
                results.add(GradCheck.jvp(fr, x, v, FD).withContext("result " + r));
                results.add(GradCheck.dotProduct(fr, x, ur, v, EXACT).withContext("result " + r));
            }
        } else {
            // nothing smooth: first and second derivatives through every operand vanish
            Tensor[] all = args.clone();
            Function<Tensor, Tensor> h = Packing.packed(xs -> Ops.sum(Ops.mul(joined(p, xs), w)),
                    Packing.shapes(all));
            Tensor xa = Packing.pack(all);
            Tensor va = GradCheck.random(rng, xa.shape());
            results.add(zero("grad of <w, p(x)>", AD.grad(h).apply(xa)));
            results.add(zero("hvp of <w, p(x)>", AD.hvp(h, xa, va)));
        }

        StringBuilder failures = new StringBuilder();
        for (CheckResult r : results) if (!r.passed()) failures.append("\n  ").append(r);
        if (failures.length() > 0) {
            throw new AssertionError(where + " with operands " + valuesOf(in) + ":" + failures);
        }
    }

    /** p as a function of operand i, the others fixed. */
    private static Function<Tensor, Tensor> operand(Primitive p, Tensor[] args, int i) {
        return xi -> {
            Tensor[] a = args.clone();
            a[i] = xi;
            return joined(p, a);
        };
    }

    /** p's one result, or its several results' elements one after the other (a 1-d tensor). */
    private static Tensor joined(Primitive p, Tensor[] args) {
        Tensor[] outs = Bind.bindAll(p, args);
        return outs.length == 1 ? outs[0] : Packing.pack(outs);
    }

    private static NDArray joined(NDArray[] ys) {
        if (ys.length == 1) return ys[0];
        Tensor[] t = Arrays.stream(ys).map(Tensor::from).toArray(Tensor[]::new);
        return Packing.pack(t).value();
    }

    private static CheckResult zero(String what, Tensor t) {
        double max = 0;
        boolean nan = false;
        for (double d : t.toArray()) {
            max = Math.max(max, Math.abs(d));
            nan |= Double.isNaN(d);
        }
        boolean ok = max == 0 && !nan;
        return new CheckResult(what + " is exactly zero", ok, nan ? Double.NaN : max, 0,
                ok ? "" : "got " + t.value());
    }

    private static String shapesOf(NDArray[] in) {
        StringBuilder sb = new StringBuilder();
        for (NDArray a : in) sb.append(sb.length() == 0 ? "" : ", ").append(a.dims());
        return sb.toString();
    }

    private static String valuesOf(NDArray[] in) {
        StringBuilder sb = new StringBuilder();
        for (NDArray a : in) sb.append(sb.length() == 0 ? "" : "; ").append(Arrays.toString(a.toArray()));
        return sb.toString();
    }
}
