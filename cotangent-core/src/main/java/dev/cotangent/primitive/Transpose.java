package dev.cotangent.primitive;

import dev.cotangent.Ops;
import dev.cotangent.Tensor;
import dev.cotangent.tensor.NDArray;
import dev.cotangent.tensor.Shape;
import java.util.Map;

/** Permutes axes: axis i of the result is axis perm[i] of the operand. Linear; its transpose is the inverse permutation. */
public final class Transpose extends Named implements Linear {
    private final int[] perm;

    public Transpose(int[] perm) {
        this.perm = perm.clone();
    }

    @Override
    public String name() {
        return "transpose";
    }

    @Override
    public Shape shape(Shape... in) {
        Rules.arity(name(), 1, in);
        if (perm.length != in[0].rank()) {
            throw new IllegalArgumentException("transpose: permutation " + java.util.Arrays.toString(perm)
                    + " for shape " + in[0] + "; give a permutation of all " + in[0].rank() + " axes");
        }
        int[] d = new int[perm.length];
        boolean[] seen = new boolean[perm.length];
        for (int i = 0; i < perm.length; i++) {
            int a = in[0].axis(perm[i], "transpose");
            if (seen[a]) {
                throw new IllegalArgumentException("transpose: permutation " + java.util.Arrays.toString(perm)
                        + " repeats axis " + a + "; give each axis of " + in[0] + " once");
            }
            seen[a] = true;
            d[i] = in[0].dim(a);
        }
        return Shape.of(d);
    }

    @Override
    public NDArray apply(NDArray... in) {
        return in[0].permute(perm);
    }

    @Override
    public Tensor[] vjp(Tensor ct, Tensor[] x, Tensor y, boolean[] needed) {
        int r = perm.length;
        int[] inv = new int[r];
        for (int i = 0; i < r; i++) inv[perm[i] < 0 ? perm[i] + r : perm[i]] = i;
        return new Tensor[] {Ops.permute(ct, inv)};
    }

    @Override
    public Map<String, Object> params() {
        return Map.of("perm", perm.clone());
    }

    @Override
    public Tensor batch(Tensor[] args, boolean[] batched, int size) {
        int[] p = new int[perm.length + 1];
        for (int i = 0; i < perm.length; i++) p[i + 1] = Batching.axis(perm[i], perm.length);
        return Ops.permute(args[0], p);
    }
}
