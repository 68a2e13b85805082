package dev.cotangent.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cotangent.Ops;
import dev.cotangent.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The matmul, reshape and squeeze shape rules live in {@link Shape}; arrays and tensors give its results and messages. */
class ShapeRulesTest {

    private static void fails(String message, Executable call) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, call).getMessage());
    }

    @Test
    void matmulShapes() {
        assertEquals(Shape.scalar(), Shape.matmul(Shape.of(3), Shape.of(3)));
        assertEquals(Shape.of(2), Shape.matmul(Shape.of(3), Shape.of(3, 2)));
        assertEquals(Shape.of(2), Shape.matmul(Shape.of(2, 3), Shape.of(3)));
        assertEquals(Shape.of(4, 2), Shape.matmul(Shape.of(3, 4), Shape.of(3, 2), true, false));
        assertEquals(Shape.of(2, 5, 3, 6), Shape.matmul(Shape.of(2, 1, 3, 4), Shape.of(5, 4, 6), false, false));
        assertEquals(Shape.of(5, 3, 6), Shape.matmul(Shape.of(4, 3), Shape.of(5, 6, 4), true, true));
        assertEquals(Shape.of(5, 2), NDArray.zeros(3).matmul(NDArray.zeros(5, 3, 2)).dims());
        assertEquals(Shape.of(5, 2), Ops.matmul(Tensor.zeros(3), Tensor.zeros(5, 3, 2)).dims());
    }

    @Test
    void matmulMessagesAreOneRule() {
        String inner = "matmul: [3,4] @ [2,5]^T: inner dimensions 4 and 5 differ";
        fails(inner, () -> Shape.matmul(Shape.of(3, 4), Shape.of(2, 5), false, true));
        fails(inner, () -> NDArray.matmul(NDArray.zeros(3, 4), NDArray.zeros(2, 5), false, true));
        fails(inner, () -> Ops.matmul(Tensor.zeros(3, 4), Tensor.zeros(2, 5), false, true));
        String batch = "matmul: [2,3,4] @ [3,4,5]: batch dimensions [2] and [3] cannot be broadcast";
        fails(batch, () -> Shape.matmul(Shape.of(2, 3, 4), Shape.of(3, 4, 5)));
        fails(batch, () -> Ops.matmul(Tensor.zeros(2, 3, 4), Tensor.zeros(3, 4, 5)));
        String rank = "matmul: [3] @ [3,2]: matmul(a, b, transA, transB) takes matrices or stacks of matrices"
                + " (rank >= 2); use a.matmul(b) for 1-d operands";
        fails(rank, () -> Shape.matmul(Shape.of(3), Shape.of(3, 2), false, false));
        fails(rank, () -> Ops.matmul(Tensor.zeros(3), Tensor.zeros(3, 2), false, false));
        String scalar = "matmul: [] @ [3]: matmul needs arrays of rank >= 1; use mul for scalars";
        fails(scalar, () -> Shape.matmul(Shape.scalar(), Shape.of(3)));
        fails(scalar, () -> Ops.matmul(Tensor.scalar(1), Tensor.zeros(3)));
        fails("matmul: [3] @ [4,2]: inner dimensions 3 and 4 differ", () -> Ops.matmul(Tensor.zeros(3), Tensor.zeros(4, 2)));
    }

    @Test
    void reshapeShapes() {
        assertEquals(Shape.of(3, 2), Shape.of(2, 3).reshape(-1, 2));
        assertEquals(Shape.of(0, 5), Shape.of(0, 3).reshape(-1, 5));
        assertEquals(Shape.scalar(), Shape.of(1, 1).reshape());
        assertEquals(Shape.of(6), Ops.reshape(Tensor.zeros(2, 3), -1).dims());
    }

    @Test
    void reshapeMessagesAreOneRule() {
        Tensor t = Tensor.zeros(2, 3);
        for (String[] c : new String[][] {
                {"reshape: shape [2,3] (6 elements) cannot become [4,2] (8 elements); the sizes must match", "4", "2"},
                {"reshape: [2,3] to [-1, -1]: only one dimension may be -1", "-1", "-1"},
                {"reshape: [2,3] to [2, -2]: dimension -2 is negative; use sizes >= 0 or a single -1", "2", "-2"},
                {"reshape: cannot infer the -1 in [4, -1] for 6 elements of shape [2,3]", "4", "-1"}}) {
            int[] dims = {Integer.parseInt(c[1]), Integer.parseInt(c[2])};
            fails(c[0], () -> Shape.of(2, 3).reshape(dims));
            fails(c[0], () -> NDArray.zeros(2, 3).reshape(dims));
            fails(c[0], () -> Ops.reshape(t, dims));
        }
    }

    @Test
    void squeezeAndUnsqueezeAreOneRule() {
        assertEquals(Shape.of(2, 3), Shape.of(2, 1, 3).squeeze(-2));
        assertEquals(Shape.of(2, 3, 1), Shape.of(2, 3).unsqueeze(-1));
        String squeeze = "squeeze: axis 0 of shape [2,3] has size 2; only size-1 axes can be squeezed";
        fails(squeeze, () -> Shape.of(2, 3).squeeze(0));
        fails(squeeze, () -> NDArray.zeros(2, 3).squeeze(0));
        fails(squeeze, () -> Ops.squeeze(Tensor.zeros(2, 3), 0));
        String unsqueeze = "unsqueeze: axis 3 is out of range for a result of rank 3 (from shape [2,3]); use an axis in [-3, 2]";
        fails(unsqueeze, () -> Shape.of(2, 3).unsqueeze(3));
        fails(unsqueeze, () -> NDArray.zeros(2, 3).unsqueeze(3));
        fails(unsqueeze, () -> Ops.unsqueeze(Tensor.zeros(2, 3), 3));
    }
}
