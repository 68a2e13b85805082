package dev.cotangent.gradbench;

import dev.cotangent.Tensor;
import java.util.function.Function;

/**
 * The gradient descent that particle and saddle prescribe, step for step. It is written with tensor ops on the
 * iterate (x′ = x − η·g), so when it runs inside another transform (saddle's inner argmax inside the outer
 * gradient) that transform differentiates through the steps; the decisions (‖g‖ small, F decreased) are Java
 * control flow on the values.
 */
final class Descent {
    private Descent() {}

    static final double TOLERANCE = 1e-5;
    static final double RATE = 1e-5;

    /** argmin of f from x0, with gradient {@code grad}. */
    static Tensor argmin(Function<Tensor, Tensor> f, Function<Tensor, Tensor> grad, Tensor x0) {
        Tensor x = x0;
        double fx = f.apply(x).item();
        Tensor g = grad.apply(x);
        int i = 0;
        double eta = RATE;
        while (true) {
            if (norm(g) <= TOLERANCE) return x;
            if (i == 10) {
                eta *= 2;
                i = 0;
                continue;
            }
            Tensor next = x.sub(g.mul(eta));
            if (norm(x.sub(next)) <= TOLERANCE) return x;
            double fNext = f.apply(next).item();
            if (fNext < fx) {
                x = next;
                fx = fNext;
                g = grad.apply(x);
                i++;
            } else {
                eta /= 2;
                i = 0;
            }
        }
    }

    /** argmax of f: argmin of −f with the negated gradient. */
    static Tensor argmax(Function<Tensor, Tensor> f, Function<Tensor, Tensor> grad, Tensor x0) {
        return argmin(x -> f.apply(x).neg(), x -> grad.apply(x).neg(), x0);
    }

    private static double norm(Tensor v) {
        return Math.sqrt(v.mul(v).sum().item());
    }
}
