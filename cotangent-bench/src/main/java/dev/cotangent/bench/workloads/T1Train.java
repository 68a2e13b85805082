package dev.cotangent.bench.workloads;

import dev.cotangent.AD;
import dev.cotangent.Tensor;
import dev.cotangent.ValueAndGrads;
import dev.cotangent.kernel.Blas;
import dev.cotangent.nn.optim.Adam;
import dev.cotangent.nn.optim.InPlace;
import dev.cotangent.nn.optim.Optimizer;
import java.util.Locale;
import java.util.Map;

/**
 * Issue 5's overhead check: the T1 step followed by cotangent-nn's Adam update, as a training loop runs it,
 * against the bare T1 step (gradients only), paired in one process; then the same with the in-place Adam
 * ({@link InPlace#start}, issue 13), and with the parameters written in place too ({@link InPlace#overwriting}).
 */
final class T1Train {
    private T1Train() {}

    static void run(StringBuilder report) {
        Blas.setThreads(1);
        Tensor x = T1.x();
        int[] labels = T1.labels();
        Adam adam = Adam.adam(1e-3);
        Map<String, Tensor> p0 = T1.params();
        Object[] box = {p0, adam.init(p0)};
        Runnable bare = Timer.consume(() -> AD.valueAndGrad(q -> T1.loss(q, x, labels), p0).value().item());
        Runnable train = Timer.consume(() -> {
            @SuppressWarnings("unchecked")
            Map<String, Tensor> p = (Map<String, Tensor>) box[0];
            ValueAndGrads vg = AD.valueAndGrad(q -> T1.loss(q, x, labels), p);
            Optimizer.Update<Adam.State> u = adam.step(p, vg.grads(), (Adam.State) box[1]);
            box[0] = u.params();
            box[1] = u.state();
            return vg.value().item();
        });
        InPlace owned = InPlace.start(adam, p0);
        Runnable inPlace = Timer.consume(() -> {
            ValueAndGrads vg = AD.valueAndGrad(q -> T1.loss(q, x, labels), owned.params());
            owned.step(vg.grads());
            return vg.value().item();
        });
        InPlace overwritten = InPlace.overwriting(adam, p0);
        Runnable overwriting = Timer.consume(() -> {
            ValueAndGrads vg = AD.valueAndGrad(q -> T1.loss(q, x, labels), overwritten.params());
            overwritten.step(vg.grads());
            return vg.value().item();
        });
        Timer.warm(bare, 2);
        Timer.warm(train, 2);
        Timer.warm(inPlace, 2);
        Timer.warm(overwriting, 2);
        double[] r = Timer.paired(bare, train, 21);
        report.append(String.format(Locale.ROOT,
                "T1 in a training loop (Adam update, 1 thread): bare step %.2f ms, step + update %.2f ms, ratio %.3f%n",
                r[0] * 1e3, r[1] * 1e3, r[2]));
        double[] q = Timer.paired(bare, inPlace, 21);
        report.append(String.format(Locale.ROOT,
                "T1 in a training loop (in-place Adam, 1 thread): bare step %.2f ms, step + update %.2f ms, ratio %.3f%n",
                q[0] * 1e3, q[1] * 1e3, q[2]));
        double[] o = Timer.paired(bare, overwriting, 21);
        report.append(String.format(Locale.ROOT,
                "T1 in a training loop (Adam writing the parameters in place, 1 thread): bare step %.2f ms, step + update %.2f ms, ratio %.3f%n",
                o[0] * 1e3, o[1] * 1e3, o[2]));
    }
}
