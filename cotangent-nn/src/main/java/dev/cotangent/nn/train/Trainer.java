package dev.cotangent.nn.train;

import dev.cotangent.AD;
import dev.cotangent.Aux;
import dev.cotangent.Tensor;
import dev.cotangent.ValueAndGradAux;
import dev.cotangent.nn.Losses;
import dev.cotangent.nn.Module;
import dev.cotangent.nn.data.Dataset;
import dev.cotangent.nn.optim.Optimizer;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Mini-batch training of a classifier: seeded shuffle each epoch, softmax cross-entropy plus optional L2 on the
 * weights, gradients by {@link AD#valueAndGrad(java.util.function.Function, Map)}, any {@link Optimizer}, and
 * early stopping on the validation loss (the best parameters are returned). What it reports goes to a
 * {@link TrainingListener}; given a {@link PrintStream} instead, it prints one plain line per epoch and never a
 * progress bar (the library has no console dependency: cotangent-examples plugs a bar in as a listener).
 */
public final class Trainer {
    /**
     * @param epochs    at most this many passes over the training set
     * @param batchSize examples per step
     * @param seed      seeds the shuffles
     * @param patience  stop after this many epochs without a better validation loss (0: never stop early)
     * @param l2        λ of the (λ/2)‖W‖² penalty on weights (0: none)
     */
    public record Config(int epochs, int batchSize, long seed, int patience, double l2) {
        public Config {
            if (epochs < 1 || batchSize < 1) {
                throw new IllegalArgumentException("Trainer.Config: epochs " + epochs + " and batch size " + batchSize
                        + " must be >= 1");
            }
        }
    }

    /** The trained (best) parameters and what was measured. */
    public record Result(Map<String, Tensor> params, History history) {}

    private Trainer() {}

    /**
     * Trains {@code model} from {@code params}, printing one line per epoch ({@link Epoch#line()}) to {@code log};
     * {@code validation} may be null (then no early stopping).
     */
    public static <S> Result fit(Module model, Map<String, Tensor> params, Optimizer<S> optimizer, Dataset train,
                                 Dataset validation, Config cfg, PrintStream log) {
        return fit(model, params, optimizer, train, validation, cfg, TrainingListener.lines(log));
    }

    /**
     * Trains {@code model} from {@code params}, telling {@code listener} as it goes; {@code validation} may be null
     * (then no early stopping).
     */
    public static <S> Result fit(Module model, Map<String, Tensor> params, Optimizer<S> optimizer, Dataset train,
                                 Dataset validation, Config cfg, TrainingListener listener) {
        SplittableRandom rng = new SplittableRandom(cfg.seed());
        S state = optimizer.init(params);
        List<Double> trLoss = new ArrayList<>();
        List<Double> trAcc = new ArrayList<>();
        List<Double> vaLoss = new ArrayList<>();
        List<Double> vaAcc = new ArrayList<>();
        List<Double> speed = new ArrayList<>();
        Map<String, Tensor> best = params;
        double bestLoss = Double.POSITIVE_INFINITY;
        int bestEpoch = 0;
        boolean early = false;
        long trainNanos = 0;
        long seen = 0;
        int n = train.size();
        listener.start((long) cfg.epochs() * n);
        try {
            for (int epoch = 1; epoch <= cfg.epochs(); epoch++) {
                int[] perm = Dataset.permutation(n, rng);
                double lossSum = 0;
                int right = 0;
                long t0 = System.nanoTime();
                for (int start = 0; start < n; start += cfg.batchSize()) {
                    Dataset batch = train.subset(Arrays.copyOfRange(perm, start, Math.min(n, start + cfg.batchSize())));
                    Tensor x = batch.features();
                    int[] y = batch.labels();
                    // the logits ride along as an auxiliary result: the batch's accuracy without a second forward pass
                    ValueAndGradAux<Map<String, Tensor>, Tensor> vg = AD.valueAndGradWithAux(p -> {
                        Tensor z = model.apply(p, x);
                        Tensor loss = Losses.softmaxCrossEntropy(z, y);
                        return Aux.of(cfg.l2() > 0 ? loss.add(Losses.l2(p, cfg.l2())) : loss, z);
                    }, params);
                    Optimizer.Update<S> u = optimizer.step(params, vg.grad(), state);
                    params = u.params();
                    state = u.state();
                    double loss = vg.value().item();
                    lossSum += loss * y.length;
                    right += Math.round(Losses.accuracy(vg.aux(), y) * y.length);
                    seen += y.length;
                    listener.step(epoch, y.length, loss);
                }
                long dt = System.nanoTime() - t0;
                trainNanos += dt;
                speed.add(n / (dt / 1e9));
                trLoss.add(lossSum / n);
                trAcc.add((double) right / n);
                if (validation != null) {
                    Tensor z = model.apply(params, validation.features());
                    double vl = Losses.softmaxCrossEntropy(z, validation.labels()).item();
                    double va = Losses.accuracy(z, validation.labels());
                    vaLoss.add(vl);
                    vaAcc.add(va);
                    if (vl < bestLoss) {
                        bestLoss = vl;
                        best = params;
                        bestEpoch = epoch;
                    }
                } else {
                    vaLoss.add(Double.NaN);
                    vaAcc.add(Double.NaN);
                    best = params;
                    bestEpoch = epoch;
                }
                int last = trLoss.size() - 1;
                listener.epoch(new Epoch(epoch, cfg.epochs(), trLoss.get(last), trAcc.get(last), vaLoss.get(last),
                        vaAcc.get(last), speed.get(last)), history(trLoss, trAcc, vaLoss, vaAcc, speed,
                        bestEpoch, false, trainNanos, seen));
                if (validation != null && cfg.patience() > 0 && epoch - bestEpoch >= cfg.patience()) {
                    early = epoch < cfg.epochs();
                    break;
                }
            }
        } finally {
            listener.end();
        }
        return new Result(best, history(trLoss, trAcc, vaLoss, vaAcc, speed, bestEpoch, early, trainNanos, seen));
    }

    private static History history(List<Double> trLoss, List<Double> trAcc, List<Double> vaLoss, List<Double> vaAcc,
                                   List<Double> speed, int bestEpoch, boolean early, long trainNanos, long seen) {
        return new History(List.copyOf(trLoss), List.copyOf(trAcc), List.copyOf(vaLoss), List.copyOf(vaAcc),
                List.copyOf(speed), bestEpoch, early, trainNanos / 1e9, seen);
    }
}
