package dev.cotangent.trace;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cotangent.Ops;
import dev.cotangent.Tensor;
import dev.cotangent.kernel.GemmSum;
import dev.cotangent.primitive.ProductCotangents;
import dev.cotangent.tensor.NDArray;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * When {@link Cotangents#addProduct} takes a matrix product into an off-heap sum, and when it leaves it to the
 * rule: the decision the reverse sweep's β = 1 path rests on.
 */
class CotangentsTest {
    private static final SplittableRandom RNG = new SplittableRandom(11);

    private static Tensor random(int... dims) {
        return Tensor.from(NDArray.uniform(RNG, -1, 1, dims));
    }

    private static ProductCotangents.Product outer(Tensor g, Tensor x) {
        return new ProductCotangents.Product(g, x, false, true);
    }

    @Test
    void aSecondConcreteProductIsAddedInPlaceAndReadBackAsTheRuleWouldSumIt() {
        Tensor first = random(64, 64);
        double[] firstBefore = first.value().toArray();
        Tensor g = random(64, 1);
        Tensor x = random(64, 1);
        try (Cotangents ct = new Cotangents(1, false)) {
            assertFalse(ct.addProduct(0, outer(g, x)), "a first contribution is the rule's own result");
            ct.add(0, first);
            assertTrue(ct.addProduct(0, outer(g, x)));
            assertTrue(ct.addProduct(0, outer(x, g)));
            Tensor got = ct.take(0);
            Tensor want = Ops.add(Ops.add(first, Ops.matmul(g, x, false, true)), Ops.matmul(x, g, false, true));
            assertArrayEquals(want.value().unsafeData(), got.value().unsafeData(), 0.0);
            assertArrayEquals(firstBefore, first.value().unsafeData(), 0.0, "a user's tensor in a slot was written");
        }
    }

    @Test
    void tracersBatchAxesLongInnerDimensionsSmallSumsAndAnomalyModeTakeTheRule() {
        try (Cotangents ct = new Cotangents(4, false)) {
            ct.add(0, random(64, 64));
            Tensor g = random(64, GemmSum.MAX_INNER + 1);
            Tensor x = random(64, GemmSum.MAX_INNER + 1);
            assertFalse(ct.addProduct(0, outer(g, x)), "inner dimension above GemmSum.MAX_INNER");
            ct.add(1, random(8, 8));
            assertFalse(ct.addProduct(1, outer(random(8, 2), random(8, 2))), "a sum smaller than SMALLEST_SUM");
            ct.add(2, random(2, 64, 64));
            assertFalse(ct.addProduct(2, new ProductCotangents.Product(random(2, 64, 1), random(2, 64, 1), false, true)));
            ct.add(3, new JvpTrace(99).tracer(random(64, 64), random(64, 64)));
            assertFalse(ct.addProduct(3, outer(random(64, 1), random(64, 1))), "an enclosing transform's tracer");
            ct.add(0, random(64, 64));
            boolean old = Eval.setAnomalyMode(true);
            try {
                assertFalse(ct.addProduct(0, outer(random(64, 1), random(64, 1))), "anomaly mode");
            } finally {
                Eval.setAnomalyMode(old);
            }
        }
    }
}
