package dev.cotangent.primitive;

import dev.cotangent.Ops;
import dev.cotangent.Tensor;
import dev.cotangent.tensor.NDArray;
import dev.cotangent.tensor.Shape;
import java.util.Map;

/** Repeats an array along broadcast axes to a target shape; linear, its transpose sums over those axes. */
public final class BroadcastTo extends Named implements Linear {
    private final Shape target;

    public BroadcastTo(Shape target) {
        this.target = target;
    }

    @Override
    public String name() {
        return "broadcast_to";
    }

    @Override
    public Shape shape(Shape... in) {
        Rules.arity(name(), 1, in);
        if (!in[0].broadcastsTo(target)) {
            throw new IllegalArgumentException("broadcastTo: shape " + in[0] + " cannot be broadcast to " + target
                    + " (sizes must be equal or 1, aligned from the right)");
        }
        return target;
    }

    @Override
    public NDArray apply(NDArray... in) {
        return in[0].broadcastTo(target);
    }

    @Override
    public Tensor[] vjp(Tensor ct, Tensor[] x, Tensor y, boolean[] needed) {
        return new Tensor[] {Rules.unbroadcast(ct, x[0].dims())};
    }

    @Override
    public Map<String, Object> params() {
        return Map.of("shape", target.dims());
    }

    @Override
    public Tensor batch(Tensor[] args, boolean[] batched, int size) {
        Tensor x = Batching.toRank(args[0], target.rank());
        return Ops.broadcastTo(x, Shape.of(Batching.prepend(size, target.dims())));
    }
}
