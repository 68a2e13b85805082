package dev.cotangent.implicit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cotangent.AD;
import dev.cotangent.Tensor;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * A solver that stops short raises a {@link ConvergenceException} naming the function, the iteration count and the
 * residual — never a silently unconverged value or derivative; a singular ∂F/∂x at the solution likewise.
 */
class ConvergenceErrorsTest {

    static void assertNames(ConvergenceException e, String function, int iterations) {
        assertTrue(e.function().startsWith(function), e.function());
        assertEquals(iterations, e.iterations(), e.getMessage());
        assertTrue(e.getMessage().contains(function) && e.getMessage().contains(iterations + " iteration")
                && e.getMessage().contains("residual"), e.getMessage());
    }

    @Test
    void fixedPointAtTheIterationLimit() {
        // x ↦ x + θ has no fixed point for θ ≠ 0: every step has length ‖θ‖
        var e = assertThrows(ConvergenceException.class, () -> Implicit.fixedPoint((x, th) -> x.add(th),
                Tensor.zeros(2), Tensor.of(3, 4), Options.DEFAULT.withMaxIterations(50)));
        assertNames(e, "Implicit.fixedPoint", 50);
        assertEquals(5.0 / (50 * 5.0), e.residual(), 1e-12); // relative step ‖θ‖ / ‖x_50‖
    }

    @Test
    void fixedPointThatProducesNaN() {
        var e = assertThrows(ConvergenceException.class, () -> Implicit.fixedPoint((x, th) -> x.sub(th).log(),
                Tensor.zeros(1), Tensor.of(10)));
        assertNames(e, "Implicit.fixedPoint", 1);
        assertTrue(Double.isNaN(e.residual()) && e.getMessage().contains("NaN"), e.getMessage());
    }

    @Test
    void argminOfAnUnboundedEnergy() {
        // E = θ·Σx is linear: its gradient never vanishes
        var e = assertThrows(ConvergenceException.class, () -> Implicit.argmin((x, th) -> x.sum().mul(th),
                Tensor.zeros(3), Tensor.scalar(2), Options.DEFAULT.withMaxIterations(20)));
        assertNames(e, "Implicit.argmin", 20);
        assertEquals(2 * Math.sqrt(3), e.residual(), 1e-12); // ‖∇ₓE‖
    }

    @Test
    void rootWhoseSolverDidNotSolve() {
        BiFunction<Tensor, Tensor, Tensor> f = (x, th) -> x.sub(th);
        var e = assertThrows(ConvergenceException.class, () -> Implicit.root(f, (x0, th) -> x0, Tensor.zeros(2),
                Tensor.of(0.3, 0.4)));
        assertNames(e, "Implicit.root", 0);
        assertEquals(0.5, e.residual(), 1e-15);
    }

    @Test
    void singularJacobianAtTheRootFailsTheDerivativeNotTheValue() {
        // F = x³ − θ at θ = 0: x* = 0, where ∂F/∂x = 3x² = 0
        BiFunction<Tensor, Tensor, Tensor> f = (x, th) -> x.pow(3).sub(th);
        Function<Tensor, Tensor> root = th -> Implicit.root(f, (x0, t) -> Tensor.zeros(1), Tensor.zeros(1), th);
        assertEquals(0.0, root.apply(Tensor.of(0.0)).item());
        for (Runnable r : new Runnable[] {
            () -> AD.grad((Tensor th) -> root.apply(th).sum()).apply(Tensor.of(0.0)),
            () -> AD.jvp(root, Tensor.of(0.0), Tensor.of(1.0)),
            () -> AD.jacfwd(root).apply(Tensor.of(0.0)), // under vmap: the dense fallback
        }) {
            var e = assertThrows(ConvergenceException.class, r::run);
            assertTrue(e.function().startsWith("Implicit.root: derivative"), e.function());
            assertTrue(e.getMessage().contains("singular"), e.getMessage());
        }
    }

    @Test
    void singularTwoByTwoSystemIsReported() {
        // F = M x − θ with M = [[1, 1], [1, 1]]: a root exists for θ = (1, 1), but ∂F/∂x = M is singular
        Tensor m = Tensor.of(new double[][] {{1, 1}, {1, 1}});
        BiFunction<Tensor, Tensor, Tensor> f = (x, th) -> m.matmul(x).sub(th);
        Function<Tensor, Tensor> root = th -> Implicit.root(f, (x0, t) -> Tensor.of(0.5, 0.5), Tensor.zeros(2), th);
        var e = assertThrows(ConvergenceException.class,
                () -> AD.jvp(root, Tensor.of(1.0, 1.0), Tensor.of(1.0, 0.0)));
        assertTrue(e.getMessage().contains("singular") && e.getMessage().contains("GMRES"), e.getMessage());
        assertTrue(e.residual() > 0.1, e.getMessage());
    }

    @Test
    void linearSolveAtItsIterationLimit() {
        int n = 30;
        double[] a = new double[n * n];
        for (int i = 0; i < n; i++) {
            a[i * n + i] = 1 + i; // condition number 30: a Krylov method needs more than 3 products
            if (i + 1 < n) a[i * n + i + 1] = 0.5;
        }
        Tensor at = Tensor.of(new int[] {n, n}, a);
        for (Options.Method method : Options.Method.values()) {
            boolean symmetric = method == Options.Method.CG;
            var e = assertThrows(ConvergenceException.class, () -> Implicit.linearSolve(
                    (v, th) -> symmetric ? v.mul(th) : at.matmul(v), Tensor.ones(n), Tensor.of(new int[] {n},
                            range(n)), symmetric, Options.DEFAULT.withLinearMethod(method).withMaxLinearIterations(3)));
            assertTrue(e.function().startsWith("Implicit.linearSolve"), e.function());
            assertTrue(e.iterations() >= 3 && e.iterations() <= 4, e.getMessage());
            assertTrue(e.residual() > 1e-12 && e.residual() < 1, e.getMessage());
            assertTrue(e.getMessage().contains("iteration limit"), e.getMessage());
        }
    }

    static double[] range(int n) {
        double[] r = new double[n];
        for (int i = 0; i < n; i++) r[i] = 1 + i;
        return r;
    }
}
