package dev.cotangent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The perturbation-confusion case (Siskind and Pearlmutter): d/dx [ x · d/dy (x + y) ] = d/dx [ x · 1 ] = 1 at
 * every x. An engine that lets the outer perturbation of x leak into the inner derivative gets d/dy (x + y) = 2
 * and answers 2. Checked for every combination of forward (jvp) and reverse (grad) mode, inner and outer, with
 * the inner derivative taken at a constant y and at y = x (where both perturbations meet in one operation).
 */
class PerturbationConfusionTest {

    /** d/dz of a scalar function at z, by forward or reverse mode. */
    enum Mode {
        JVP {
            @Override
            Tensor derivative(Function<Tensor, Tensor> f, Tensor z) {
                return AD.jvp(f, z, Tensor.scalar(1.0)).tangent();
            }
        },
        GRAD {
            @Override
            Tensor derivative(Function<Tensor, Tensor> f, Tensor z) {
                return AD.grad(f).apply(z);
            }
        };

        abstract Tensor derivative(Function<Tensor, Tensor> f, Tensor z);
    }

    static Stream<Arguments> combinations() {
        Stream.Builder<Arguments> b = Stream.builder();
        for (Mode outer : Mode.values()) {
            for (Mode inner : Mode.values()) {
                for (double x : new double[] {-2.0, 0.0, 0.5, 3.0}) b.add(Arguments.of(outer, inner, x));
            }
        }
        return b.build();
    }

    @ParameterizedTest(name = "{0} of x * ({1} of x + y) at x = {2}")
    @MethodSource("combinations")
    void innerDerivativeDoesNotSeeTheOuterPerturbation(Mode outer, Mode inner, double x0) {
        // inner derivative at a constant point y = 1.7
        Function<Tensor, Tensor> f = x -> x.mul(inner.derivative(y -> x.add(y), Tensor.scalar(1.7)));
        assertEquals(1.0, outer.derivative(f, Tensor.scalar(x0)).item(), 0.0);
        // inner derivative at y = x: both levels' perturbations reach the same add
        Function<Tensor, Tensor> g = x -> x.mul(inner.derivative(y -> x.add(y), x));
        assertEquals(1.0, outer.derivative(g, Tensor.scalar(x0)).item(), 0.0);
    }

    @ParameterizedTest(name = "{0} of x * ({1} of x * y) at x = {2}")
    @MethodSource("combinations")
    void innerProductDerivativeIsTheOuterVariable(Mode outer, Mode inner, double x0) {
        // d/dx [ x · d/dy (x·y) ] = d/dx [ x · x ] = 2x; confusion adds a spurious term
        Function<Tensor, Tensor> f = x -> x.mul(inner.derivative(y -> x.mul(y), Tensor.scalar(-0.6)));
        assertEquals(2 * x0, outer.derivative(f, Tensor.scalar(x0)).item(), 1e-15);
    }

    @ParameterizedTest(name = "x + y as a two-argument grad inside {0}")
    @MethodSource("modes")
    void twoArgumentGradInsideAnotherTransform(Mode outer) {
        BiFunction<Tensor, Tensor, Tensor> plus = Tensor::add;
        Function<Tensor, Tensor> f = x -> x.mul(AD.grad(plus).apply(x, Tensor.scalar(2.0))[1]);
        assertEquals(1.0, outer.derivative(f, Tensor.scalar(0.3)).item(), 0.0);
    }

    static Stream<Mode> modes() {
        return Stream.of(Mode.values());
    }
}
