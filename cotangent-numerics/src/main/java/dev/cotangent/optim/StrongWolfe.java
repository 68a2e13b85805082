package dev.cotangent.optim;

import java.util.function.DoubleFunction;

/** The strong-Wolfe line search of {@link LineSearch#strongWolfe(double, double, int)}. */
final class StrongWolfe implements LineSearch {
    private final double c1;
    private final double c2;
    private final int maxEvaluations;

    StrongWolfe(double c1, double c2, int maxEvaluations) {
        if (!(0 < c1 && c1 < c2 && c2 < 1)) {
            throw new IllegalArgumentException("strongWolfe: need 0 < c1 < c2 < 1, got c1=" + c1 + ", c2=" + c2);
        }
        this.c1 = c1;
        this.c2 = c2;
        this.maxEvaluations = maxEvaluations;
    }

    @Override
    public Point search(DoubleFunction<Point> phi, Point start, double alpha0) {
        Point prev = start;
        double a = alpha0;
        int evals = 0;
        while (evals < maxEvaluations) {
            Point p = phi.apply(a);
            evals++;
            if (!Double.isFinite(p.value())) { // stepped out of the domain: come back
                a = 0.5 * (prev.alpha() + a);
                continue;
            }
            if (p.value() > start.value() + c1 * a * start.slope() || (evals > 1 && p.value() >= prev.value())) {
                return zoom(phi, start, prev, p, evals);
            }
            if (Math.abs(p.slope()) <= -c2 * start.slope()) return p;
            if (p.slope() >= 0) return zoom(phi, start, p, prev, evals);
            prev = p;
            a *= 2;
        }
        return prev;
    }

    private Point zoom(DoubleFunction<Point> phi, Point start, Point lo, Point hi, int evals) {
        while (evals < maxEvaluations) {
            double a = interpolate(lo, hi);
            Point p = phi.apply(a);
            evals++;
            if (!Double.isFinite(p.value()) || p.value() > start.value() + c1 * a * start.slope()
                    || p.value() >= lo.value()) {
                hi = p;
            } else {
                if (Math.abs(p.slope()) <= -c2 * start.slope()) return p;
                if (p.slope() * (hi.alpha() - lo.alpha()) >= 0) hi = lo;
                lo = p;
            }
            if (Math.abs(hi.alpha() - lo.alpha()) < 1e-16 * Math.max(1.0, Math.abs(lo.alpha()))) break;
        }
        return lo; // satisfies sufficient decrease (or is the start, α = 0)
    }

    /** The minimiser of the cubic through both ends, kept inside the middle 80% of the bracket; else bisection. */
    private static double interpolate(Point lo, Point hi) {
        double a = lo.alpha();
        double b = hi.alpha();
        double lower = Math.min(a, b);
        double upper = Math.max(a, b);
        double width = upper - lower;
        double mid = 0.5 * (a + b);
        if (!Double.isFinite(hi.value()) || !Double.isFinite(hi.slope())) return mid;
        double d1 = lo.slope() + hi.slope() - 3 * (lo.value() - hi.value()) / (a - b);
        double disc = d1 * d1 - lo.slope() * hi.slope();
        if (disc < 0) return mid;
        double d2 = Math.signum(b - a) * Math.sqrt(disc);
        double t = b - (b - a) * (hi.slope() + d2 - d1) / (hi.slope() - lo.slope() + 2 * d2);
        if (!Double.isFinite(t) || t < lower + 0.1 * width || t > upper - 0.1 * width) return mid;
        return t;
    }
}
