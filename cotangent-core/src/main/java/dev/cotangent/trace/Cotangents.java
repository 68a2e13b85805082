package dev.cotangent.trace;

import dev.cotangent.Ops;
import dev.cotangent.Tensor;
import dev.cotangent.tensor.NDArray;

/**
 * The cotangent of every slot during one backward sweep of a {@link ReverseTrace}. A slot's cotangent is a tensor
 * (what the general tape's VJP rules produce), a number (what the {@link ScalarTape} produces for 0-d values), or
 * both, added when the slot is read. Concrete tensor contributions are summed in place in an array the sweep owns.
 */
final class Cotangents {
    private final Tensor[] ct;
    private final boolean[] owned;
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
        ct[j] = ct[j] == null ? g : accumulate(ct[j], g, j);
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
        Tensor t = ct[j];
        ct[j] = null;
        double g = hasNum[j] ? num[j] : 0.0;
        hasNum[j] = false;
        return t == null ? g : t.value().unsafeData()[0] + g;
    }

    /** Takes slot {@code j}'s cotangent as a tensor ({@code null} if it has none) and clears the slot. */
    Tensor take(int j) {
        if (j >= ct.length) return null; // a later result of the output's call: nothing flows into it
        Tensor t = ct[j];
        ct[j] = null;
        if (hasNum == null || !hasNum[j]) return t;
        hasNum[j] = false;
        Tensor n = Tensor.scalar(num[j]);
        return t == null ? n : Ops.add(t, n);
    }

    /**
     * ct + g. When both are concrete numbers (nothing records this sum) and anomaly mode is off, the sum goes into
     * an array this sweep owns and later contributions are added in place: a weight shared by K steps then costs
     * one buffer, not K new arrays. Otherwise the sum is an op, so an enclosing transform sees it.
     */
    /**
     * a += b. Written here rather than with {@code BinaryKernel.same(ADD, a, 0, b, 0, a, 0, n)}, whose offset form
     * HotSpot does not vectorise when the output is an operand: this loop is 2-5x faster on the 256×256 weight
     * gradient M1 accumulates 2000 times (cotangent-bench/RESULTS-tape.md).
     */
    private static void addInto(double[] a, double[] b) {
        for (int i = 0; i < a.length; i++) a[i] += b[i];
    }

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
