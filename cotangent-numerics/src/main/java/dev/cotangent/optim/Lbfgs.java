package dev.cotangent.optim;

import dev.cotangent.Tensor;
import dev.cotangent.ValueAndGrads;
import dev.cotangent.optim.Ravel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Limited-memory BFGS: the direction −H∇f from the last m pairs s = Δθ, y = Δ∇f by the two-loop recursion,
 * then a line search (strong Wolfe by default, which keeps sᵀy > 0). Unlike a first-order training optimiser
 * it needs the loss values, so a step takes the {@link Objective}; it is still a plain function of
 * (objective, parameters, immutable state) to a {@link Step}.
 */
public final class Lbfgs {
    /**
     * The iteration count, value and gradient at the current parameters, the stored pairs (oldest first),
     * the objective evaluations so far, and whether the last line search failed to move.
     */
    public record State(int iteration, double value, double[] grad, List<double[]> s, List<double[]> y,
                        int evaluations, boolean stalled) {
        /** The Euclidean norm of the current gradient. */
        public double gradNorm() {
            return Math.sqrt(dot(grad, grad));
        }
    }

    /** The parameters after a step and the state there. */
    public record Step(Map<String, Tensor> params, State state) {}

    private final int memory;
    private final LineSearch search;

    public Lbfgs(int memory, LineSearch search) {
        if (memory < 1) throw new IllegalArgumentException("Lbfgs: memory " + memory + " must be >= 1");
        this.memory = memory;
        this.search = search;
    }

    /** Memory 10 with the strong-Wolfe search. */
    public Lbfgs() {
        this(10, LineSearch.strongWolfe());
    }

    /** The state at {@code params} (one evaluation of the objective). */
    public State init(Objective f, Map<String, Tensor> params) {
        ValueAndGrads vg = f.evaluate(params);
        return new State(0, vg.value().item(), Ravel.flatten(vg.grads()), List.of(), List.of(), 1, false);
    }

    /** One quasi-Newton step from {@code params}, whose value and gradient {@code state} holds. */
    public Step step(Objective f, Map<String, Tensor> params, State state) {
        double[] x = Ravel.flatten(params);
        double[] g = state.grad();
        double[] p = direction(g, state.s(), state.y());
        boolean reset = false;
        if (dot(p, g) >= 0) { // not a descent direction: forget the curvature pairs
            p = scale(-1, g);
            reset = true;
        }
        int[] evals = {0};
        double[] dir = p;
        LineSearch.Point start = new LineSearch.Point(0, state.value(), g, dot(g, p));
        double alpha0 = state.s().isEmpty() || reset ? Math.min(1.0, 1.0 / Math.max(1e-300, norm(g))) : 1.0;
        LineSearch.Point best = search.search(a -> {
            evals[0]++;
            ValueAndGrads vg = f.evaluate(Ravel.unflatten(axpy(a, dir, x), params));
            double[] ga = Ravel.flatten(vg.grads());
            return new LineSearch.Point(a, vg.value().item(), ga, dot(ga, dir));
        }, start, alpha0);
        int total = state.evaluations() + evals[0];
        if (best.alpha() == 0) {
            return new Step(params, new State(state.iteration() + 1, state.value(), g, List.of(),
                    List.of(), total, true));
        }
        double[] xNew = axpy(best.alpha(), p, x);
        double[] s = sub(xNew, x);
        double[] y = sub(best.grad(), g);
        List<double[]> ss = new ArrayList<>(reset ? List.of() : state.s());
        List<double[]> ys = new ArrayList<>(reset ? List.of() : state.y());
        if (dot(s, y) > 1e-12 * norm(s) * norm(y)) {
            ss.add(s);
            ys.add(y);
            if (ss.size() > memory) {
                ss.remove(0);
                ys.remove(0);
            }
        }
        return new Step(Ravel.unflatten(xNew, params), new State(state.iteration() + 1,
                best.value(), best.grad(), List.copyOf(ss), List.copyOf(ys), total, false));
    }

    /** Steps until ‖∇f‖ ≤ {@code gradTol}, {@code maxIterations}, or a stall; returns the last step. */
    public Step minimize(Objective f, Map<String, Tensor> params, int maxIterations, double gradTol) {
        State st = init(f, params);
        Step u = new Step(params, st);
        while (u.state().iteration() < maxIterations && u.state().gradNorm() > gradTol) {
            Step next = step(f, u.params(), u.state());
            if (next.state().stalled() && u.state().s().isEmpty()) return next; // steepest descent failed too
            u = next;
        }
        return u;
    }

    /** −H g by the two-loop recursion, with H₀ = (sᵀy / yᵀy) I. */
    static double[] direction(double[] g, List<double[]> s, List<double[]> y) {
        int k = s.size();
        double[] q = g.clone();
        double[] alpha = new double[k];
        double[] rho = new double[k];
        for (int i = k - 1; i >= 0; i--) {
            rho[i] = 1.0 / dot(y.get(i), s.get(i));
            alpha[i] = rho[i] * dot(s.get(i), q);
            addTo(q, -alpha[i], y.get(i));
        }
        if (k > 0) {
            double gamma = dot(s.get(k - 1), y.get(k - 1)) / dot(y.get(k - 1), y.get(k - 1));
            for (int j = 0; j < q.length; j++) q[j] *= gamma;
        }
        for (int i = 0; i < k; i++) {
            double beta = rho[i] * dot(y.get(i), q);
            addTo(q, alpha[i] - beta, s.get(i));
        }
        return scale(-1, q);
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }

    private static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }

    private static void addTo(double[] q, double c, double[] v) {
        for (int j = 0; j < q.length; j++) q[j] += c * v[j];
    }

    private static double[] axpy(double a, double[] x, double[] y) {
        double[] r = y.clone();
        addTo(r, a, x);
        return r;
    }

    private static double[] sub(double[] a, double[] b) {
        double[] r = new double[a.length];
        for (int i = 0; i < r.length; i++) r[i] = a[i] - b[i];
        return r;
    }

    private static double[] scale(double c, double[] a) {
        double[] r = new double[a.length];
        for (int i = 0; i < r.length; i++) r[i] = c * a[i];
        return r;
    }
}
