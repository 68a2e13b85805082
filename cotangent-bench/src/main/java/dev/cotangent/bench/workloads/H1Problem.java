package dev.cotangent.bench.workloads;

import dev.cotangent.Ops;
import dev.cotangent.Tensor;
import java.util.function.Function;

/**
 * The data of workload H1 (WORKLOADS.md): the logistic loss f(w) = mean(softplus(−y ⊙ A w)) with A of n×n, labels
 * y = ±1, and the point w and direction v of its Hessian-vector products, all from fixed seeds.
 *
 * @param a the data matrix A
 * @param y the labels, ±1
 * @param w the point
 * @param v the direction of the Hessian-vector product
 * @param f the loss
 */
public record H1Problem(Tensor a, double[] y, Tensor w, Tensor v, Function<Tensor, Tensor> f) {
    /** The problem of size {@code n} (the workload uses 1000). */
    public static H1Problem of(int n) {
        Tensor a = Tensor.from(Data.uniform(301, Math.sqrt(3.0 / n), n, n));
        double[] u = Data.u(302, n);
        double[] y = new double[n];
        for (int i = 0; i < n; i++) y[i] = u[i] < 0.5 ? 1 : -1;
        Tensor negY = Tensor.of(y).neg();
        Tensor w = Tensor.from(Data.uniform(303, 1, n));
        Tensor v = Tensor.from(Data.uniform(304, 1, n));
        Function<Tensor, Tensor> f = ww -> Ops.mean(Ops.softplus(Ops.mul(negY, Ops.matmul(a, ww))));
        return new H1Problem(a, y, w, v, f);
    }

    /** The number of positive labels. */
    public int positives() {
        int pos = 0;
        for (double yi : y) if (yi > 0) pos++;
        return pos;
    }
}
