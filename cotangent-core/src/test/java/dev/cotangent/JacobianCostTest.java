package dev.cotangent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The lecture's cost rule: a Jacobian by forward mode costs one tangent direction per input, by reverse mode one
 * recorded evaluation plus one cotangent direction per output. jacfwd and jacrev push all their directions through
 * at once (vmap), so f itself runs once. What is counted: calls of the user's function f, and the directions that
 * the JVP and VJP rules of a {@link CountingIdentity} placed at f's input carry (a rule running on a batch of k
 * directions counts k).
 */
class JacobianCostTest {
    /** f(x) = tanh(Ax) for A of shape [m, n], with counters. */
    private static final class Counted implements Function<Tensor, Tensor> {
        final CountingIdentity id = new CountingIdentity();
        final Tensor a;
        int calls;

        Counted(int m, int n) {
            double[] d = new double[m * n];
            for (int i = 0; i < d.length; i++) d[i] = Math.sin(1.0 + i); // fixed, varied entries
            a = Tensor.of(new int[] {m, n}, d);
        }

        @Override
        public Tensor apply(Tensor x) {
            calls++;
            return a.matmul(id.apply(x)).tanh();
        }

        /** ∂f = diag(1 − tanh²(Ax)) A, by hand. */
        double[] jacobian(double[] x) {
            int m = a.shape()[0];
            int n = a.shape()[1];
            double[] ad = a.toArray();
            double[] j = new double[m * n];
            for (int i = 0; i < m; i++) {
                double s = 0;
                for (int k = 0; k < n; k++) s += ad[i * n + k] * x[k];
                double dt = 1 - Math.tanh(s) * Math.tanh(s);
                for (int k = 0; k < n; k++) j[i * n + k] = dt * ad[i * n + k];
            }
            return j;
        }
    }

    private static Tensor point(int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) x[i] = 0.3 * Math.cos(i);
        return Tensor.of(x);
    }

    @Test
    void jacfwdCostsOnePassPerInput() {
        int m = 2;
        int n = 5;
        Counted f = new Counted(m, n);
        Tensor x = point(n);
        Tensor j = AD.jacfwd(f).apply(x);
        assertEquals(1, f.calls, "f evaluations: one batched pass");
        assertEquals(n, f.id.jvps, "JVPs");
        assertEquals(0, f.id.vjps, "pullbacks");
        assertArrayEquals(new int[] {m, n}, j.shape());
        assertArrayEquals(f.jacobian(x.toArray()), j.toArray(), 1e-15);
    }

    @Test
    void jacrevCostsOneRecordingAndOnePullbackPerOutput() {
        int m = 2;
        int n = 5;
        Counted f = new Counted(m, n);
        Tensor x = point(n);
        Tensor j = AD.jacrev(f).apply(x);
        assertEquals(1, f.calls, "f evaluations");
        assertEquals(0, f.id.jvps, "JVPs");
        assertEquals(m, f.id.vjps, "pullbacks");
        assertArrayEquals(f.jacobian(x.toArray()), j.toArray(), 1e-15);
    }

    @Test
    void jacobianGoesReverseWhenOutputsAreFewer() {
        Counted f = new Counted(2, 5);
        Tensor x = point(5);
        Tensor j = AD.jacobian(f).apply(x);
        // one staging pass on shapes alone to learn the output size, then one recorded evaluation
        assertEquals(2, f.calls);
        assertEquals(0, f.id.jvps);
        assertEquals(2, f.id.vjps);
        assertArrayEquals(f.jacobian(x.toArray()), j.toArray(), 1e-15);
    }

    @Test
    void jacobianGoesReverseWhenSizesAreEqual() {
        Counted f = new Counted(3, 3);
        AD.jacobian(f).apply(point(3));
        assertEquals(0, f.id.jvps);
        assertEquals(3, f.id.vjps);
    }

    @Test
    void jacobianGoesForwardWhenInputsAreFewer() {
        int m = 5;
        int n = 2;
        Counted f = new Counted(m, n);
        Tensor x = point(n);
        Tensor j = AD.jacobian(f).apply(x);
        assertEquals(n, f.id.jvps, "JVPs");
        assertEquals(0, f.id.vjps, "pullbacks");
        // one staging pass on shapes alone to learn the output size, then one batched forward pass over every input
        // direction
        assertEquals(2, f.calls, "f evaluations");
        assertArrayEquals(new int[] {m, n}, j.shape());
        assertArrayEquals(f.jacobian(x.toArray()), j.toArray(), 1e-15);
    }

    @Test
    void gradientCostsOneForwardAndOneBackwardPass() {
        Counted f = new Counted(4, 6);
        Function<Tensor, Tensor> loss = x -> f.apply(x).sum();
        AD.grad(loss).apply(point(6));
        assertEquals(1, f.calls);
        assertEquals(1, f.id.vjps);
        assertEquals(0, f.id.jvps);
    }

    @Test
    void hvpIsOneForwardPassOverOneBackwardPass() {
        Counted f = new Counted(4, 6);
        Function<Tensor, Tensor> loss = x -> f.apply(x).square().sum();
        AD.hvp(loss, point(6), point(6));
        assertEquals(1, f.calls, "f evaluations");
        assertEquals(1, f.id.vjps, "backward sweeps");
        // forward-over-reverse: the identity's JVP rule runs once, as the recorded forward pass computes its
        // primal under the outer jvp
        assertEquals(1, f.id.jvps, "JVPs");
    }
}
