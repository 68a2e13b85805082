package dev.cotangent.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cotangent.AD;
import dev.cotangent.Tensor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Parameter trees: scoping, arithmetic, flattening (also differentiably), and the text file format. */
class ParamsTest {
    @TempDir
    Path dir;

    @Test
    void saveAndLoadRoundTripBitForBit() {
        Map<String, Tensor> p = new MLP(new int[] {3, 4, 2}, Activation.TANH, Activation.IDENTITY).init(5);
        p.put("scalar", Tensor.scalar(Math.PI));
        p.put("odd", Tensor.of(Double.MIN_VALUE, -0.0, 1e300, 1.0 / 3));
        Path f = dir.resolve("p.txt");
        ParamsFile.save(p, f);
        Map<String, Tensor> q = ParamsFile.load(f);
        assertEquals(List.copyOf(p.keySet()), List.copyOf(q.keySet()));
        for (String k : p.keySet()) {
            assertEquals(p.get(k).dims(), q.get(k).dims(), k);
            assertArrayEquals(p.get(k).toArray(), q.get(k).toArray(), 0.0, k);
        }
    }

    @Test
    void loadNamesTheBadLine() throws Exception {
        Path f = dir.resolve("bad.txt");
        Files.writeString(f, ParamsFile.HEADER + "\nw [2,2] 1 2 3\n");
        var e = assertThrows(IllegalArgumentException.class, () -> ParamsFile.load(f));
        assertTrue(e.getMessage().contains("line 2") && e.getMessage().contains("needs 4 values, found 3"),
                e.getMessage());
        Files.writeString(f, ParamsFile.HEADER + "\nw [2] 1 x\n");
        e = assertThrows(IllegalArgumentException.class, () -> ParamsFile.load(f));
        assertTrue(e.getMessage().contains("'x', not a number"), e.getMessage());
        Files.writeString(f, "w [1] 1\n");
        e = assertThrows(IllegalArgumentException.class, () -> ParamsFile.load(f));
        assertTrue(e.getMessage().contains("line 1"), e.getMessage());
    }

    @Test
    void scopeAndPutAllAreInverse() {
        Map<String, Tensor> child = Params.of("w", Tensor.of(1, 2), "b", Tensor.of(3));
        Map<String, Tensor> tree = new java.util.LinkedHashMap<>();
        Params.putAll(tree, "layer0", child);
        assertEquals(List.of("layer0.w", "layer0.b"), List.copyOf(tree.keySet()));
        assertEquals(child, Params.scope(tree, "layer0"));
        var e = assertThrows(IllegalArgumentException.class, () -> Params.scope(tree, "layer1"));
        assertTrue(e.getMessage().contains("layer0.w"));
        assertTrue(Params.describe(tree).contains("total"));
    }

    @Test
    void arithmeticAndFlattening() {
        Map<String, Tensor> a = Params.of("w", Tensor.of(new double[][] {{1, 2}, {3, 4}}), "b", Tensor.of(5));
        Map<String, Tensor> b = Params.of("w", Tensor.of(new double[][] {{1, 1}, {1, 1}}), "b", Tensor.of(2));
        assertArrayEquals(new double[] {3, 4, 5, 6, 9}, Params.flatten(Params.axpy(2, b, a)));
        assertEquals(1 + 2 + 3 + 4 + 10, Params.dot(a, b), 0);
        assertEquals(5, Params.count(a));
        Map<String, Tensor> back = Params.unflatten(Params.flatten(a), a);
        assertArrayEquals(a.get("w").toArray(), back.get("w").toArray());
        assertEquals(a.get("w").dims(), back.get("w").dims());
        assertThrows(IllegalArgumentException.class, () -> Params.axpy(1, Params.of("w", Tensor.of(1)), a));
    }

    @Test
    void differentiableUnflattenGivesTheHessianOfATree() {
        Map<String, Tensor> t = Params.of("u", Tensor.of(1, 2), "v", Tensor.of(3));
        // f = u0² v + u1 v²: Hessian [[2v, 0, 2u0], [0, 0, 2v], [2u0, 2v, 2u1]].
        Tensor h = AD.hessian(flat -> {
            Map<String, Tensor> p = Params.unflatten(flat, t);
            Tensor u = p.get("u");
            Tensor v = p.get("v");
            return dev.cotangent.Ops.slice(u, 0, 0, 1).square().mul(v)
                    .add(dev.cotangent.Ops.slice(u, 0, 1, 2).mul(v.square())).sum();
        }).apply(Tensor.of(Params.flatten(t)));
        assertArrayEquals(new double[] {6, 0, 2, 0, 0, 6, 2, 6, 4}, h.toArray(), 1e-12);
    }
}
