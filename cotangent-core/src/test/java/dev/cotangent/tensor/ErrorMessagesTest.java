package dev.cotangent.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cotangent.kernel.BinaryKernel;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Every error the tensor package raises: an {@link IllegalArgumentException} whose message names the
 * operation and the shapes involved and says what would be valid. The messages are part of the API.
 */
class ErrorMessagesTest {

    private static void fails(String message, Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertEquals(message, e.getMessage());
    }

    private static final NDArray M23 = NDArray.zeros(2, 3);

    // ---------------------------------------------------------------- shapes and creation

    @Test
    void negativeAndOversizedShapes() {
        fails("shape [2, -1]: dimension 1 is negative (-1); every dimension must be >= 0", () -> Shape.of(2, -1));
        fails("shape [2, -1]: dimension 1 is negative (-1); every dimension must be >= 0", () -> NDArray.zeros(2, -1));
        fails("shape [-3]: dimension 0 is negative (-3); every dimension must be >= 0", () -> NDArray.ones(-3));
        fails("shape [-3]: dimension 0 is negative (-3); every dimension must be >= 0", () -> NDArray.full(1, -3));
        fails("shape [-3]: dimension 0 is negative (-3); every dimension must be >= 0",
                () -> NDArray.uniform(new SplittableRandom(1), 0, 1, -3));
        fails("shape [-3]: dimension 0 is negative (-3); every dimension must be >= 0",
                () -> NDArray.normal(new SplittableRandom(1), 0, 1, -3));
        fails("shape [65536, 65536] has 4294967296 elements, more than 2^31-1 (the largest Java array)",
                () -> Shape.of(65536, 65536));
    }

    @Test
    void creation() {
        fails("NDArray: 3 values do not fill shape [2,2] (4 elements)", () -> NDArray.of(Shape.of(2, 2), 1, 2, 3));
        fails("NDArray: 3 values do not fill shape [2,2] (4 elements)", () -> NDArray.wrap(Shape.of(2, 2), new double[3]));
        fails("NDArray.of(double[][]): row 1 has 1 values but row 0 has 2; every row must have the same length",
                () -> NDArray.of(new double[][] {{1, 2}, {3}}));
        fails("arange: step is 0.0; give a non-zero step", () -> NDArray.arange(0, 1, 0));
        fails("arange: step is NaN; give a non-zero step", () -> NDArray.arange(0, 1, Double.NaN));
        fails("linspace: n = -1; give n >= 0", () -> NDArray.linspace(0, 1, -1));
        fails("eye: n = -1; give n >= 0", () -> NDArray.eye(-1));
        fails("shape [50000, 50000] has 2500000000 elements, more than 2^31-1 (the largest Java array)",
                () -> NDArray.eye(50000));
    }

    @Test
    void access() {
        fails("item: array of shape [2,3] has 6 elements; item() needs exactly one (reduce it first, e.g. sum())", M23::item);
        fails("get: 1 indices for shape [2,3]; give one index per axis", () -> M23.get(0));
        fails("get: index 3 is out of range for axis 1 of shape [2,3]", () -> M23.get(0, 3));
        fails("get: index -3 is out of range for axis 0 of shape [2,3]", () -> M23.get(-3, 0));
    }

    // ---------------------------------------------------------------- elementwise and broadcasting

    @Test
    void broadcastingNamesTheOpAndBothShapes() {
        NDArray b = NDArray.zeros(4);
        String tail = " cannot be broadcast: dimension 3 vs 4 at axis 1 (NumPy rules: sizes must be equal or 1, aligned from the right)";
        fails("add: shapes [2,3] and [4]" + tail, () -> M23.add(b));
        fails("sub: shapes [2,3] and [4]" + tail, () -> M23.sub(b));
        fails("mul: shapes [2,3] and [4]" + tail, () -> M23.mul(b));
        fails("div: shapes [2,3] and [4]" + tail, () -> M23.div(b));
        fails("pow: shapes [2,3] and [4]" + tail, () -> M23.pow(b));
        fails("maximum: shapes [2,3] and [4]" + tail, () -> M23.maximum(b));
        fails("minimum: shapes [2,3] and [4]" + tail, () -> M23.minimum(b));
        fails("atan2: shapes [2,3] and [4]" + tail, () -> M23.atan2(b));
        fails("eq: shapes [2,3] and [4]" + tail, () -> M23.eq(b));
        fails("ne: shapes [2,3] and [4]" + tail, () -> M23.ne(b));
        fails("lt: shapes [2,3] and [4]" + tail, () -> M23.lt(b));
        fails("le: shapes [2,3] and [4]" + tail, () -> M23.le(b));
        fails("gt: shapes [2,3] and [4]" + tail, () -> M23.gt(b));
        fails("ge: shapes [2,3] and [4]" + tail, () -> M23.ge(b));
        fails("add: shapes [4] and [2,3]" + tail.replace("3 vs 4", "4 vs 3"), () -> b.zip(BinaryKernel.Fn.ADD, M23));
        fails("where: shapes [2,3] and [2] cannot be broadcast: dimension 3 vs 2 at axis 1 (NumPy rules: sizes must be"
                + " equal or 1, aligned from the right)", () -> NDArray.where(M23, NDArray.zeros(2), NDArray.zeros(1)));
        fails("broadcastTo: shape [3] cannot be broadcast to [2,4] (sizes must be equal or 1, aligned from the right)",
                () -> NDArray.zeros(3).broadcastTo(2, 4));
        fails("broadcastTo: shape [2,3] cannot be broadcast to [3] (sizes must be equal or 1, aligned from the right)",
                () -> M23.broadcastTo(3));
    }

    // ---------------------------------------------------------------- reductions

    @Test
    void badAxesInReductions() {
        fails("sum: axis 2 is out of range for shape [2,3] (rank 2); use an axis in [-2, 1]", () -> M23.sum(2));
        fails("prod: axis -3 is out of range for shape [2,3] (rank 2); use an axis in [-2, 1]", () -> M23.prod(false, -3));
        fails("max: axis 5 is out of range for shape [2,3] (rank 2); use an axis in [-2, 1]", () -> M23.max(true, 5));
        fails("min: axis 2 is out of range for shape [2,3] (rank 2); use an axis in [-2, 1]", () -> M23.min(false, 2));
        fails("logsumexp: axis 2 is out of range for shape [2,3] (rank 2); use an axis in [-2, 1]", () -> M23.logsumexp(false, 2));
        fails("mean: axis 2 is out of range for shape [2,3] (rank 2); use an axis in [-2, 1]", () -> M23.mean(false, 2));
        fails("argmax: axis 2 is out of range for shape [2,3] (rank 2); use an axis in [-2, 1]", () -> M23.argmax(2));
        fails("sum: axis 0 given for a 0-d array (shape []), which has no axes; give no axis to use the whole array",
                () -> NDArray.scalar(1).sum(0));
        fails("squeeze: axis -1 given for a 0-d array (shape []), which has no axes; give no axis to use the whole array",
                () -> NDArray.scalar(1).squeeze(-1));
        fails("sum: axis 0 is repeated in [0, -2]", () -> M23.sum(0, -2));
    }

    @Test
    void emptyReductions() {
        fails("max: shape [0,3] is empty; max of no elements is undefined", () -> NDArray.zeros(0, 3).max(false, 0));
        fails("min: shape [0] is empty; min of no elements is undefined", () -> NDArray.zeros(0).min(false));
        fails("argmax: axis 1 of shape [3,0] is empty", () -> NDArray.zeros(3, 0).argmax(1));
        fails("argmax: axis 0 of shape [0] is empty", () -> NDArray.zeros(0).argmax());
    }

    // ---------------------------------------------------------------- shape moves

    @Test
    void reshape() {
        fails("reshape: shape [2,3] (6 elements) cannot become [4,2] (8 elements); the sizes must match", () -> M23.reshape(4, 2));
        fails("reshape: [2,3] to [-1, -1]: only one dimension may be -1", () -> M23.reshape(-1, -1));
        fails("reshape: [2,3] to [2, -2]: dimension -2 is negative; use sizes >= 0 or a single -1", () -> M23.reshape(2, -2));
        fails("reshape: cannot infer the -1 in [4, -1] for 6 elements of shape [2,3]", () -> M23.reshape(4, -1));
        fails("reshape: cannot infer the -1 in [0, -1] for 6 elements of shape [2,3]", () -> M23.reshape(0, -1));
    }

    @Test
    void permuteSqueezeUnsqueeze() {
        fails("permute: [0] for shape [2,3]; give a permutation of all 2 axes", () -> M23.permute(0));
        fails("permute: [1, -1] repeats axis 1", () -> M23.permute(1, -1));
        fails("permute: axis 2 is out of range for shape [2,3] (rank 2); use an axis in [-2, 1]", () -> M23.permute(0, 2));
        fails("squeeze: axis 0 of shape [2,3] has size 2; only size-1 axes can be squeezed", () -> M23.squeeze(0));
        fails("squeeze: axis 2 is out of range for shape [2,3] (rank 2); use an axis in [-2, 1]", () -> M23.squeeze(2));
        fails("unsqueeze: axis 3 is out of range for a result of rank 3 (from shape [2,3]); use an axis in [-3, 2]",
                () -> M23.unsqueeze(3));
        fails("unsqueeze: axis -4 is out of range for a result of rank 3 (from shape [2,3]); use an axis in [-3, 2]",
                () -> M23.unsqueeze(-4));
    }

    @Test
    void sliceAndTake() {
        fails("slice: range [1, 4) is out of bounds for axis 1 of shape [2,3] (size 3)", () -> M23.slice(1, 1, 4));
        fails("slice: range [2, 1) is out of bounds for axis 1 of shape [2,3] (size 3)", () -> M23.slice(1, 2, 1));
        fails("slice: range [-4, 2) is out of bounds for axis -1 of shape [2,3] (size 3)", () -> M23.slice(-1, -4, 2));
        fails("slice: axis 2 is out of range for shape [2,3] (rank 2); use an axis in [-2, 1]", () -> M23.slice(2, 0, 1));
        fails("slice: bounds [0]..[1] for shape [2,3]; give one start and one end per axis",
                () -> M23.slice(new int[] {0}, new int[] {1}));
        fails("take: index 2 is out of range for axis 0 of shape [2,3] (size 2)", () -> M23.take(new int[] {0, 2}, 0));
        fails("take: index -4 is out of range for axis -1 of shape [2,3] (size 3)", () -> M23.take(new int[] {-4}, -1));
        fails("take: axis 2 is out of range for shape [2,3] (rank 2); use an axis in [-2, 1]", () -> M23.take(new int[] {0}, 2));
    }

    @Test
    void concatAndStack() {
        fails("concat: no arrays given", () -> NDArray.concat(0));
        fails("concat: 0-d arrays have no axis to join; use stack", () -> NDArray.concat(0, NDArray.scalar(1), NDArray.scalar(2)));
        fails("concat: shapes [2,3] and [3] differ in rank", () -> NDArray.concat(0, M23, NDArray.zeros(3)));
        fails("concat: shapes [2,3] and [2,4] differ at axis 1 (only axis 0 may differ)",
                () -> NDArray.concat(0, M23, NDArray.zeros(2, 4)));
        fails("concat: axis 2 is out of range for shape [2,3] (rank 2); use an axis in [-2, 1]", () -> NDArray.concat(2, M23, M23));
        fails("stack: no arrays given", () -> NDArray.stack(0));
        fails("stack: shapes [2,3] and [3,2] differ; stack needs arrays of one shape",
                () -> NDArray.stack(0, M23, NDArray.zeros(3, 2)));
        fails("stack: axis 3 is out of range for a result of rank 3 (stacking shape [2,3]); use an axis in [-3, 2]",
                () -> NDArray.stack(3, M23, M23));
    }

    // ---------------------------------------------------------------- products

    @Test
    void matmul() {
        fails("matmul: [3,4] @ [5,2]: inner dimensions 4 and 5 differ", () -> NDArray.zeros(3, 4).matmul(NDArray.zeros(5, 2)));
        fails("matmul: [3] @ [4,2]: inner dimensions 3 and 4 differ", () -> NDArray.zeros(3).matmul(NDArray.zeros(4, 2)));
        fails("matmul: [2,3] @ [4]: inner dimensions 3 and 4 differ", () -> M23.matmul(NDArray.zeros(4)));
        fails("matmul: [3,4]^T @ [5,2]: inner dimensions 3 and 5 differ",
                () -> NDArray.matmul(NDArray.zeros(3, 4), NDArray.zeros(5, 2), true, false));
        fails("matmul: [3,4] @ [2,5]^T: inner dimensions 4 and 5 differ",
                () -> NDArray.matmul(NDArray.zeros(3, 4), NDArray.zeros(2, 5), false, true));
        fails("matmul: [2,3,4] @ [3,4,5]: batch dimensions [2] and [3] cannot be broadcast",
                () -> NDArray.zeros(2, 3, 4).matmul(NDArray.zeros(3, 4, 5)));
        fails("matmul: [] @ [3]: matmul needs arrays of rank >= 1; use mul for scalars",
                () -> NDArray.scalar(1).matmul(NDArray.zeros(3)));
        fails("matmul: [3] @ [3,2]: matmul(a, b, transA, transB) takes matrices or stacks of matrices (rank >= 2);"
                + " use a.matmul(b) for 1-d operands", () -> NDArray.matmul(NDArray.zeros(3), NDArray.zeros(3, 2), false, false));
        fails("dot: [3] . [4]: dot takes two 1-d arrays of the same length; use matmul otherwise",
                () -> NDArray.zeros(3).dot(NDArray.zeros(4)));
        fails("dot: [2,3] . [2,3]: dot takes two 1-d arrays of the same length; use matmul otherwise", () -> M23.dot(M23));
        fails("outer: [2,3] x [3]: outer takes two 1-d arrays", () -> M23.outer(NDArray.zeros(3)));
    }
}
