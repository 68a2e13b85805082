package dev.cotangent.check;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cotangent.AD;
import dev.cotangent.Tensor;
import dev.cotangent.tensor.Shape;
import org.junit.jupiter.api.Test;

/** Packing as the Tensor[] case of the tree package's ravel: its edge cases and its message. */
class PackingTest {
    @Test
    void noTensorsPackToAZeroLengthVectorAndBack() {
        assertArrayEquals(new int[] {0}, Packing.pack().shape());
        assertEquals(0, Packing.unpack(Tensor.zeros(0)).length);
    }

    @Test
    void unpackOfTheWrongLengthKeepsItsMessage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Packing.unpack(Tensor.zeros(4), Shape.of(2), Shape.of(3)));
        assertTrue(e.getMessage().startsWith("unpack: a tensor of shape [4] cannot hold 5 elements of 2 tensors"),
                e.getMessage());
    }

    @Test
    void aPackedFunctionHasTheGradientOfEachArgumentInTurn() {
        // f(a, b) = Σ a · b with a = (1, 4), b = 3: ∂f/∂a = (3, 3), ∂f/∂b = 1 + 4.
        Tensor a = Tensor.of(1, 4);
        Tensor b = Tensor.scalar(3);
        Tensor g = AD.grad(Packing.packed(xs -> xs[0].mul(xs[1]).sum(), Packing.shapes(a, b)))
                .apply(Packing.pack(a, b));
        assertArrayEquals(new double[] {3, 3, 5}, g.toArray(), 0.0);
    }

    @Test
    void packRefusesANullTensorAsBefore() {
        assertThrows(NullPointerException.class, () -> Packing.pack(Tensor.scalar(1), null));
    }
}
