package dev.cotangent.spark;

import dev.cotangent.AD;
import dev.cotangent.Tensor;
import dev.cotangent.ValueAndGrads;
import java.util.Arrays;
import java.util.Map;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.broadcast.Broadcast;

/**
 * What an executor does for one step of synchronous data-parallel training, as the {@code seqOp} of
 * {@code treeAggregate}: pick the rows of its block that belong to the step's global batch (positions
 * {@code [from, to)} of the epoch's permutation), in permutation order; take the value and gradient of the user's
 * mean loss on them with {@link AD#valueAndGrad(java.util.function.Function, Map)} at the broadcast parameters;
 * and add the gradient times the row count (the gradient of the summed loss) to the running {@link Partial}.
 */
final class StepGradient implements Function2<Partial, Block, Partial> {
    private static final long serialVersionUID = 1L;
    private final Broadcast<double[]> params;
    private final Broadcast<int[]> positions;
    private final ParamSpec spec;
    private final BatchLoss loss;
    private final int from;
    private final int to;

    /**
     * @param params    the flat parameters of this step
     * @param positions the epoch's permutation inverted: {@code positions[i]} is example i's place in the epoch
     * @param from      the step's first place (inclusive)
     * @param to        the step's last place (exclusive)
     */
    StepGradient(Broadcast<double[]> params, Broadcast<int[]> positions, ParamSpec spec, BatchLoss loss, int from,
                 int to) {
        this.params = params;
        this.positions = positions;
        this.spec = spec;
        this.loss = loss;
        this.from = from;
        this.to = to;
    }

    @Override
    public Partial call(Partial acc, Block block) {
        long t0 = System.nanoTime();
        int[] pos = positions.value();
        long[] picked = new long[block.rows];
        int k = 0;
        for (int r = 0; r < block.rows; r++) {
            int p = pos[(int) (block.offset + r)];
            if (p >= from && p < to) picked[k++] = ((long) p << 32) | r; // sort by place, keep the row
        }
        if (k == 0) return acc;
        Arrays.sort(picked, 0, k);
        int d = block.features;
        double[] x = new double[k * d];
        double[] y = new double[k];
        long indices = 0;
        for (int i = 0; i < k; i++) {
            int r = (int) picked[i];
            System.arraycopy(block.x, r * d, x, i * d, d);
            y[i] = block.y[r];
            indices += block.offset + r;
        }
        Batch batch = new Batch(Tensor.of(new int[] {k, d}, x), y);
        Map<String, Tensor> tree = spec.tree(params.value());
        ValueAndGrads vg = AD.valueAndGrad(p -> loss.loss(p, batch), tree);
        double[] g = spec.flat(vg.grads());
        for (int i = 0; i < g.length; i++) g[i] *= k;
        return acc.add(g, vg.value().item() * k, k, indices, System.nanoTime() - t0);
    }
}
