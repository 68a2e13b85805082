package dev.cotangent.gradbench;

import java.util.List;

/** The evals this tool implements, in GradBench's order. */
public final class Evals {
    private Evals() {}

    /** A new instance of every eval. */
    public static List<Eval> all() {
        return List.of(new Hello(), new Lse(), new Llsq(), new Det(), new Ode(), new Kmeans(), new Gmm(), new Ba(), new Ht(), new Lstm(), new Particle(), new Saddle());
    }
}
