package dev.cotangent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cotangent.tensor.Shape;
import dev.cotangent.tensor.TooLargeException;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Shapes too large for a Java array, and arrays over the configured limit, are refused before anything is
 * allocated, with a message that names the operation and the shapes (issue 16, items 5 and 6); empty shapes of
 * any size are valid.
 */
class SizeLimitsTest {

    private static String refused(Executable e) {
        return assertThrows(TooLargeException.class, e).getMessage();
    }

    private static void contains(String m, String... parts) {
        for (String p : parts) assertTrue(m.contains(p), "message lacks '" + p + "': " + m);
    }

    @Test
    void aProductTooLargeForAJavaArrayNamesTheOpAndShapesInEveryMode() {
        Tensor a = Tensor.zeros(2, 40000, 1);
        Tensor b = Tensor.zeros(2, 1, 40000);
        contains(refused(() -> a.matmul(b)), "matmul", "[2,40000,1] @ [2,1,40000]", "3200000000");
        contains(refused(() -> AD.grad((Tensor x) -> x.matmul(b).sum()).apply(a)), "matmul", "3200000000");
        contains(refused(() -> AD.vmap((Tensor x) -> x.matmul(Tensor.zeros(1, 40000))).apply(a)), "3200000000");
        contains(refused(() -> Tensor.zeros(65536, 1).matmul(Tensor.zeros(1, 65536))), "[65536,1] @ [1,65536]",
                "4294967296");
    }

    @Test
    void emptyShapesOfAnySizeAreValid() {
        Tensor e = Tensor.zeros(65536, 65536, 0);
        assertEquals(0, e.size());
        assertEquals(0, e.sum().item(), 0);
        assertEquals(0, Shape.of(100000, 100000, 0, 100000).size());
    }

    @Test
    void aHugePadWidthIsNamed() {
        contains(refused(() -> Ops.pad(Tensor.ones(2), new int[] {Integer.MAX_VALUE - 1}, new int[] {5})), "pad",
                "2147483646", "axis 0");
    }

    @Test
    void theArrayLimitIsCheckedBeforeAllocatingAndNamesTheOp() {
        long old = Config.maxArrayBytes();
        try {
            Config.setMaxArrayBytes(1_000_000);
            Tensor x = Tensor.ones(100, 100);   // 80 kB
            contains(refused(() -> Ops.broadcastTo(x, Shape.of(20, 100, 100))), "broadcast", "[100,100]",
                    "1.60 MB", "limit of 1.00 MB");
            contains(refused(() -> Ops.exp(Ops.broadcastTo(x, Shape.of(20, 100, 100)))), "broadcast");
            assertEquals(10000, x.exp().size());   // below the limit: fine
        } finally {
            Config.setMaxArrayBytes(old);
        }
        assertThrows(IllegalArgumentException.class, () -> Config.setMaxArrayBytes(0));
    }

    @Test
    void nestedForwardJacobiansOfALargeInputSuggestTheHessian() {
        long old = Config.maxArrayBytes();
        try {
            Config.setMaxArrayBytes(20_000_000);
            Function<Tensor, Tensor> f = x -> x.mul(x).sum().sin();
            contains(refused(() -> AD.jacfwd(AD.jacfwd(f)).apply(Tensor.ones(300))), "jacfwd", "AD.hessian",
                    "AD.hvp");
            assertEquals(300, AD.hessian(f).apply(Tensor.ones(300)).shape()[0]);   // n² fits
        } finally {
            Config.setMaxArrayBytes(old);
        }
    }

    @Test
    void opsAlongAnAxisGiveAdviceForA0dTensor() {
        Tensor s = Tensor.scalar(1);
        for (Executable e : new Executable[] {() -> Ops.softmax(s, 0), () -> Ops.slice(s, 0, 0, 1),
                () -> Ops.squeeze(s, 0), () -> Ops.take(s, new int[] {0}, 0)}) {
            String m = assertThrows(IllegalArgumentException.class, e).getMessage();
            contains(m, "0-d", "reshape(1)");
        }
    }
}
