package dev.cotangent;

import static dev.cotangent.Ops.tanh;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cotangent.graph.Graph;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The README's five-minute tour, line by line, against the values its comments promise (worked by hand). */
class ReadmeTourTest {
    private final Function<Tensor, Tensor> f = x -> x.mul(x).sum();
    private final Tensor x = Tensor.of(1, 2, 3);
    private final Tensor a = Tensor.of(new double[][] {{1, 2, 3}, {4, 5, 6}});

    @Test
    void firstOrder() {
        assertArrayEquals(new double[] {2, 4, 6}, AD.grad(f).apply(x).toArray(), 0.0);
        ValueAndGrad vg = AD.valueAndGrad(f, x);
        assertEquals(14.0, vg.value().item(), 0.0);
        assertArrayEquals(new double[] {2, 4, 6}, vg.grad().toArray(), 0.0);
        JvpResult j = AD.jvp(f, x, Tensor.of(1, 0, 0));
        assertEquals(14.0, j.value().item(), 0.0);
        assertEquals(2.0, j.tangent().item(), 0.0);
        VjpResult r = AD.vjp(x2 -> x2.sin(), x);
        assertArrayEquals(new double[] {Math.sin(1), Math.sin(2), Math.sin(3)}, r.value().toArray(), 0.0);
        assertArrayEquals(new double[] {Math.cos(1), Math.cos(2), Math.cos(3)}, r.pullback(Tensor.of(1, 1, 1)).toArray(), 1e-16);
        assertArrayEquals(new double[] {2 * Math.cos(1), 0, 0}, r.pullback(Tensor.of(2, 0, 0)).toArray(), 1e-16);
    }

    @Test
    void jacobianHessianHvp() {
        Tensor j = AD.jacobian(v -> tanh(a.matmul(v))).apply(x);
        assertArrayEquals(new int[] {2, 3}, j.shape());
        double[] s = {1 * 1 + 2 * 2 + 3 * 3, 4 * 1 + 5 * 2 + 6 * 3};
        double[] ad = a.toArray();
        for (int i = 0; i < 2; i++) {
            for (int k = 0; k < 3; k++) {
                double t = Math.tanh(s[i]);
                assertEquals((1 - t * t) * ad[i * 3 + k], j.value().get(i, k), 1e-15);
            }
        }
        assertArrayEquals(new double[] {2, 0, 0, 0, 2, 0, 0, 0, 2}, AD.hessian(f).apply(x).toArray(), 0.0);
        assertArrayEquals(new double[] {2, 0, 0}, AD.hvp(f, x, Tensor.of(1, 0, 0)).toArray(), 0.0);
        assertEquals(-Math.sin(1), AD.grad(AD.grad(t -> t.sin())).apply(Tensor.scalar(1)).item(), 1e-15);
    }

    @Test
    void vmapAndStage() {
        Tensor rows = AD.vmap(v -> tanh(a.matmul(v))).apply(Tensor.ones(5, 3));
        assertArrayEquals(new int[] {5, 2}, rows.shape());
        assertEquals(Math.tanh(15), rows.value().get(4, 1), 0.0);
        Graph g = AD.stage(in -> new Tensor[] {AD.grad(f).apply(in[0])}, x);
        // the staged gradient program, run on a new point, gives ∇Σx² = 2x there
        assertArrayEquals(new double[] {8, -2, 1}, dev.cotangent.graph.Evaluator.run(g, Tensor.of(4, -1, 0.5))[0].toArray(), 0.0);
        Function<Tensor[], Tensor> seg = AD.checkpoint(xs -> xs[0].matmul(xs[1]).tanh());
        Tensor w = Tensor.of(new double[][] {{0.5, -1}, {2, 0.25}});
        Tensor h = Tensor.of(0.3, -0.7);
        assertArrayEquals(AD.grad((Tensor ww) -> h.matmul(ww).tanh().sum()).apply(w).toArray(),
                AD.grad((Tensor ww) -> seg.apply(new Tensor[] {h, ww}).sum()).apply(w).toArray(), 1e-15);
    }

    @Test
    void severalInputsAndNamedWeights() {
        Tensor[] g = AD.grad((Tensor p, Tensor q) -> p.mul(q).sum()).apply(x, Tensor.of(4, 5, 6));
        assertArrayEquals(new double[] {4, 5, 6}, g[0].toArray(), 0.0);
        assertArrayEquals(new double[] {1, 2, 3}, g[1].toArray(), 0.0);
        Map<String, Tensor> w = Map.of("W", Tensor.ones(3, 2), "b", Tensor.zeros(2));
        Map<String, Tensor> gw = AD.valueAndGrad(p -> x.matmul(p.get("W")).add(p.get("b")).relu().sum(), w).grads();
        // x·W = [6, 6] > 0, so ∂/∂W_kj = x_k and ∂/∂b_j = 1
        assertArrayEquals(new double[] {1, 1, 2, 2, 3, 3}, gw.get("W").toArray(), 0.0);
        assertArrayEquals(new double[] {1, 1}, gw.get("b").toArray(), 0.0);
        // a record of weights: ∂/∂w_ij = x_i, ∂/∂b_j = 1
        Layer gl = AD.valueAndGrad(l -> x.matmul(l.w()).add(l.b()).sum(),
                new Layer(Tensor.ones(3, 2), Tensor.zeros(2))).grad();
        org.junit.jupiter.api.Assertions.assertArrayEquals(new double[] {1, 1, 2, 2, 3, 3}, gl.w().toArray(), 0);
        org.junit.jupiter.api.Assertions.assertArrayEquals(new double[] {1, 1}, gl.b().toArray(), 0);
        // softplus with its own rule: the gradient is the sigmoid
        var softplus = AD.customJvp(xs -> xs[0].exp().add(1).log(), (p, t, y) -> t[0].mul(p[0].sigmoid()));
        Tensor gs = AD.grad(v -> softplus.apply(new Tensor[] {v}).sum()).apply(x);
        for (int i = 0; i < 3; i++) {
            org.junit.jupiter.api.Assertions.assertEquals(1 / (1 + Math.exp(-(i + 1))), gs.toArray()[i], 1e-15);
        }
    }

    /** The tour's record of weights. */
    record Layer(Tensor w, Tensor b) {}
}
