package dev.cotangent.gradbench;

import dev.cotangent.AD;
import dev.cotangent.Tensor;
import java.util.List;

/** The evals this tool implements, in GradBench's order. */
public final class Evals {
    private Evals() {}

    /**
     * Loads what the first evaluation would otherwise load inside its timed region: the native BLAS library (the
     * first matrix product) and the transforms' classes. The answer to {@code start} says the tool is ready.
     */
    public static void warmUp() {
        Tensor a = Tensor.of(new double[][] {{1, 2}, {3, 4}});
        AD.grad((Tensor x) -> x.matmul(a).sum()).apply(a);
        AD.jacfwd((Tensor x) -> x.mul(x)).apply(Tensor.of(1, 2));
    }

    /** A new instance of every eval. */
    public static List<Eval> all() {
        return List.of(new Hello(), new Lse(), new Llsq(), new Det(), new Ode(), new Kmeans(), new Gmm(), new Ba(),
                new Ht(), new Lstm(), new Particle(), new Saddle());
    }
}
