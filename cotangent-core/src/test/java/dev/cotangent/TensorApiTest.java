package dev.cotangent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The tensor conveniences and the printing of results, against values worked by hand. */
class TensorApiTest {
    private static final Tensor M = Tensor.of(new double[][] {{1, 5, 2}, {4, 0, 6}});

    @Test
    void elementAccessReadsAValueOrGivesADifferentiableEntry() {
        assertEquals(6.0, M.get(1, 2), 0.0);
        assertEquals(4.0, M.get(-1, 0), 0.0);
        assertEquals(5.0, M.at(0, 1).item(), 0.0);
        assertEquals(0, M.at(0, 1).rank());
        // d/dx x[1]² = 2 x[1] at position 1, 0 elsewhere
        assertArrayEquals(new double[] {0, 4, 0}, AD.grad((Tensor x) -> x.at(1).square()).apply(Tensor.of(1, 2, 3))
                .toArray(), 0.0);
        String m = assertThrows(IllegalArgumentException.class, () -> M.at(2, 0)).getMessage();
        assertTrue(m.contains("at: index 2 is out of range for axis 0 of shape [2,3]"), m);
    }

    @Test
    void reductionsWithTheSameSignaturesOnTensorAndOps() {
        assertEquals(0.0, M.min().item(), 0.0);
        assertEquals(6.0, M.max().item(), 0.0);
        assertArrayEquals(new double[] {1, 0, 2}, M.min(0).toArray(), 0.0);
        assertArrayEquals(new double[] {5, 6}, M.max(1).toArray(), 0.0);
        assertArrayEquals(new double[] {5, 5, 8}, M.sum(0).toArray(), 0.0);
        assertArrayEquals(M.sum(0).toArray(), Ops.sum(M, 0).toArray(), 0.0);
        assertArrayEquals(new int[] {2, 1}, M.sum(true, 1).shape());
        assertArrayEquals(M.sum(true, 1).toArray(), Ops.sum(M, true, 1).toArray(), 0.0);
        assertArrayEquals(new double[] {8.0 / 3, 10.0 / 3}, M.mean(1).toArray(), 1e-15);
        assertArrayEquals(M.mean(1).toArray(), Ops.mean(M, 1).toArray(), 0.0);
        assertArrayEquals(M.min(1).toArray(), Ops.min(M, 1).toArray(), 0.0);
        assertEquals(0.0, M.prod().item(), 0.0);
        // the minimum's derivative goes to the smallest entry
        assertArrayEquals(new double[] {0, 1, 0}, AD.grad((Tensor x) -> x.min()).apply(Tensor.of(3, -1, 2))
                .toArray(), 0.0);
    }

    @Test
    void dotAndClamp() {
        assertEquals(11.0, Tensor.of(1, 2).dot(Tensor.of(3, 4)).item(), 0.0);
        Tensor x = Tensor.of(-2, -1, 0, 1, 2);
        assertArrayEquals(new double[] {-1, -1, 0, 1, 1}, x.clamp(-1, 1).toArray(), 0.0);
        // derivative 1 inside [lo, hi] and at its ends, 0 outside
        assertArrayEquals(new double[] {0, 1, 1, 1, 0}, AD.grad((Tensor t) -> t.clamp(-1, 1).sum()).apply(x)
                .toArray(), 0.0);
        assertThrows(IllegalArgumentException.class, () -> x.clamp(1, -1));
    }

    @Test
    void creation() {
        assertArrayEquals(new double[] {0, 1, 2, 3}, Tensor.arange(4).toArray(), 0.0);
        assertArrayEquals(new double[] {1, 1.5, 2, 2.5}, Tensor.arange(1, 3, 0.5).toArray(), 0.0);
        assertArrayEquals(new double[] {0, 0.25, 0.5, 0.75, 1}, Tensor.linspace(0, 1, 5).toArray(), 0.0);
        assertArrayEquals(new double[] {1, 0, 0, 1}, Tensor.eye(2).toArray(), 0.0);
    }

    @Test
    void seededRandomTensorsAreReproducible() {
        Tensor a = Tensor.randn(42, 100, 100);
        assertArrayEquals(new int[] {100, 100}, a.shape());
        assertArrayEquals(a.toArray(), Tensor.randn(42, 100, 100).toArray(), 0.0);
        assertNotEquals(a.get(0, 0), Tensor.randn(43, 100, 100).get(0, 0));
        double mean = a.mean().item();
        double var = a.sub(mean).square().mean().item();
        assertEquals(0.0, mean, 0.05);       // 10,000 draws: the standard error of the mean is 0.01
        assertEquals(1.0, var, 0.05);
        Tensor u = Tensor.uniform(7, 10000);
        assertTrue(u.min().item() >= 0 && u.max().item() < 1);
        assertEquals(0.5, u.mean().item(), 0.02);
    }

    @Test
    void scalarFirstForms() {
        Tensor x = Tensor.of(1, 2, 4);
        assertArrayEquals(new double[] {0, -1, -3}, Ops.sub(1, x).toArray(), 0.0);
        assertArrayEquals(new double[] {1, 0.5, 0.25}, Ops.div(1, x).toArray(), 0.0);
        assertArrayEquals(new double[] {2, 4, 8}, Ops.mul(2, x).toArray(), 0.0);
        assertArrayEquals(new double[] {3, 4, 6}, Ops.add(2, x).toArray(), 0.0);
        assertArrayEquals(new double[] {2, 4, 16}, Ops.pow(2, x).toArray(), 0.0);
        assertArrayEquals(new double[] {1, 4, 16}, Ops.pow(x, 2).toArray(), 0.0);
        assertArrayEquals(new double[] {-1, 0, 2}, Ops.sub(x, 2).toArray(), 0.0);
        // d/dx 2^x = ln 2 · 2^x
        assertEquals(Math.log(2) * 8, AD.grad((Tensor t) -> Ops.pow(2, t)).apply(Tensor.scalar(3)).item(), 1e-14);
    }

    @Test
    void transposeOfTheLastTwoAxesKeepsTheBatch() {
        Tensor a = Tensor.arange(24).reshape(2, 3, 4);
        Tensor t = a.mT();
        assertArrayEquals(new int[] {2, 4, 3}, t.shape());
        assertEquals(a.get(1, 2, 3), t.get(1, 3, 2), 0.0);
        assertArrayEquals(new int[] {4, 3, 2}, a.swapAxes(0, 2).shape());
        assertEquals(a.get(1, 2, 3), a.swapAxes(0, -1).get(3, 2, 1), 0.0);
        // batched a bᵀ: [2,3,4] @ [2,4,3] -> [2,3,3]; entry (0,0,0) = Σ_k a[0,0,k]² = 0+1+4+9
        Tensor g = a.matmul(a.mT());
        assertArrayEquals(new int[] {2, 3, 3}, g.shape());
        assertEquals(14.0, g.get(0, 0, 0), 0.0);
        assertThrows(IllegalArgumentException.class, () -> Tensor.of(1, 2).mT());
    }

    @Test
    void matmulsShapeErrorSaysWhenATransposeWouldFixIt() {
        String m = assertThrows(IllegalArgumentException.class,
                () -> Tensor.zeros(3, 4).matmul(Tensor.zeros(2, 4))).getMessage();
        assertEquals("matmul: [3,4] @ [2,4]: inner dimensions 4 and 2 differ; a.matmul(b.mT()) would match them "
                + "(mT() transposes the last two axes: b.mT() has shape [4,2])", m);
        m = assertThrows(IllegalArgumentException.class, () -> Tensor.zeros(4, 3).matmul(Tensor.zeros(4, 2)))
                .getMessage();
        assertTrue(m.endsWith("; a.mT().matmul(b) would match them (mT() transposes the last two axes: a.mT() has "
                + "shape [3,4])"), m);
        m = assertThrows(IllegalArgumentException.class, () -> Tensor.zeros(3, 4).matmul(Tensor.zeros(5, 2)))
                .getMessage();
        assertEquals("matmul: [3,4] @ [5,2]: inner dimensions 4 and 5 differ", m);
    }

    // ------------------------------------------------------------------ printing

    @Test
    void resultsPrintReadably() {
        Tensor x = Tensor.of(1, 2, 3);
        Tensor[] g = AD.grad((Tensor a, Tensor b) -> a.mul(b).sum()).apply(x, Tensor.of(4, 5, 6));
        assertEquals("[[4. 5. 6.], [1. 2. 3.]]", Tensor.toString(g));
        assertEquals("[[[1. 0.]\n  [0. 1.]],\n 2.0]", Tensor.toString(Tensor.eye(2), Tensor.scalar(2)));
        assertEquals("JvpResult(value=14.0, tangent=2.0)",
                AD.jvp(t -> t.mul(t).sum(), x, Tensor.of(1, 0, 0)).toString());
        assertEquals("ValueAndGrad(value=14.0, grad=[2. 4. 6.])", AD.valueAndGrad(t -> t.mul(t).sum(), x).toString());
        assertEquals("ValueAndGradList(value=32.0, grads=[[4. 5. 6.], [1. 2. 3.]])",
                AD.valueAndGrad((Tensor[] a) -> a[0].mul(a[1]).sum(), new Tensor[] {x, Tensor.of(4, 5, 6)}).toString());
        String vjp = AD.vjp(t -> t.mul(2), x).toString();
        assertTrue(vjp.matches("VjpResult\\(value=\\[2\\. 4\\. 6\\.\\], pullback: cotangent \\[3\\] -> the input's "
                + "shape, tape \\d+ bytes\\)"), vjp);
        String graph = AD.stage(in -> new Tensor[] {in[0].sin().mul(in[0])}, Tensor.scalar(1)).toString();
        assertTrue(graph.contains("sin(") && graph.contains("mul("), graph);
    }

    @Test
    void negativeZeroPrintsAsZero() {
        // ∂/∂x Σ x·c with c = [−0, 2] is c itself, whose first entry is −0.0
        Tensor g = AD.grad((Tensor x) -> x.mul(Tensor.of(-0.0, 2)).sum()).apply(Tensor.of(1, 1));
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(g.get(0)));
        assertEquals("[0. 2.]", g.toString());
        assertEquals("0.0", Tensor.scalar(-0.0).toString());
    }
}
