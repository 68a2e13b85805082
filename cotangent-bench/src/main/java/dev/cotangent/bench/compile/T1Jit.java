package dev.cotangent.bench.compile;

import dev.cotangent.AD;
import dev.cotangent.Tensor;
import dev.cotangent.ValueAndGradList;
import dev.cotangent.bench.workloads.Data;
import dev.cotangent.bench.workloads.T1;
import dev.cotangent.bench.workloads.Timer;
import dev.cotangent.kernel.Blas;
import dev.cotangent.tensor.NDArray;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/** T1 jitted: the MLP training step (loss and gradients) compiled, paired with the eager step and dgemm-1024. */
final class T1Jit {
    private T1Jit() {}

    static void run(StringBuilder report) {
        Blas.setThreads(1);
        Tensor x = T1.x();
        int[] labels = T1.labels();
        Map<String, Tensor> p = T1.params();
        String[] names = p.keySet().toArray(new String[0]);
        Tensor[] params = p.values().toArray(new Tensor[0]);
        Function<Tensor[], Tensor> loss = ps -> {
            Map<String, Tensor> m = new LinkedHashMap<>();
            for (int i = 0; i < names.length; i++) m.put(names[i], ps[i]);
            return T1.loss(m, x, labels);
        };
        Function<Tensor[], Tensor[]> body = ps -> {
            ValueAndGradList r = AD.valueAndGrad(loss, ps);
            Tensor[] o = new Tensor[ps.length + 1];
            o[0] = r.value();
            for (int i = 0; i < ps.length; i++) o[i + 1] = r.grads().get(i);
            return o;
        };
        Function<Tensor[], Tensor[]> step = AD.jit(body);
        Tensor[] out = step.apply(params);
        ValueAndGradList eager = AD.valueAndGrad(loss, params);
        double maxRel = Math.abs(out[0].item() - eager.value().item()) / Math.abs(eager.value().item());
        for (int i = 0; i < params.length; i++) {
            double[] a = out[i + 1].toArray();
            double[] b = eager.grads().get(i).toArray();
            for (int k = 0; k < a.length; k++) maxRel = Math.max(maxRel, Math.abs(a[k] - b[k]) / Math.max(1e-300, Math.abs(b[k])));
        }
        if (maxRel > 1e-12) throw new AssertionError("T1 jitted differs from eager by " + maxRel + " (relative)");
        Runnable eagerStep = Timer.consume(() -> AD.valueAndGrad(loss, params).value().item());
        Runnable jitStep = Timer.consume(() -> step.apply(params)[0].item());
        NDArray a = Data.uniform(7, 1, 1024, 1024);
        NDArray b = Data.uniform(8, 1, 1024, 1024);
        Runnable gemm = Timer.consume(() -> a.matmul(b).unsafeData()[0]);
        Timer.warm(eagerStep, 2);
        Timer.warm(jitStep, 2);
        Timer.warm(gemm, 1);
        double[] pj = Timer.paired(eagerStep, jitStep, 21);
        double compileMs = JitBench.compileMs(body, params);
        double tg = Timer.median(gemm, 5);
        double dgemm = 2.0 * 1024 * 1024 * 1024 / tg / 1e9;
        double gflops = T1.STEP_FLOP / pj[1] / 1e9;
        report.append(String.format(Locale.ROOT,
                "T1 f64 1 thread: eager step %.2f ms; jitted step %.2f ms (%.2fx eager; %.1f GFLOP/s = %.0f%% of dgemm-1024 %.1f GFLOP/s); max relative difference to eager %.1e; staging + compile %.0f ms%n",
                pj[0] * 1e3, pj[1] * 1e3, pj[2], gflops, 100 * gflops / dgemm, dgemm, maxRel, compileMs));
    }
}
