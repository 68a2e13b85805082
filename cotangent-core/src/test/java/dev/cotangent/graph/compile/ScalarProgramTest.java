package dev.cotangent.graph.compile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cotangent.Tensor;
import dev.cotangent.tensor.NDArray;
import dev.cotangent.tensor.Shape;
import dev.cotangent.transform.Stage;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** A scalar program gives {@link Program#run}'s bits, outputs that are inputs and constants included. */
class ScalarProgramTest {
    @Test
    void givesTheProgramsBitsAndDeclinesArrays() {
        Program p = GraphCompiler.compile(Stage.stage(xs -> new Tensor[] {
            xs[0].sin().mul(xs[1]).add(2).div(xs[1].exp().add(1)), xs[0], Tensor.scalar(3), xs[1].tanh().pow(xs[0])},
                Shape.of(), Shape.of()));
        ScalarProgram s = ScalarProgram.of(p);
        assertNotNull(s, p.listing());
        SplittableRandom r = new SplittableRandom(4);
        for (int t = 0; t < 20; t++) {
            double a = r.nextDouble(0.1, 2);
            double b = r.nextDouble(0.1, 2);
            NDArray[] want = p.run(NDArray.scalar(a), NDArray.scalar(b));
            double[] got = new double[4];
            s.run(new double[] {a, b}, got);
            double[] wanted = new double[4];
            for (int k = 0; k < 4; k++) wanted[k] = want[k].item();
            assertArrayEquals(wanted, got, 0.0);
        }
        assertThrows(IllegalArgumentException.class, () -> s.run(new double[1], new double[4]));
        assertNull(ScalarProgram.of(GraphCompiler.compile(Stage.stage(xs -> new Tensor[] {xs[0].exp()}, Shape.of(3)))));
    }
}
