package dev.cotangent.sparse;

import dev.cotangent.SparseMatrix;
import dev.cotangent.Tensor;
import dev.cotangent.tensor.Shape;
import java.util.function.Function;

/**
 * The Hessian of a scalar f: [n] → [] as a {@link SparseMatrix}, by compressed Hessian-vector products: the
 * pattern is the Jacobian pattern of f's staged gradient program (or given; made symmetric), coloured once per
 * input shape; each call makes one batched HVP (vmap of forward-over-reverse) over the colours and reads the
 * entries off it. Column colouring reads each H[i][j] from its own column, the number a dense Hessian computes;
 * star colouring needs fewer products but may read H[i][j] from its mirror H[j][i], which can differ from it in
 * the last bits where the two are computed by different sums; its result is exactly symmetric.
 */
public final class SparseHessian implements Function<Tensor, SparseMatrix> {
    private static final String NAME = "sparseHessian";

    private final Function<Tensor, Tensor> f;
    private final SparseOptions options;
    private final PlanCache plans = new PlanCache(this::makePlan);

    public SparseHessian(Function<Tensor, Tensor> f, SparseOptions options) {
        if (options.mode() == SparseOptions.Mode.REVERSE) {
            throw new IllegalArgumentException(NAME + ": a Hessian is symmetric, so rows are columns; use AUTO, "
                    + "FORWARD or STAR");
        }
        this.f = f;
        this.options = options;
    }

    @Override
    public SparseMatrix apply(Tensor x) {
        SparsePlan plan = plan(SparseJacobian.requireVector(NAME, x));
        Pattern p = plan.pattern();
        Coloring c = plan.coloring();
        double[] b = c.count() == 0 ? checkScalar(x) : Derivatives.hvps(NAME, f, x, Compression.seeds(c, p.rows())).toArray();
        return c.kind() == Coloring.Kind.STAR ? Compression.fromStar(p, c, b) : Compression.fromColumns(p, c, b);
    }

    /** The symmetric pattern and its colouring for inputs of this shape, computed on first use and kept. */
    public SparsePlan plan(Shape in) {
        return plans.get(in);
    }

    private SparsePlan makePlan(Shape in) {
        Pattern p = options.pattern();
        if (p == null) {
            p = Sparsity.hessian(f, in);
        } else if (p.rows() != in.size() || p.columns() != in.size()) {
            throw new IllegalArgumentException(NAME + ": the pattern is " + p.rows() + "×" + p.columns() + " but x has "
                    + in.size() + " elements");
        } else {
            p = p.symmetric();
        }
        Pattern pattern = p;
        switch (options.mode()) {
            case FORWARD:
                return new SparsePlan(pattern, options.color(o -> Coloring.columns(pattern, o)));
            case STAR:
                return new SparsePlan(pattern, options.color(o -> Coloring.star(pattern, o)));
            default:
                Coloring star = options.color(o -> Coloring.star(pattern, o));
                Coloring cols = options.color(o -> Coloring.columns(pattern, o));
                return new SparsePlan(pattern, star.count() < cols.count() ? star : cols);
        }
    }

    /** With no products to make (an affine f), still check that f is scalar-valued. */
    private double[] checkScalar(Tensor x) {
        Derivatives.gradient(NAME, f, x);
        return new double[0];
    }
}
