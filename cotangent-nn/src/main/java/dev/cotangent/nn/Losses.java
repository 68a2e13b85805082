package dev.cotangent.nn;

import dev.cotangent.Ops;
import dev.cotangent.Tensor;
import dev.cotangent.tensor.NDArray;
import java.util.Map;
import java.util.function.Predicate;

/** Loss functions (each a 0-d tensor, differentiable) and the accuracy of a classifier. */
public final class Losses {
    private Losses() {}

    /** mean((p − t)²). */
    public static Tensor mse(Tensor prediction, Tensor target) {
        return Ops.mse(prediction, target);
    }

    /**
     * Softmax cross-entropy of logits [batch, classes] against integer labels, averaged over the batch,
     * computed stably through logsumexp: (1/B) Σ_b [logsumexp(z_b) − z_b[y_b]].
     */
    public static Tensor softmaxCrossEntropy(Tensor logits, int[] labels) {
        return Ops.crossEntropy(logits, labels);
    }

    /**
     * The logistic loss of scores s against labels y ∈ {0, 1}, averaged: mean(log(1 + e^{s}) − y·s), i.e.
     * mean(log(1 + e^{−ỹ s})) with ỹ = 2y − 1; stable for large |s| through softplus.
     */
    public static Tensor logistic(Tensor scores, Tensor labels01) {
        return Ops.mean(Ops.sub(Ops.softplus(scores), Ops.mul(labels01, scores)));
    }

    /** (λ/2) Σ ‖θ‖² over the parameters of rank ≥ 2 (weights; biases are not penalised). */
    public static Tensor l2(Map<String, Tensor> params, double lambda) {
        return l2(params, lambda, name -> Params.get(params, name).rank() >= 2);
    }

    /** (λ/2) Σ ‖θ‖² over the parameters whose names {@code which} accepts. */
    public static Tensor l2(Map<String, Tensor> params, double lambda, Predicate<String> which) {
        Tensor s = Tensor.scalar(0.0);
        for (Map.Entry<String, Tensor> e : params.entrySet()) {
            if (which.test(e.getKey())) s = s.add(e.getValue().square().sum());
        }
        return s.mul(0.5 * lambda);
    }

    /** The fraction of rows of {@code logits} [batch, classes] whose largest entry is at the label. */
    public static double accuracy(Tensor logits, int[] labels) {
        NDArray pred = logits.value().argmax(1);
        double[] p = pred.unsafeData();
        int right = 0;
        for (int i = 0; i < labels.length; i++) if ((int) p[i] == labels[i]) right++;
        return labels.length == 0 ? 0.0 : (double) right / labels.length;
    }
}
