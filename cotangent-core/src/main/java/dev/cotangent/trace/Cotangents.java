package dev.cotangent.trace;

import dev.cotangent.Ops;
import dev.cotangent.Tensor;
import dev.cotangent.kernel.Blas;
import dev.cotangent.kernel.GemmSum;
import dev.cotangent.primitive.ProductCotangents;
import dev.cotangent.tensor.NDArray;

/**
 * The cotangent of every slot during one backward sweep of a {@link ReverseTrace}. A slot's cotangent is a tensor
 * (what the general tape's VJP rules produce), a number (what the {@link ScalarTape} produces for 0-d values), or
 * both, added when the slot is read. Concrete tensor contributions are summed in place in an array the sweep owns,
 * and concrete matrix products ({@link #addProduct}) in an off-heap {@link GemmSum} by a GEMM of β = 1, written
 * back when the slot is read; {@link #close} frees what is left.
 */
final class Cotangents implements AutoCloseable {
    /** Sums smaller than this stay on the heap: a GEMM into them saves less than the native bookkeeping costs. */
    static final int SMALLEST_SUM = 1024;

    private final Tensor[] ct;
    private final boolean[] owned;
    private GemmSum[] sums;
    private final double[] num;
    private final boolean[] hasNum;

    /** Cotangents for slots [0, n); {@code numbers}: whether the scalar tape takes part. */
    Cotangents(int n, boolean numbers) {
        ct = new Tensor[n];
        owned = new boolean[n];
        num = numbers ? new double[n] : null;
        hasNum = numbers ? new boolean[n] : null;
    }

    /** Whether slot {@code j} has a cotangent. */
    boolean has(int j) {
        return ct[j] != null || (hasNum != null && hasNum[j]);
    }

    /** Adds the tensor {@code g} to slot {@code j}'s cotangent. */
    void add(int j, Tensor g) {
        add(j, g, false);
    }

    /**
     * Adds {@code g} to slot {@code j}'s cotangent; {@code fresh}: {@code g} is a new array nothing else holds (a
     * rule's result, see {@code Primitive.vjpResultsFresh}), so when it is the slot's first contribution later
     * ones are added into it in place instead of into a copy.
     */
    void add(int j, Tensor g, boolean fresh) {
        flush(j);
        if (ct[j] == null) {
            ct[j] = g;
            owned[j] = fresh && !(g instanceof Tracer) && !(g instanceof ShapeOnly);
        } else {
            ct[j] = accumulate(ct[j], g, j);
        }
    }

    /**
     * Adds the product {@code p} (one operand's cotangent in a {@link ProductCotangents} rule) to slot {@code j} by a GEMM of
     * β = 1 into an off-heap sum, if that is safe and worth it, and says whether it did; else the caller applies
     * the rule. It does so only when the slot already has a cotangent (a first contribution is kept as the rule
     * makes it, so a slot with one contribution costs nothing more), everything is a concrete matrix (no tracer:
     * an enclosing transform must see the sum as an op), the product has the slot's shape (no batch axes to sum
     * over), its inner dimension is at most {@link GemmSum#MAX_INNER} (so the bits equal those of the rule's
     * product added to the sum) and anomaly mode is off (it checks each op's numbers).
     */
    boolean addProduct(int j, ProductCotangents.Product p) {
        Tensor c = ct[j];
        Tensor a = p.a();
        Tensor b = p.b();
        if (c == null || c instanceof Tracer || c instanceof ShapeOnly || a instanceof Tracer || b instanceof Tracer || a instanceof ShapeOnly
                || b instanceof ShapeOnly || a.rank() != 2 || b.rank() != 2 || c.rank() != 2 || Eval.anomalyMode()) {
            return false;
        }
        int m = a.dims().dim(p.transA() ? 1 : 0);
        int k = a.dims().dim(p.transA() ? 0 : 1);
        int n = b.dims().dim(p.transB() ? 0 : 1);
        if (c.dims().dim(0) != m || c.dims().dim(1) != n || k > GemmSum.MAX_INNER || (long) m * n < SMALLEST_SUM) {
            return false;
        }
        if (sums == null) sums = new GemmSum[ct.length];
        if (sums[j] == null) sums[j] = new GemmSum(c.value().unsafeData(), m, n);
        NDArray av = a.value();
        NDArray bv = b.value();
        sums[j].addProduct(p.transA(), p.transB(), k, av.unsafeData(), 0, bv.unsafeData(), 0);
        return true;
    }

    /** Writes slot {@code j}'s off-heap sum, if it has one, into an array the sweep owns, and frees it. */
    private void flush(int j) {
        if (sums == null || sums[j] == null) return;
        Tensor c = ct[j];
        double[] into = owned[j] ? c.value().unsafeData() : new double[c.size()];
        sums[j].copyTo(into);
        sums[j].close();
        sums[j] = null;
        if (!owned[j]) {
            ct[j] = Tensor.from(NDArray.wrap(c.dims(), into));
            owned[j] = true;
        }
    }

    /** Frees every off-heap sum still held (the slots of values no input depends on, or after an error). */
    @Override
    public void close() {
        if (sums == null) return;
        for (GemmSum s : sums) if (s != null) s.close();
        sums = null;
    }

    /** Adds the number {@code g} to slot {@code j}'s (0-d) cotangent. */
    void add(int j, double g) {
        if (hasNum[j]) {
            num[j] += g;
        } else {
            num[j] = g;
            hasNum[j] = true;
        }
    }

    /**
     * Whether slot {@code j}'s cotangent can be read as a number: it has numbers only, or a concrete 0-d tensor,
     * not a tracer of an enclosing transform (a cotangent of an enclosing transform must stay an op).
     */
    boolean isNumber(int j) {
        Tensor t = ct[j];
        return t == null || !(t instanceof Tracer) && t.rank() == 0;
    }

    /** Takes slot {@code j}'s cotangent as a number (see {@link #isNumber}) and clears the slot. */
    double takeNumber(int j) {
        flush(j);
        Tensor t = ct[j];
        ct[j] = null;
        double g = hasNum[j] ? num[j] : 0.0;
        hasNum[j] = false;
        return t == null ? g : t.value().unsafeData()[0] + g;
    }

    /** Takes slot {@code j}'s cotangent as a tensor ({@code null} if it has none) and clears the slot. */
    Tensor take(int j) {
        if (j >= ct.length) return null; // a later result of the output's call: nothing flows into it
        flush(j);
        Tensor t = ct[j];
        ct[j] = null;
        if (hasNum == null || !hasNum[j]) return t;
        hasNum[j] = false;
        Tensor n = Tensor.scalar(num[j]);
        return t == null ? n : Ops.add(t, n);
    }

    /**
     * a += b. Written here rather than with {@code BinaryKernel.same(ADD, a, 0, b, 0, a, 0, n)}, whose offset form
     * HotSpot does not vectorise when the output is an operand: this loop is 2-5x faster on the 256×256 weight
     * gradient M1 accumulates 2000 times (cotangent-bench/RESULTS-tape.md).
     */
    private static void addInto(double[] a, double[] b) {
        for (int i = 0; i < a.length; i++) a[i] += b[i];
    }

    /**
     * ct + g. When both are concrete numbers (nothing records this sum) and anomaly mode is off, the sum goes into
     * an array this sweep owns and later contributions are added in place: a weight shared by K steps then costs
     * one buffer, not K new arrays. Otherwise the sum is an op, so an enclosing transform sees it.
     */
    private Tensor accumulate(Tensor c, Tensor g, int j) {
        if (c instanceof Tracer || g instanceof Tracer || !c.dims().equals(g.dims()) || Eval.anomalyMode()) {
            owned[j] = false;
            return Ops.add(c, g);
        }
        double[] b = g.value().unsafeData();
        double[] a = c.value().unsafeData();
        if (owned[j]) {
            addInto(a, b);
            return c;
        }
        double[] sum = a.clone();
        addInto(sum, b);
        owned[j] = true;
        return Tensor.from(NDArray.wrap(c.dims(), sum));
    }
}
