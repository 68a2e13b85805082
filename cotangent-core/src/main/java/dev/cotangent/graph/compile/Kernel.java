package dev.cotangent.graph.compile;

import dev.cotangent.kernel.BinaryKernel;
import dev.cotangent.kernel.UnaryKernel;
import dev.cotangent.tensor.Shape;
import java.util.List;

/**
 * A fused loop: a chain of elementwise operations over arrays of one shape, and full sums of them, run block by
 * block ({@value #BLOCK} elements) so that every intermediate value lives in a small register block that stays in
 * the L1 cache instead of in an array of its own. Operands of other shapes, slices and zero-padded arrays are read
 * through an {@link Access} (index arithmetic, no copy of their own). A kernel of one element (a scalar program) runs
 * as straight-line code over a flat {@code double[]} register file. Immutable; {@link #run} keeps its scratch on the
 * caller's stack, so one kernel may run on several threads at once. Built by {@link KernelBuilder}.
 */
public final class Kernel implements Step {
    /** Elements per block: 512 doubles = 4 KiB per register, so a few dozen registers fit in L1. */
    static final int BLOCK = 512;
    static final byte UNARY = 0;
    static final byte BINARY = 1;
    private static final UnaryKernel.Fn[] UNARY_FNS = UnaryKernel.Fn.values();
    private static final BinaryKernel.Fn[] BINARY_FNS = BinaryKernel.Fn.values();
    // the scalar interpreter's opcodes (kind·64 + function ordinal) of the arithmetic it dispatches inline
    private static final int ADD = BINARY * 64 + BinaryKernel.Fn.ADD.ordinal();
    private static final int SUB = BINARY * 64 + BinaryKernel.Fn.SUB.ordinal();
    private static final int MUL = BINARY * 64 + BinaryKernel.Fn.MUL.ordinal();
    private static final int DIV = BINARY * 64 + BinaryKernel.Fn.DIV.ordinal();
    private static final int NEG = UNARY * 64 + UnaryKernel.Fn.NEG.ordinal();

    final Shape shape;
    final int size;
    final int registers;
    // inputs: the arrays' var ids and shapes, how each is read (broadcast, slice, pad folded in), registers
    final int[] inputIds;
    final Shape[] inputShapes;
    final Access[] access;
    final int[] inputReg;
    // ops in order: kind, kernel function ordinal, operand registers, destination register, the node it computes
    final byte[] kind;
    final int[] fn;
    final int[] a;
    final int[] b;
    final int[] dst;
    final int[] code;
    /** The scalar interpreter's instructions, four ints each (opcode, a, b, dst), in one array for locality. */
    private final int[] packed;
    final int[] nodeIds;
    final String[] opNames;
    // results written out: arrays (stores) and full sums
    final int[] storeReg;
    final int[] storeIds;
    final int[] sumReg;
    final int[] sumIds;

    Kernel(Shape shape, int registers, int[] inputIds, Shape[] inputShapes, Access[] access, int[] inputReg,
           byte[] kind, int[] fn, int[] a, int[] b, int[] dst, int[] nodeIds, String[] opNames,
           int[] storeReg, int[] storeIds, int[] sumReg, int[] sumIds) {
        this.shape = shape;
        this.size = shape.size();
        this.registers = registers;
        this.inputIds = inputIds;
        this.inputShapes = inputShapes;
        this.access = access;
        this.inputReg = inputReg;
        this.kind = kind;
        this.fn = fn;
        this.a = a;
        this.b = b;
        this.dst = dst;
        this.code = new int[kind.length];
        for (int j = 0; j < kind.length; j++) code[j] = kind[j] * 64 + fn[j];
        this.packed = new int[4 * kind.length];
        for (int j = 0; j < kind.length; j++) {
            packed[4 * j] = code[j];
            packed[4 * j + 1] = a[j];
            packed[4 * j + 2] = b[j];
            packed[4 * j + 3] = dst[j];
        }
        this.nodeIds = nodeIds;
        this.opNames = opNames;
        this.storeReg = storeReg;
        this.storeIds = storeIds;
        this.sumReg = sumReg;
        this.sumIds = sumIds;
    }

    @Override
    public List<Integer> reads() {
        return ids(inputIds);
    }

    @Override
    public List<Integer> writes() {
        List<Integer> w = new java.util.ArrayList<>(ids(storeIds));
        w.addAll(ids(sumIds));
        return w;
    }

    /** The number of fused operations. */
    public int ops() {
        return kind.length;
    }

    /**
     * Runs the loop: {@code in[i]} holds input i's elements (row-major, of {@code inputShapes[i]}), {@code out[k]}
     * receives store k ({@link #size} elements) and {@code sums[k]} the k-th full sum, added left to right as the
     * eager sum adds them (so a fused sum gives the same bits). Modifies {@code out} and {@code sums} only; an
     * {@code out} array may be an {@code in} array (in place): a block is read before it is written.
     */
    void run(double[][] in, double[][] out, double[] sums) {
        if (size == 1) {
            runScalar(in, out, sums);
            return;
        }
        double[][] r = new double[registers][Math.min(BLOCK, size)];
        int[] dims = shape.dims();
        for (int s = 0; s < size; s += BLOCK) {
            int len = Math.min(BLOCK, size - s);
            for (int i = 0; i < inputIds.length; i++) access[i].load(in[i], dims, s, len, r[inputReg[i]]);
            for (int j = 0; j < kind.length; j++) block(j, r[a[j]], r[b[j]], r[dst[j]], len);
            for (int k = 0; k < storeReg.length; k++) System.arraycopy(r[storeReg[k]], 0, out[k], s, len);
            for (int k = 0; k < sumReg.length; k++) {
                double acc = sums[k];
                double[] x = r[sumReg[k]];
                for (int i = 0; i < len; i++) acc += x[i];
                sums[k] = acc;
            }
        }
    }

    /**
     * Operation j on one block: the four arithmetic operations and negation as short loops of their own (small
     * enough for HotSpot to inline and vectorise here), the rest through the shared array kernels.
     */
    private void block(int j, double[] x, double[] y, double[] d, int len) {
        int c = code[j];
        if (c == ADD) {
            for (int i = 0; i < len; i++) d[i] = x[i] + y[i];
        } else if (c == MUL) {
            for (int i = 0; i < len; i++) d[i] = x[i] * y[i];
        } else if (c == SUB) {
            for (int i = 0; i < len; i++) d[i] = x[i] - y[i];
        } else if (c == DIV) {
            for (int i = 0; i < len; i++) d[i] = x[i] / y[i];
        } else if (c == NEG) {
            for (int i = 0; i < len; i++) d[i] = -x[i];
        } else if (kind[j] == UNARY) {
            UnaryKernel.apply(UNARY_FNS[fn[j]], x, d, len);
        } else {
            BinaryKernel.same(BINARY_FNS[fn[j]], x, 0, y, 0, d, 0, len);
        }
    }

    /** One element: straight-line code over a flat register file (the common arithmetic dispatched inline). */
    private void runScalar(double[][] in, double[][] out, double[] sums) {
        double[] r = new double[registers];
        double[] t = new double[1];
        int[] dims = shape.dims();
        for (int i = 0; i < inputIds.length; i++) {
            if (access[i].strides() == null) {
                r[inputReg[i]] = in[i][0];
            } else {
                access[i].load(in[i], dims, 0, 1, t);
                r[inputReg[i]] = t[0];
            }
        }
        execute(r, t);
        for (int k = 0; k < storeReg.length; k++) out[k][0] = r[storeReg[k]];
        for (int k = 0; k < sumReg.length; k++) sums[k] += r[sumReg[k]];
    }

    /**
     * The straight-line instructions of a one-element loop over the register file {@code r}, whose input registers
     * the caller has filled; {@code t} is a one-element scratch array.
     */
    void execute(double[] r, double[] t) {
        int[] ins = packed;
        for (int q = 0; q < ins.length; q += 4) {
            int c = ins[q];
            double x = r[ins[q + 1]];
            double y = r[ins[q + 2]];
            int d = ins[q + 3];
            if (c == ADD) {
                r[d] = x + y;
            } else if (c == MUL) {
                r[d] = x * y;
            } else if (c == SUB) {
                r[d] = x - y;
            } else if (c == DIV) {
                r[d] = x / y;
            } else if (c == NEG) {
                r[d] = -x;
            } else if (c < 64) {
                t[0] = x;
                UnaryKernel.apply(UNARY_FNS[c], t, t, 1);
                r[d] = t[0];
            } else {
                r[d] = BINARY_FNS[c - 64].apply(x, y);
            }
        }
    }

    private static List<Integer> ids(int[] v) {
        List<Integer> r = new java.util.ArrayList<>(v.length);
        for (int x : v) r.add(x);
        return r;
    }
}
