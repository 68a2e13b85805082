package dev.cotangent.tensor;

import static dev.cotangent.tensor.Ref.assertSame;
import static dev.cotangent.tensor.Ref.assertShape;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The creation functions: constants, ranges, identity, seeded random draws, and copy-versus-wrap. */
class CreationTest {

    @Test
    void constants() {
        assertSame(new double[] {0, 0, 0, 0, 0, 0}, NDArray.zeros(2, 3).toArray(), "zeros");
        assertShape(NDArray.zeros(2, 3), 2, 3);
        assertSame(new double[] {1, 1}, NDArray.ones(2).toArray(), "ones");
        assertSame(new double[] {2.5, 2.5, 2.5, 2.5}, NDArray.full(2.5, 2, 1, 2).toArray(), "full");
        assertShape(NDArray.zeros(), new int[0]);
        assertEquals(1, NDArray.ones().size());
        assertShape(NDArray.zeros(3, 0), 3, 0);
        assertEquals(4.0, NDArray.scalar(4).item());
        assertShape(NDArray.scalar(4), new int[0]);
    }

    @Test
    void arangeLikeNumPy() {
        assertSame(new double[] {0, 1, 2, 3, 4}, NDArray.arange(5).toArray(), "arange(5)");
        assertSame(new double[] {0, 0.25, 0.5, 0.75}, NDArray.arange(0, 1, 0.25).toArray(), "step 0.25");
        assertSame(new double[] {5, 3, 1}, NDArray.arange(5, 0, -2).toArray(), "negative step");
        assertEquals(0, NDArray.arange(0).size());
        assertEquals(0, NDArray.arange(1, 0, 1).size(), "stop before start");
        // NumPy's well-known rounding: ceil((1.3 - 1) / 0.1) = 4 elements
        assertEquals(4, NDArray.arange(1, 1.3, 0.1).size());
        assertEquals(10, NDArray.arange(0, 1, 0.1).size());
    }

    @Test
    void linspaceIncludesBothEnds() {
        assertSame(new double[] {0, 0.25, 0.5, 0.75, 1}, NDArray.linspace(0, 1, 5).toArray(), "linspace");
        assertSame(new double[] {2}, NDArray.linspace(2, 3, 1).toArray(), "n = 1 gives the start");
        assertEquals(0, NDArray.linspace(0, 1, 0).size());
        assertSame(new double[] {3, 2, 1}, NDArray.linspace(3, 1, 3).toArray(), "decreasing");
        // -0.3 + (0.1 - (-0.3)) is 0.10000000000000003 in doubles; the end point must still be exactly 0.1
        assertEquals(0.1, NDArray.linspace(-0.3, 0.1, 3).get(2));
    }

    @Property(tries = 200)
    void linspaceEndsExactlyAtItsBounds(@ForAll @DoubleRange(min = -1e6, max = 1e6) double a,
                                        @ForAll @DoubleRange(min = -1e6, max = 1e6) double b,
                                        @ForAll @IntRange(min = 2, max = 50) int n) {
        NDArray x = NDArray.linspace(a, b, n);
        assertEquals(a, x.get(0));
        assertEquals(b, x.get(n - 1));
        double step = (b - a) / (n - 1);
        for (int i = 0; i < n; i++) assertEquals(a + step * i, x.get(i), 1e-9 * Math.max(Math.abs(a), Math.abs(b)) + 1e-12);
    }

    @Test
    void eye() {
        assertSame(new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1}, NDArray.eye(3).toArray(), "eye(3)");
        assertShape(NDArray.eye(0), 0, 0);
        assertSame(new double[] {1}, NDArray.eye(1).toArray(), "eye(1)");
    }

    @Test
    void ofCopiesAndWrapDoesNot() {
        double[] d = {1, 2, 3};
        NDArray copied = NDArray.of(d);
        NDArray copied2 = NDArray.of(Shape.of(3), d);
        NDArray wrapped = NDArray.wrap(Shape.of(3), d);
        d[0] = 99;
        assertEquals(1.0, copied.get(0));
        assertEquals(1.0, copied2.get(0));
        assertEquals(99.0, wrapped.get(0), "wrap hands the array over");
        double[] out = copied.toArray();
        out[1] = -5;
        assertEquals(2.0, copied.get(1), "toArray is a copy");
        assertNotSame(copied.toArray(), copied.toArray());
        NDArray rows = NDArray.of(new double[][] {{1, 2}, {3, 4}, {5, 6}});
        assertShape(rows, 3, 2);
        assertEquals(6.0, rows.get(-1, -1), "negative indices count from the end");
        assertShape(NDArray.of(new double[0][]), 0, 0);
    }

    @Test
    void uniformIsReproducibleFromItsSeedAndInRange() {
        NDArray u1 = NDArray.uniform(new SplittableRandom(42), -2, 3, 100, 50);
        NDArray u2 = NDArray.uniform(new SplittableRandom(42), -2, 3, 100, 50);
        NDArray u3 = NDArray.uniform(new SplittableRandom(43), -2, 3, 100, 50);
        assertShape(u1, 100, 50);
        assertSame(u1.toArray(), u2.toArray(), "same seed, same numbers");
        assertFalse(u1.allClose(u3), "another seed, other numbers");
        // row-major consumption of the generator: element i is lo + (hi - lo) * (i-th nextDouble)
        SplittableRandom r = new SplittableRandom(42);
        double[] d = u1.toArray();
        for (int i = 0; i < d.length; i++) assertEquals(-2 + 5 * r.nextDouble(), d[i]);
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double sum = 0;
        for (double v : d) {
            min = Math.min(min, v);
            max = Math.max(max, v);
            sum += v;
        }
        assertTrue(min >= -2 && max < 3, "in [-2, 3): " + min + " .. " + max);
        // mean 0.5, sd of the mean 5/sqrt(12·5000) ~ 0.02
        assertEquals(0.5, sum / d.length, 0.1);
    }

    @Test
    void normalIsReproducibleFromItsSeedWithTheRightMoments() {
        RandomGenerator g1 = new SplittableRandom(7);
        RandomGenerator g2 = new SplittableRandom(7);
        NDArray n1 = NDArray.normal(g1, 3, 2, 20000);
        NDArray n2 = NDArray.normal(g2, 3, 2, 20000);
        assertSame(n1.toArray(), n2.toArray(), "same seed, same numbers");
        assertFalse(n1.allClose(NDArray.normal(new SplittableRandom(8), 3, 2, 20000)));
        double mean = n1.mean(false).item();
        double var = n1.sub(NDArray.scalar(mean)).mul(n1.sub(NDArray.scalar(mean))).mean(false).item();
        // sd of the sample mean = 2/sqrt(20000) ~ 0.014; of the sample sd ~ 2/sqrt(40000) = 0.01
        assertEquals(3, mean, 0.06);
        assertEquals(2, Math.sqrt(var), 0.05);
        assertShape(NDArray.normal(new SplittableRandom(1), 0, 1, 2, 0, 3), 2, 0, 3);
    }
}
