package dev.cotangent.check;

import dev.cotangent.Tensor;
import dev.cotangent.tensor.NDArray;
import dev.cotangent.tensor.Shape;
import java.util.function.Function;

/**
 * Derivatives by central finite differences, the reference that AD results are checked against. Only values
 * are used ({@link Tensor#value()}): no transform is involved, so these numbers are independent of every
 * derivative rule.
 *
 * <p>The directional derivative uses the fourth-order central stencil
 * <pre>
 *   ∂f(x)·v ≈ [−f(x+2hv) + 8f(x+hv) − 8f(x−hv) + f(x−2hv)] / (12h),
 * </pre>
 * whose truncation error is O(h⁴) (the plain central difference [f(x+hv) − f(x−hv)]/(2h) is O(h²)). With the
 * default step h = 10⁻³ and |v| ≈ 1, the error is around 10⁻¹¹ relative for smooth functions of moderate
 * size, so f must be smooth on the segment [x − 2hv, x + 2hv]: keep x at least 2h|v| away from kinks and
 * domain boundaries.
 */
public final class FiniteDifferences {
    /** The default step h. */
    public static final double STEP = 1e-3;

    private FiniteDifferences() {}

    /** ∂f(x)·v, by the fourth-order central stencil with the default step. */
    public static Tensor directional(Function<Tensor, Tensor> f, Tensor x, Tensor v) {
        return directional(f, x, v, STEP);
    }

    /** ∂f(x)·v, by the fourth-order central stencil with step {@code h}; {@code v} has x's shape. */
    public static Tensor directional(Function<Tensor, Tensor> f, Tensor x, Tensor v, double h) {
        if (!x.dims().equals(v.dims())) {
            throw new IllegalArgumentException("finite differences: direction of shape " + v.dims()
                    + " for an input of shape " + x.dims() + "; they must match");
        }
        NDArray x0 = x.value();
        NDArray dv = v.value();
        double[] p2 = eval(f, x0, dv, 2 * h).unsafeData();
        NDArray y1 = eval(f, x0, dv, h);
        double[] p1 = y1.unsafeData();
        double[] m1 = eval(f, x0, dv, -h).unsafeData();
        double[] m2 = eval(f, x0, dv, -2 * h).unsafeData();
        Shape out = y1.dims();
        double[] d = new double[p1.length];
        for (int i = 0; i < d.length; i++) d[i] = (-p2[i] + 8 * p1[i] - 8 * m1[i] + m2[i]) / (12 * h);
        return Tensor.from(NDArray.wrap(out, d));
    }

    /** ∂f(x)·v by the second-order central difference [f(x+hv) − f(x−hv)]/(2h). */
    public static Tensor central(Function<Tensor, Tensor> f, Tensor x, Tensor v, double h) {
        NDArray x0 = x.value();
        NDArray dv = v.value();
        if (!x.dims().equals(v.dims())) {
            throw new IllegalArgumentException("finite differences: direction of shape " + v.dims()
                    + " for an input of shape " + x.dims() + "; they must match");
        }
        NDArray yp = eval(f, x0, dv, h);
        double[] p = yp.unsafeData();
        double[] m = eval(f, x0, dv, -h).unsafeData();
        double[] d = new double[p.length];
        for (int i = 0; i < d.length; i++) d[i] = (p[i] - m[i]) / (2 * h);
        return Tensor.from(NDArray.wrap(yp.dims(), d));
    }

    /**
     * The Jacobian ∂f(x), one directional derivative per input element (cost 4·n evaluations of f), with
     * the shape convention of {@link dev.cotangent.AD#jacobian}: out.shape ++ in.shape.
     */
    public static Tensor jacobian(Function<Tensor, Tensor> f, Tensor x) {
        Shape in = x.dims();
        Shape out = f.apply(Tensor.from(x.value())).dims();
        int n = in.size();
        int m = out.size();
        double[] j = new double[m * n];
        for (int c = 0; c < n; c++) {
            double[] e = new double[n];
            e[c] = 1.0;
            double[] col = directional(f, x, Tensor.from(NDArray.wrap(in, e))).toArray();
            for (int r = 0; r < m; r++) j[r * n + c] = col[r];
        }
        int[] dims = new int[out.rank() + in.rank()];
        System.arraycopy(out.dims(), 0, dims, 0, out.rank());
        System.arraycopy(in.dims(), 0, dims, out.rank(), in.rank());
        return Tensor.from(NDArray.wrap(Shape.of(dims), j));
    }

    /** The gradient ∇f(x) of a scalar-valued f, of x's shape. */
    public static Tensor gradient(Function<Tensor, Tensor> f, Tensor x) {
        Shape out = f.apply(Tensor.from(x.value())).dims();
        if (out.rank() != 0) {
            throw new IllegalArgumentException("finite differences: gradient of a function with output shape " + out
                    + "; the gradient needs a scalar (0-d) output, use jacobian otherwise");
        }
        return Tensor.from(NDArray.wrap(x.dims(), jacobian(f, x).toArray()));
    }

    private static NDArray eval(Function<Tensor, Tensor> f, NDArray x, NDArray v, double s) {
        double[] a = x.unsafeData();
        double[] d = v.unsafeData();
        double[] p = new double[a.length];
        for (int i = 0; i < p.length; i++) p[i] = a[i] + s * d[i];
        return f.apply(Tensor.from(NDArray.wrap(x.dims(), p))).value();
    }
}
