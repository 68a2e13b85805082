package dev.cotangent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cotangent.trace.ReverseTrace;
import dev.cotangent.trace.Scope;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Reverse mode's compact scalar tape (0-d calls recorded as numbers, see {@link ReverseTrace}): the same random
 * programs run on 0-d values (compact tape) and on shape-[1] values (general tape) give the same gradients bit for
 * bit; the gradients agree with central differences and with forward mode (⟨∇f, v⟩ = JVP); and the compact path
 * keeps higher order, traced cotangents and mixed tensor/scalar programs right.
 */
class ScalarTapeTest {

    /** A random program of {@code steps} elementwise ops over the inputs, the same for a given seed at any shape. */
    static Tensor program(Tensor[] x, long seed, int steps) {
        Random r = new Random(seed);
        List<Tensor> v = new ArrayList<>(List.of(x));
        for (int s = 0; s < steps; s++) {
            Tensor a = v.get(r.nextInt(v.size()));
            Tensor b = v.get(r.nextInt(v.size()));
            Tensor c = Tensor.scalar(r.nextDouble() + 0.5);
            Tensor y;
            switch (r.nextInt(16)) {
                case 0: y = Ops.add(a, b); break;
                case 1: y = Ops.sub(a, b); break;
                case 2: y = Ops.mul(a, b); break;
                case 3: y = Ops.div(a, Ops.add(Ops.mul(b, b), c)); break;
                case 4: y = Ops.neg(a); break;
                case 5: y = Ops.exp(Ops.tanh(a)); break;
                case 6: y = Ops.log(Ops.add(Ops.mul(a, a), c)); break;
                case 7: y = Ops.sin(a); break;
                case 8: y = Ops.cos(Ops.mul(c, a)); break;
                case 9: y = Ops.sqrt(Ops.add(Ops.mul(a, a), c)); break;
                case 10: y = Ops.sigmoid(a); break;
                case 11: y = Ops.reciprocal(Ops.add(Ops.exp(a), c)); break;
                case 12: y = Ops.log1p(Ops.mul(a, a)); break;
                case 13: y = Ops.expm1(Ops.tanh(a)); break;
                case 14: y = Ops.sinh(Ops.tanh(a)); break;
                default: y = Ops.mul(Ops.cosh(Ops.tanh(b)), Ops.sub(c, a)); break;
            }
            v.add(Ops.tanh(Ops.mul(y, c))); // bounded, so long programs stay finite
        }
        Tensor out = v.get(v.size() - 1);
        for (int i = 0; i < x.length; i++) out = Ops.add(out, Ops.mul(v.get(v.size() - 2 - i), x[i]));
        return out;
    }

    private static Tensor[] scalars(double[] x, int... dims) {
        Tensor[] t = new Tensor[x.length];
        for (int i = 0; i < x.length; i++) t[i] = Tensor.of(dims, x[i]);
        return t;
    }

    @Test
    void compactAndGeneralTapesGiveTheSameGradientsBitForBit() {
        Random r = new Random(7);
        for (int trial = 0; trial < 40; trial++) {
            long seed = r.nextLong();
            double[] x = {r.nextGaussian(), r.nextGaussian(), r.nextGaussian()};
            Function<Tensor[], Tensor> f = xs -> program(xs, seed, 60);
            List<Tensor> compact = AD.valueAndGrad(f, scalars(x)).grads();
            List<Tensor> general = AD.valueAndGrad(xs -> Ops.reshape(f.apply(xs)), scalars(x, 1)).grads();
            for (int i = 0; i < x.length; i++) {
                assertEquals(0, compact.get(i).rank());
                assertEquals(Double.doubleToLongBits(general.get(i).toArray()[0]),
                        Double.doubleToLongBits(compact.get(i).item()), "trial " + trial + ", input " + i);
            }
        }
    }

    @Test
    void theScalarProgramIsRecordedCompactlyAndTheVectorOneIsNot() {
        try (Scope<ReverseTrace> s = Scope.open(ReverseTrace::new)) {
            Tensor[] in = {s.trace().input(Tensor.scalar(0.3)), s.trace().input(Tensor.scalar(-1.1))};
            program(in, 5, 50);
            assertTrue(s.trace().scalarTapeLength() >= 100, "compact entries: " + s.trace().scalarTapeLength());
        }
        try (Scope<ReverseTrace> s = Scope.open(ReverseTrace::new)) {
            Tensor[] in = {s.trace().input(Tensor.of(0.3)), s.trace().input(Tensor.of(-1.1))};
            program(in, 5, 50);
            assertEquals(0, s.trace().scalarTapeLength());
        }
    }

    @Test
    void gradientsAgreeWithFiniteDifferencesAndForwardMode() {
        Random r = new Random(11);
        for (int trial = 0; trial < 20; trial++) {
            long seed = r.nextLong();
            double[] x = {r.nextGaussian(), r.nextGaussian(), r.nextGaussian()};
            double[] v = {r.nextGaussian(), r.nextGaussian(), r.nextGaussian()};
            Function<Tensor[], Tensor> f = xs -> program(xs, seed, 30);
            List<Tensor> g = AD.valueAndGrad(f, scalars(x)).grads();
            double h = 1e-5;
            double dot = 0;
            for (int i = 0; i < x.length; i++) {
                double[] p = x.clone();
                double[] m = x.clone();
                p[i] += h;
                m[i] -= h;
                double fd = (f.apply(scalars(p)).item() - f.apply(scalars(m)).item()) / (2 * h);
                assertEquals(fd, g.get(i).item(), 1e-6 * Math.max(1, Math.abs(fd)), "trial " + trial + ", input " + i);
                dot += g.get(i).item() * v[i];
            }
            // forward mode along v on the same program: ⟨∇f, v⟩ = the JVP (dot-product test)
            Tensor[] xs = scalars(x);
            Tensor jvp = AD.jvp(t -> f.apply(new Tensor[] {Ops.add(xs[0], Ops.mul(t, Tensor.scalar(v[0]))),
                    Ops.add(xs[1], Ops.mul(t, Tensor.scalar(v[1]))), Ops.add(xs[2], Ops.mul(t, Tensor.scalar(v[2])))}),
                    Tensor.scalar(0), Tensor.scalar(1)).tangent();
            assertEquals(jvp.item(), dot, 1e-12 * Math.max(1, Math.abs(dot)), "trial " + trial);
        }
    }

    @Test
    void higherOrderThroughTheCompactTapeMatchesTheClosedForm() {
        // f(x) = x³ sin x: f' = 3x² sin x + x³ cos x, f'' = 6x sin x + 6x² cos x − x³ sin x
        Function<Tensor, Tensor> f = x -> Ops.mul(Ops.mul(Ops.mul(x, x), x), Ops.sin(x));
        for (double x : new double[] {-1.3, 0.4, 2.2}) {
            double d1 = 3 * x * x * Math.sin(x) + x * x * x * Math.cos(x);
            double d2 = 6 * x * Math.sin(x) + 6 * x * x * Math.cos(x) - x * x * x * Math.sin(x);
            assertEquals(d1, AD.grad(f).apply(Tensor.scalar(x)).item(), 1e-12);
            assertEquals(d2, AD.grad(AD.grad(f)).apply(Tensor.scalar(x)).item(), 1e-11);
            assertEquals(d2, AD.jvp(AD.grad(f), Tensor.scalar(x), Tensor.scalar(1)).tangent().item(), 1e-11);
            assertEquals(2 * d2, AD.hvp(f, Tensor.scalar(x), Tensor.scalar(2)).item(), 1e-11);
            // reverse over forward: the outer tape records the JVP's 0-d ops compactly
            Function<Tensor, Tensor> df = t -> AD.jvp(f, t, Tensor.scalar(1)).tangent();
            assertEquals(d2, AD.grad(df).apply(Tensor.scalar(x)).item(), 1e-11);
        }
        // perturbation confusion: d/dx [x · d/dy (x + y)] at any x is 1
        Tensor d = AD.grad((Tensor x) -> Ops.mul(x, AD.grad((Tensor y) -> Ops.add(x, y)).apply(Tensor.scalar(2))))
                .apply(Tensor.scalar(3));
        assertEquals(1.0, d.item());
    }

    @Test
    void aTracedCotangentPullsBackThroughTheCompactTapeAsOps() {
        Function<Tensor, Tensor> f = x -> Ops.mul(Ops.tanh(x), Ops.exp(x));
        double x = 0.7;
        double df = (1 - Math.tanh(x) * Math.tanh(x)) * Math.exp(x) + Math.tanh(x) * Math.exp(x);
        VjpResult r = AD.vjp(f, Tensor.scalar(x));
        // the pullback is linear in the cotangent: its JVP along ȳ̇ = 2 is 2·f'(x)
        JvpResult j = AD.jvp(r::pullback, Tensor.scalar(1.0), Tensor.scalar(2.0));
        assertEquals(df, j.value().item(), 1e-14);
        assertEquals(2 * df, j.tangent().item(), 1e-14);
    }

    @Test
    void scalarsMixedWithTensorsAreAccumulatedFromBothTapes() {
        // s = Σ v²  (general), q = s·s + 3s (compact on 0-d s), out = Σ (q · v): ∂/∂v_k = q + (2s + 3)(2 v_k) Σ v
        double[] v = {0.5, -1.5, 2.0};
        Function<Tensor, Tensor> f = t -> {
            Tensor s = Ops.sum(Ops.mul(t, t));
            Tensor q = Ops.add(Ops.mul(s, s), Ops.mul(s, Tensor.scalar(3)));
            return Ops.sum(Ops.mul(q, t));
        };
        double s = 0.25 + 2.25 + 4;
        double sumV = 1.0;
        double q = s * s + 3 * s;
        double[] g = AD.grad(f).apply(Tensor.of(v)).toArray();
        for (int k = 0; k < 3; k++) assertEquals(q + (2 * s + 3) * 2 * v[k] * sumV, g[k], 1e-12);
    }

    @Test
    void resultsOfAGeneralCallWithSeveralResultsFeedTheScalarTape() {
        // sinCos is a general call with two 0-d results; the products on them are compact
        Function<Tensor, Tensor> f = x -> {
            Tensor[] sc = Ops.sinCos(x);
            return Ops.add(Ops.mul(sc[0], sc[1]), Ops.mul(sc[1], x));
        };
        double x = 0.9;
        double want = Math.cos(2 * x) + Math.cos(x) - x * Math.sin(x);
        assertEquals(want, AD.grad(f).apply(Tensor.scalar(x)).item(), 1e-14);
        // the output is the first of the two results: nothing flows into the second
        assertEquals(Math.cos(x), AD.grad((Tensor t) -> Ops.sinCos(t)[0]).apply(Tensor.scalar(x)).item(), 1e-15);
    }

    @Test
    void savedBytesCountTheScalarTapesPartials() {
        // three compact calls (x·x, ·x, + 1 on a traced operand): two partials of 8 bytes each
        VjpResult r = AD.vjp(x -> Ops.add(Ops.mul(Ops.mul(x, x), x), Tensor.scalar(1)), Tensor.scalar(2));
        assertEquals(3 * 16, r.savedBytes());
        assertEquals(12.0, r.pullback(Tensor.scalar(1)).item());
    }
}
