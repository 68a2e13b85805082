package dev.cotangent.sparse;

import dev.cotangent.Ops;
import dev.cotangent.Tensor;
import dev.cotangent.graph.Graph;
import dev.cotangent.tensor.Shape;
import dev.cotangent.trace.ValueDependenceException;
import dev.cotangent.transform.Jacobians;
import dev.cotangent.transform.Stage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A composition f = f_{N−1} ∘ … ∘ f₁ of tensor-valued stages that knows it is a chain. As a function it is the
 * composition; its Jacobian ({@code AD.jacobian} recognises a chain) is the product of the stages' Jacobians
 * A_k, each formed at its own point x_k by the cheaper mode for that stage alone, multiplied in the cheapest
 * order that {@link ChainPlan} finds from the sizes (the matrix-chain problem; forward and reverse mode are two of
 * its orders). What counts as a chain is exactly this: the user composes the stages with {@code AD.chain}; a
 * graph is not searched for chain structure. The sizes are learnt by staging the stages on shapes, once per input
 * shape; a stage that reads values is sized by evaluating it instead.
 */
public final class Chain implements Function<Tensor, Tensor>, Jacobians.Planned {
    private final List<Function<Tensor, Tensor>> stages;
    private final List<Function<Tensor, Tensor>> jacobians = new ArrayList<>();
    private final Map<Shape, ChainPlan> plans = new ConcurrentHashMap<>();

    /** The chain of these stages, applied first to last. */
    public Chain(List<Function<Tensor, Tensor>> stages) {
        if (stages.isEmpty()) throw new IllegalArgumentException("chain: no stages; give at least one function");
        this.stages = List.copyOf(stages);
        for (Function<Tensor, Tensor> f : this.stages) jacobians.add(Jacobians.jacobian(f));
    }

    /** f_{N−1}(⋯ f₁(x)). */
    @Override
    public Tensor apply(Tensor x) {
        Tensor y = x;
        for (Function<Tensor, Tensor> f : stages) y = f.apply(y);
        return y;
    }

    /** The stages, first to last. */
    public List<Function<Tensor, Tensor>> stages() {
        return stages;
    }

    /** The plan for inputs of this shape (sizes by staging; kept per shape). */
    public ChainPlan plan(Shape in) {
        ChainPlan p = plans.get(in);
        if (p != null) return p;
        int[] sizes = new int[stages.size() + 1];
        sizes[0] = in.size();
        Shape s = in;
        try {
            for (int k = 0; k < stages.size(); k++) {
                Function<Tensor, Tensor> f = stages.get(k);
                Graph g = Stage.stage(a -> new Tensor[] {f.apply(a[0])}, s);
                s = g.byId()[g.outputs().get(0)].shape();
                sizes[k + 1] = s.size();
            }
        } catch (ValueDependenceException readsValues) {
            return null;
        }
        p = ChainPlan.of(sizes);
        plans.put(in, p);
        return p;
    }

    /** The Jacobian at x, shape out.shape ++ in.shape: the stages' Jacobians multiplied in the planned order. */
    @Override
    public Tensor jacobian(Tensor x) {
        List<Tensor> a = new ArrayList<>();
        int[] sizes = new int[stages.size() + 1];
        sizes[0] = x.size();
        Tensor xk = x;
        for (int k = 0; k < stages.size(); k++) {
            Tensor next = stages.get(k).apply(xk);
            sizes[k + 1] = next.size();
            a.add(Ops.reshape(jacobians.get(k).apply(xk), next.size(), xk.size()));
            xk = next;
        }
        ChainPlan plan = plan(x.dims());
        Tensor j = (plan != null ? plan : ChainPlan.of(sizes)).multiply(a);
        int[] shape = new int[xk.rank() + x.rank()];
        System.arraycopy(xk.shape(), 0, shape, 0, xk.rank());
        System.arraycopy(x.shape(), 0, shape, xk.rank(), x.rank());
        return Ops.reshape(j, shape);
    }
}
