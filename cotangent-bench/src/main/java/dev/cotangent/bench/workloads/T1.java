package dev.cotangent.bench.workloads;

import dev.cotangent.AD;
import dev.cotangent.Ops;
import dev.cotangent.Tensor;
import dev.cotangent.kernel.Blas;
import dev.cotangent.tensor.NDArray;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** T1 of WORKLOADS.md: one training step of the MLP 784-512-512-10, batch 128, softmax cross-entropy. */
public final class T1 {
    public static final double STEP_FLOP = 410_779_648;
    static final double FWD_FLOP = 171_180_032;

    private T1() {}

    public static Tensor x() {
        return Tensor.from(Data.uniform(101, 1, 128, 784));
    }

    public static int[] labels() {
        double[] u = Data.u(102, 128);
        int[] l = new int[128];
        for (int b = 0; b < 128; b++) l[b] = (int) Math.floor(10 * u[b]);
        return l;
    }

    public static Map<String, Tensor> params() {
        Map<String, Tensor> p = new LinkedHashMap<>();
        p.put("W1", Tensor.from(Data.uniform(111, 1 / Math.sqrt(784), 784, 512)));
        p.put("b1", Tensor.from(Data.uniform(112, 1 / Math.sqrt(784), 512)));
        p.put("W2", Tensor.from(Data.uniform(121, 1 / Math.sqrt(512), 512, 512)));
        p.put("b2", Tensor.from(Data.uniform(122, 1 / Math.sqrt(512), 512)));
        p.put("W3", Tensor.from(Data.uniform(131, 1 / Math.sqrt(512), 512, 10)));
        p.put("b3", Tensor.from(Data.uniform(132, 1 / Math.sqrt(512), 10)));
        return p;
    }

    public static Tensor loss(Map<String, Tensor> p, Tensor x, int[] labels) {
        Tensor h1 = Ops.relu(Ops.add(Ops.matmul(x, p.get("W1")), p.get("b1")));
        Tensor h2 = Ops.relu(Ops.add(Ops.matmul(h1, p.get("W2")), p.get("b2")));
        Tensor z = Ops.add(Ops.matmul(h2, p.get("W3")), p.get("b3"));
        return Ops.crossEntropy(z, labels);
    }

    static void run(int threads, StringBuilder report) {
        Blas.setThreads(threads);
        Tensor x = x();
        int[] labels = labels();
        Map<String, Tensor> p = params();
        double l = loss(p, x, labels).item();
        Map<String, Tensor> g = AD.valueAndGrad(q -> loss(q, x, labels), p).grads();
        double[] want = {0.22215369565, 0.0143139816994, 0.184318161701, 0.0351904775532, 0.196443334194, 0.0944495965029};
        int i = 0;
        StringBuilder norms = new StringBuilder();
        for (Tensor gi : g.values()) {
            double nrm = Ops.norm(gi).item();
            norms.append(String.format(Locale.ROOT, " %.12g", nrm));
            if (Math.abs(nrm - want[i]) > 1e-9 * want[i]) throw new AssertionError("T1 gradient norm " + i + ": " + nrm);
            i++;
        }
        if (Math.abs(l - 2.312223905866031) > 1e-12) throw new AssertionError("T1 loss " + l);
        Runnable fwd = Timer.consume(() -> loss(p, x, labels).item());
        Runnable step = Timer.consume(() -> AD.valueAndGrad(q -> loss(q, x, labels), p).value().item());
        NDArray a = Data.uniform(7, 1, 1024, 1024);
        NDArray b = Data.uniform(8, 1, 1024, 1024);
        Runnable gemm = Timer.consume(() -> a.matmul(b).unsafeData()[0]);
        for (int k = 0; k < 50; k++) step.run();
        Timer.warm(step, 2);
        Timer.warm(gemm, 1);
        double[] fs = Timer.paired(fwd, step, 21);
        double tg = Timer.median(gemm, 5);
        double dgemm = 2.0 * 1024 * 1024 * 1024 / tg / 1e9;
        double gflops = STEP_FLOP / fs[1] / 1e9;
        report.append(String.format(Locale.ROOT,
                "T1 f64 threads=%d: loss=%.15f, grad norms%s; forward %.2f ms, step %.2f ms (%.1f GFLOP/s, %.0f%% of dgemm-1024 %.1f GFLOP/s), step/forward %.2f%n",
                threads, l, norms, fs[0] * 1e3, fs[1] * 1e3, gflops, 100 * gflops / dgemm, dgemm, fs[2]));
    }
}
