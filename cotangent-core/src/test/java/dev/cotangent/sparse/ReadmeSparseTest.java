package dev.cotangent.sparse;

import static dev.cotangent.Ops.pad;
import static dev.cotangent.Ops.slice;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cotangent.AD;
import dev.cotangent.SparseMatrix;
import dev.cotangent.Tensor;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The README's "Sparse Jacobians" paragraph, line by line, against values worked by hand. */
class ReadmeSparseTest {
    @Test
    void theTourExample() {
        Tensor x = Tensor.of(1, 2, 3);
        Function<Tensor, Tensor> g = v -> v.sin().add(pad(slice(v, 0, 1, 3), new int[] {0}, new int[] {1}));
        SparseMatrix jg = AD.sparseJacobian(g).apply(x);
        assertEquals(2, jg.colors());
        assertArrayEquals(new double[] {Math.cos(1), 1, 0, 0, Math.cos(2), 1, 0, 0, Math.cos(3)},
                jg.toDense().toArray(), 0.0);
        assertArrayEquals(new int[] {0, 2, 4, 5}, jg.rowPointers());
    }
}
