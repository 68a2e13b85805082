package dev.cotangent.ode;

/**
 * The steps an integration took: the accepted step sizes in order, how many of them lie before each output time
 * (cumulative: output j is reached after {@code outputSteps[j]} steps), the rejected trial steps, and the
 * evaluations of u. For RK4 nothing is rejected and the sizes are the fixed ones. Arrays are not copied; do not
 * modify them.
 */
public record StepPlan(double[] stepSizes, int[] outputSteps, int rejected, int evaluations) {
    /** The number of accepted steps. */
    public int accepted() {
        return stepSizes.length;
    }

    /** The smallest accepted step size (0 when there is none). */
    public double smallestStep() {
        double m = Double.POSITIVE_INFINITY;
        for (double h : stepSizes) m = Math.min(m, h);
        return stepSizes.length == 0 ? 0 : m;
    }

    /** The largest accepted step size (0 when there is none). */
    public double largestStep() {
        double m = 0;
        for (double h : stepSizes) m = Math.max(m, h);
        return m;
    }

    @Override
    public String toString() {
        return "StepPlan[" + accepted() + " accepted, " + rejected + " rejected, " + evaluations + " evaluations of u]";
    }
}
