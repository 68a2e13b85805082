package dev.cotangent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The transforms a JAX user reaches for, in Java: gradients with respect to chosen arguments (argnums), with
 * auxiliary results (has_aux), linearize, and vmap along chosen axes; every expected number worked by hand.
 */
class TransformsApiTest {
    private static final Tensor A = Tensor.of(1, 2);
    private static final Tensor B = Tensor.of(3, 4);
    private static final Tensor C = Tensor.of(5);

    /** f(a, b, c) = Σ a·b + Σ c²; at (A, B, C): 1·3 + 2·4 + 25 = 36; ∂/∂a = b, ∂/∂b = a, ∂/∂c = 2c. */
    private static Tensor f(Tensor[] x) {
        return x[0].mul(x[1]).sum().add(x[2].square().sum());
    }

    private static String message(Class<? extends Throwable> type, org.junit.jupiter.api.function.Executable e) {
        return assertThrows(type, e).getMessage();
    }

    // ------------------------------------------------------------------ argnums

    @Test
    void gradWithRespectToChosenArgumentsInTheirOrder() {
        Tensor[] xs = {A, B, C};
        ValueAndGradList r = AD.valueAndGrad(TransformsApiTest::f, xs, 1);
        assertEquals(36.0, r.value().item(), 0.0);
        assertEquals(1, r.grads().size());
        assertArrayEquals(new double[] {1, 2}, r.grads().get(0).toArray(), 0.0);

        Tensor[] g = AD.grad(TransformsApiTest::f, 2, 0).apply(xs);
        assertEquals(2, g.length);
        assertArrayEquals(new double[] {10}, g[0].toArray(), 0.0);
        assertArrayEquals(new double[] {3, 4}, g[1].toArray(), 0.0);
        // none named: every argument
        Tensor[] all = AD.grad(TransformsApiTest::f).apply(xs);
        assertArrayEquals(new double[] {3, 4}, all[0].toArray(), 0.0);
        assertArrayEquals(new double[] {1, 2}, all[1].toArray(), 0.0);
        assertArrayEquals(new double[] {10}, all[2].toArray(), 0.0);
    }

    @Test
    void argnumsNestsAndHoldsTheOthersConstant() {
        // d/da [ d/db (a·b)² ] = d/da [2 a² b] = 4ab: at a = 3, b = 2 it is 24
        Function<Tensor, Tensor> inner = a -> AD.grad((Tensor[] x) -> x[0].mul(x[1]).square().sum(), 1)
                .apply(new Tensor[] {a, Tensor.scalar(2)})[0];
        assertEquals(24.0, AD.grad(inner).apply(Tensor.scalar(3)).item(), 1e-12);
    }

    @Test
    void badArgnumsAreNamed() {
        Tensor[] xs = {A, B, C};
        String m = message(IllegalArgumentException.class, () -> AD.grad(TransformsApiTest::f, 3).apply(xs));
        assertTrue(m.contains("grad: argnums [3] names argument 3, but the function has 3 (0 to 2)"), m);
        m = message(IllegalArgumentException.class, () -> AD.valueAndGrad(TransformsApiTest::f, xs, 1, 1));
        assertTrue(m.contains("names argument 1 twice"), m);
    }

    // ------------------------------------------------------------------ auxiliary results

    @Test
    void aLossAndItsMetricsInOnePass() {
        Tensor x = Tensor.of(new double[][] {{1, 0}, {0, 1}, {1, 1}});
        AtomicInteger calls = new AtomicInteger();
        // z = x w = [1, 2, 3]; loss ½Σz² = 7; ∇ = xᵀz = [4, 5]; aux: z itself and a plain number
        ValueAndGradAux<Tensor, Map<String, Object>> r = AD.valueAndGradWithAux(w -> {
            calls.incrementAndGet();
            Tensor z = x.matmul(w);
            return Aux.of(z.square().sum().mul(0.5), Map.of("z", z, "rows", 3));
        }, A);
        assertEquals(1, calls.get());
        assertEquals(7.0, r.value().item(), 0.0);
        assertArrayEquals(new double[] {4, 5}, r.grad().toArray(), 0.0);
        Tensor z = (Tensor) r.aux().get("z");
        assertEquals(0, z.level(), "the auxiliary results are values, readable after the transform");
        assertArrayEquals(new double[] {1, 2, 3}, z.toArray(), 0.0);
        assertEquals(3, r.aux().get("rows"));
    }

    record Weights(Tensor w, Tensor b) {}

    @Test
    void auxWithATreeOfParameters() {
        // loss = Σ (w·x + b)² with x = [1, 2], w = [1, 1], b = [0, 1]: y = [1, 3], loss 10; ∂w = 2y·x = [2, 12];
        // ∂b = 2y = [2, 6]; aux: the prediction y
        Tensor x = Tensor.of(1, 2);
        var r = AD.valueAndGradWithAux((Weights p) -> {
            Tensor y = p.w().mul(x).add(p.b());
            return Aux.of(y.square().sum(), y);
        }, new Weights(Tensor.of(1, 1), Tensor.of(0, 1)));
        assertEquals(10.0, r.value().item(), 0.0);
        assertArrayEquals(new double[] {2, 12}, r.grad().w().toArray(), 0.0);
        assertArrayEquals(new double[] {2, 6}, r.grad().b().toArray(), 0.0);
        assertArrayEquals(new double[] {1, 3}, r.aux().toArray(), 0.0);
    }

    @Test
    void auxMisuseIsNamed() {
        String m = message(IllegalArgumentException.class, () -> AD.valueAndGradWithAux((Tensor w) -> null, A));
        assertTrue(m.contains("grad: the function returned null; return Aux.of(scalar"), m);
        m = message(IllegalArgumentException.class, () -> AD.valueAndGradWithAux((Tensor w) -> Aux.of(w, 1), A));
        assertTrue(m.contains("grad needs a scalar"), m);
    }

    // ------------------------------------------------------------------ linearize

    @Test
    void linearizeEvaluatesOnceAndAppliesTheJvpManyTimes() {
        AtomicInteger calls = new AtomicInteger();
        // f(x) = 3x², ∂f(x)·v = 6x·v; at x = [1, 2]: f = [3, 12]
        Linearized l = AD.linearize(x -> {
            calls.incrementAndGet();
            return x.square().mul(3);
        }, A);
        assertArrayEquals(new double[] {3, 12}, l.value().toArray(), 0.0);
        assertArrayEquals(new double[] {6, 12}, l.apply(Tensor.of(1, 1)).toArray(), 0.0);
        assertArrayEquals(new double[] {0, 24}, l.apply(Tensor.of(0, 2)).toArray(), 0.0);
        assertEquals(1, calls.get(), "f runs once; each tangent runs only the linear program");
        assertTrue(l.linearOps() > 0, "the tangent's operations are staged");
        // partial evaluation: for 3 sin x the linear program is v ↦ (cos x · v) · 3, two products, with cos x
        // computed once as a constant (no sin or cos left in it)
        assertEquals(2, AD.linearize(x -> x.sin().mul(3), A).linearOps());
        // the linear program is differentiable: ∇_v Σ 6x·v = 6x
        assertArrayEquals(new double[] {6, 12}, AD.grad((Tensor v) -> l.apply(v).sum()).apply(B).toArray(), 0.0);
        assertTrue(l.toString().startsWith("Linearized(value=[ 3. 12.], jvp: [2] -> [2]"), l.toString());
    }

    @Test
    void linearizeWorksOnCodeThatReadsValuesAndUnderAnotherTransform() {
        Function<Tensor, Tensor> branchy = x -> x.item() > 0 ? x.square() : x.neg();
        Linearized l = AD.linearize(branchy, Tensor.scalar(2));
        assertEquals(4.0, l.value().item(), 0.0);
        assertEquals(4.0, l.apply(Tensor.scalar(1)).item(), 0.0);
        // ∇_x Σ ∂f(x)·v for f = 3x²: ∇_x Σ 6x·v = 6v, x traced by grad (no graph then)
        Tensor v = Tensor.of(1, 2);
        Linearized[] inner = new Linearized[1];
        Tensor g = AD.grad((Tensor x) -> {
            inner[0] = AD.linearize(y -> y.square().mul(3), x);
            return inner[0].apply(v).sum();
        }).apply(A);
        assertArrayEquals(new double[] {6, 12}, g.toArray(), 0.0);
        assertEquals(-1, inner[0].linearOps());
    }

    @Test
    void aTangentOfTheWrongShapeIsNamed() {
        Linearized l = AD.linearize(x -> x.sin(), A);
        String m = message(IllegalArgumentException.class, () -> l.apply(Tensor.of(1, 2, 3)));
        assertTrue(m.contains("linearize: tangent of shape [3] for an input of shape [2]"), m);
    }

    // ------------------------------------------------------------------ vmap axes

    @Test
    void vmapAlongAChosenInputAndOutputAxis() {
        Tensor x = Tensor.arange(15).reshape(3, 5);   // five examples of 3-vectors, as columns
        assertArrayEquals(new double[] {15, 18, 21, 24, 27}, AD.vmap(v -> v.sum(), 1, 0).apply(x).toArray(), 0.0);
        Tensor doubledColumns = AD.vmap(v -> v.mul(2), 1, 1).apply(x);
        assertArrayEquals(new int[] {3, 5}, doubledColumns.shape());
        assertArrayEquals(x.mul(2).toArray(), doubledColumns.toArray(), 0.0);
        Tensor rows = AD.vmap(v -> v.mul(2), 1, 0).apply(x);
        assertArrayEquals(new int[] {5, 3}, rows.shape());
        assertArrayEquals(x.mul(2).transpose().toArray(), rows.toArray(), 0.0);
        assertArrayEquals(rows.toArray(), AD.vmap(v -> v.mul(2), -1, -2).apply(x).toArray(), 0.0);
    }

    @Test
    void vmapWithASharedArgument() {
        Tensor batch = Tensor.of(new int[] {2, 2, 2}, 1, 2, 3, 4, 0, 1, 1, 0);
        Tensor shared = Tensor.of(new double[][] {{1, 1}, {0, 2}});
        Tensor out = AD.vmap((Tensor[] a) -> a[0].matmul(a[1]), new Integer[] {0, null}, 0)
                .apply(new Tensor[] {batch, shared});
        // [[1,2],[3,4]]·S = [[1,5],[3,11]]; [[0,1],[1,0]]·S = [[0,2],[1,1]]
        assertArrayEquals(new double[] {1, 5, 3, 11, 0, 2, 1, 1}, out.toArray(), 0.0);
        // the batch along axis 2 of the first argument: the same matrices, stored transposed per example
        Tensor stored = Ops.permute(batch, 1, 2, 0);
        Tensor again = AD.vmap((Tensor[] a) -> a[0].matmul(a[1]), new Integer[] {2, null}, 0)
                .apply(new Tensor[] {stored, shared});
        assertArrayEquals(out.toArray(), again.toArray(), 0.0);
    }

    @Test
    void vmapAxesMisuseIsNamed() {
        Tensor[] args = {Tensor.zeros(3, 2), Tensor.zeros(4)};
        String m = message(IllegalArgumentException.class,
                () -> AD.vmap((Tensor[] a) -> a[0].sum().add(a[1].sum()), new Integer[] {0, 0}, 0).apply(args));
        assertTrue(m.contains("vmap: argument 1 has 4 examples along axis 0"), m);
        m = message(IllegalArgumentException.class,
                () -> AD.vmap((Tensor[] a) -> a[0], new Integer[] {null, null}, 0).apply(args));
        assertTrue(m.contains("every input axis is null"), m);
        m = message(IllegalArgumentException.class, () -> AD.vmap(v -> v, 0, 2).apply(Tensor.zeros(3, 2)));
        assertTrue(m.contains("output axis 2 is out of range"), m);
    }
}
