package dev.cotangent.primitive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.cotangent.AD;
import dev.cotangent.Ops;
import dev.cotangent.Tensor;
import dev.cotangent.tensor.NDArray;
import dev.cotangent.tensor.Shape;
import dev.cotangent.trace.BatchTrace;
import dev.cotangent.trace.Scope;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every registered primitive's batching rule against a loop: applying the primitive once to a batch (under a vmap
 * trace) must give, for each example k, exactly what applying it to example k alone gives. Checked with every
 * operand batched, and with each operand batched alone (the others the same for every example). The examples of
 * a batch are draws of the case's generator with one set of shapes, so each is in the primitive's domain.
 */
class BatchingRulesTest {
    private static final int B = 3;

    @TestFactory
    Stream<DynamicContainer> everyRegisteredPrimitive() {
        return Registry.cases().stream().map(c -> {
            List<org.junit.jupiter.api.DynamicTest> tests = new ArrayList<>();
            int arity = c.primitive().arity();
            tests.add(dynamicTest("all operands batched", () -> check(c, all(arity, true))));
            for (int i = 0; arity > 1 && i < arity; i++) {
                boolean[] only = all(arity, false);
                only[i] = true;
                tests.add(dynamicTest("operand " + i + " batched alone", () -> check(c, only)));
            }
            return dynamicContainer(c.label(), tests.stream());
        });
    }

    private static boolean[] all(int n, boolean v) {
        boolean[] b = new boolean[n];
        java.util.Arrays.fill(b, v);
        return b;
    }

    private static void check(Registry.Case c, boolean[] batched) {
        NDArray[] in = c.inputs().apply(new SplittableRandom(c.label().hashCode()));
        Primitive p = c.primitive();
        int n = in.length;
        NDArray[][] examples = new NDArray[B][n];
        for (int k = 0; k < B; k++) {
            NDArray[] drawn = example(c, in, k);
            for (int i = 0; i < n; i++) examples[k][i] = batched[i] ? drawn[i] : in[i];
        }
        NDArray[] gots = new NDArray[p.results()];
        try (Scope<BatchTrace> scope = Scope.open(level -> new BatchTrace(level, B))) {
            BatchTrace trace = scope.trace();
            Tensor[] args = new Tensor[n];
            for (int i = 0; i < n; i++) {
                if (batched[i]) {
                    NDArray[] slices = new NDArray[B];
                    for (int k = 0; k < B; k++) slices[k] = examples[k][i];
                    args[i] = trace.tracer(Tensor.from(NDArray.stack(0, slices)));
                } else {
                    args[i] = Tensor.from(in[i]);
                }
            }
            Tensor[] outs = Ops.applyAll(p, args);
            for (int r = 0; r < gots.length; r++) gots[r] = trace.unbatch(outs[r]).value();
        }
        for (int r = 0; r < gots.length; r++) {
            NDArray[] want = new NDArray[B];
            for (int k = 0; k < B; k++) want[k] = p.applyAll(examples[k])[r];
            NDArray expected = NDArray.stack(0, want);
            NDArray got = gots[r];
            String where = c.label() + " result " + r + " batched " + java.util.Arrays.toString(batched);
            assertArrayEquals(expected.shape(), got.shape(), where + ": shape");
            // exact for elementwise and shape rules; a batched matrix product may be one BLAS call where the loop
            // makes several, and BLAS may then sum in another order: allow a few ulps relative to the values' size
            double[] e = expected.toArray();
            double[] g = got.toArray();
            double scale = 0;
            for (double v : e) if (Double.isFinite(v)) scale = Math.max(scale, Math.abs(v));
            for (int i = 0; i < e.length; i++) {
                if (Double.isNaN(e[i]) || Double.isInfinite(e[i])) {
                    org.junit.jupiter.api.Assertions.assertEquals(e[i], g[i], where + ": value " + i);
                } else {
                    org.junit.jupiter.api.Assertions.assertEquals(e[i], g[i], 1e-14 * Math.max(1, scale),
                            where + ": value " + i);
                }
            }
        }
    }

    /**
     * Operands of example k: the first draw for k = 0, else another draw of the case's generator with the same
     * shapes (redrawn until the shapes match), so that every example is in the primitive's domain; a rotation of
     * the first draw's values when no draw matches, which keeps elementwise domains but not, say, positive
     * definiteness.
     */
    private static NDArray[] example(Registry.Case c, NDArray[] in, int k) {
        if (k == 0) return in;
        SplittableRandom r = new SplittableRandom(c.label().hashCode() + 7919L * k);
        for (int attempt = 0; attempt < 20_000; attempt++) {
            NDArray[] d = c.inputs().apply(r);
            boolean same = true;
            for (int i = 0; i < in.length; i++) same &= d[i].dims().equals(in[i].dims());
            if (same) return d;
        }
        NDArray[] rotated = new NDArray[in.length];
        for (int i = 0; i < in.length; i++) rotated[i] = rotate(in[i], k);
        return rotated;
    }

    private static NDArray rotate(NDArray a, int k) {
        double[] d = a.toArray();
        double[] r = new double[d.length];
        for (int i = 0; i < d.length; i++) r[i] = d[(i + k) % d.length];
        return NDArray.wrap(a.dims(), r);
    }

    @Test
    void vmapOfAFunctionEqualsALoopOverTheBatch() {
        Tensor a = Tensor.of(new double[][] {{1, 2, 3}, {-1, 0.5, 2}});
        java.util.function.Function<Tensor, Tensor> f = x -> Ops.softmax(a.matmul(x).tanh(), 0).mul(x.sum());
        NDArray xs = NDArray.of(new double[][] {{0.1, 0.2, 0.3}, {-1, 2, 0.5}, {3, -2, 1}, {0, 0, 0}});
        NDArray got = AD.vmap(f).apply(Tensor.from(xs)).value();
        for (int k = 0; k < 4; k++) {
            NDArray row = xs.slice(0, k, k + 1).reshape(3);
            assertArrayEquals(f.apply(Tensor.from(row)).toArray(), got.slice(0, k, k + 1).reshape(2).toArray(), 1e-15);
        }
    }

    @Test
    void vmapOfAConstantFunctionRepeatsTheConstant() {
        NDArray got = AD.vmap(x -> Tensor.of(1, 2)).apply(Tensor.zeros(3, 4)).value();
        assertArrayEquals(new int[] {3, 2}, got.shape());
        assertArrayEquals(new double[] {1, 2, 1, 2, 1, 2}, got.toArray());
    }

    @Test
    void readingAValueInsideVmapIsAClearError() {
        IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> AD.vmap(x -> Tensor.scalar(x.item())).apply(Tensor.zeros(2)));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("vmap"), e.getMessage());
    }

    @Test
    void perExampleShapeIsWhatTheFunctionSees() {
        int[][] seen = new int[1][];
        AD.vmap(x -> {
            seen[0] = x.shape();
            return x;
        }).apply(Tensor.zeros(5, 2, 3));
        assertArrayEquals(new int[] {2, 3}, seen[0]);
        org.junit.jupiter.api.Assertions.assertEquals(Shape.of(2, 3), Shape.of(seen[0]));
    }
}
