package dev.cotangent.sparse;

import dev.cotangent.SparseMatrix;
import dev.cotangent.Tensor;
import dev.cotangent.graph.Graph;
import dev.cotangent.tensor.Shape;
import dev.cotangent.transform.Vjp;
import java.util.function.Function;

/**
 * The Jacobian of f: [n] → [m] as a {@link SparseMatrix}, by compressed products: the pattern is detected from
 * f's staged graph (or given), coloured once per input shape and kept; then each call makes one batched JVP over
 * the column colours (vmap of jvp over the seed matrix) or one recorded evaluation and a batched VJP over the row
 * colours, whichever needs fewer products, and reads every entry off them exactly.
 */
public final class SparseJacobian implements Function<Tensor, SparseMatrix> {
    private static final String NAME = "sparseJacobian";

    private final Function<Tensor, Tensor> f;
    private final SparseOptions options;
    private final PlanCache plans = new PlanCache(this::makePlan);

    public SparseJacobian(Function<Tensor, Tensor> f, SparseOptions options) {
        if (options.mode() == SparseOptions.Mode.STAR) {
            throw new IllegalArgumentException(NAME + ": star colouring is for symmetric Hessians; use AUTO, FORWARD "
                    + "or REVERSE");
        }
        this.f = f;
        this.options = options;
    }

    @Override
    public SparseMatrix apply(Tensor x) {
        SparsePlan plan = plan(requireVector(NAME, x));
        Pattern p = plan.pattern();
        Coloring c = plan.coloring();
        if (c.kind() == Coloring.Kind.COLUMNS) {
            if (c.count() == 0) return Compression.fromColumns(p, c, requireOutput(f.apply(x), p, 0));
            Tensor t = Derivatives.jvps(NAME, f, x, Compression.seeds(c, p.columns()));   // [colours, m]
            return Compression.fromColumns(p, c, requireOutput(t, p, 1));
        }
        Vjp.Pullback r = Vjp.vjp(NAME, a -> new Tensor[] {f.apply(a[0])}, x);
        requireOutput(r.values()[0], p, 0);
        if (c.count() == 0) return Compression.fromRows(p, c, new double[0]);
        return Compression.fromRows(p, c, Derivatives.vjps(NAME, r, Compression.seeds(c, p.rows())).toArray());
    }

    /** The pattern and colouring for inputs of this shape, computed on first use and kept. */
    public SparsePlan plan(Shape in) {
        return plans.get(in);
    }

    private SparsePlan makePlan(Shape in) {
        Pattern p = options.pattern();
        if (p == null) {
            Graph g = Sparsity.stage(NAME, f, in);
            Shape out = g.byId()[g.outputs().get(0)].shape();
            if (out.rank() != 1) throw wrongOutput(out);
            p = Sparsity.jacobian(g);
        } else if (p.columns() != in.size()) {
            throw new IllegalArgumentException(NAME + ": the pattern has " + p.columns() + " columns but x has "
                    + in.size() + " elements");
        }
        Pattern pattern = p;
        switch (options.mode()) {
            case FORWARD:
                return new SparsePlan(pattern, options.color(o -> Coloring.columns(pattern, o)));
            case REVERSE:
                return new SparsePlan(pattern, options.color(o -> Coloring.rows(pattern, o)));
            default:
                Coloring cols = options.color(o -> Coloring.columns(pattern, o));
                Coloring rows = options.color(o -> Coloring.rows(pattern, o));
                return new SparsePlan(pattern, rows.count() < cols.count() ? rows : cols);
        }
    }

    /** x must be a vector. */
    static Shape requireVector(String transform, Tensor x) {
        if (x.rank() != 1) {
            throw new IllegalArgumentException(transform + ": x has shape " + x.dims() + "; f must map a vector [n] ("
                    + (transform.equals(NAME) ? "to a vector [m]" : "to a scalar") + "); reshape x to [" + x.size() + "]");
        }
        return x.dims();
    }

    /** The values of f's output (batched along {@code batchAxes} leading axes), checked against the pattern. */
    private double[] requireOutput(Tensor y, Pattern p, int batchAxes) {
        Shape out = Shape.of(java.util.Arrays.copyOfRange(y.shape(), batchAxes, y.rank()));
        if (out.rank() != 1) throw wrongOutput(out);
        if (out.size() != p.rows()) {
            throw new IllegalArgumentException(NAME + ": f returned " + out.size() + " elements but the pattern has "
                    + p.rows() + " rows");
        }
        return y.toArray();
    }

    private static IllegalArgumentException wrongOutput(Shape out) {
        return new IllegalArgumentException(NAME + ": f returned a tensor of shape " + out + "; f must map a vector "
                + "[n] to a vector [m] (reshape its result, or use AD.grad for a scalar)");
    }
}
