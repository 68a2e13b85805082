package dev.cotangent.estimate;

import dev.cotangent.Tensor;
import java.util.Map;
import java.util.function.Function;

/** A loss that counts how many times it has been evaluated (the cost measure of zero-order methods). */
public final class CountingLoss implements Function<Map<String, Tensor>, Tensor> {
    private final Function<Map<String, Tensor>, Tensor> loss;
    private long count;

    public CountingLoss(Function<Map<String, Tensor>, Tensor> loss) {
        this.loss = loss;
    }

    @Override
    public Tensor apply(Map<String, Tensor> params) {
        count++;
        return loss.apply(params);
    }

    /** Evaluations so far. */
    public long count() {
        return count;
    }
}
