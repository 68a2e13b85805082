package dev.cotangent.bench.linalg;

import dev.cotangent.AD;
import dev.cotangent.Ops;
import dev.cotangent.Linalg;
import dev.cotangent.Tensor;
import dev.cotangent.kernel.Blas;
import dev.cotangent.tensor.NDArray;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.openblas.global.openblas;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The spectral decompositions (issue 9): {@code Linalg.eigh} and {@code Linalg.svd} forward against the same
 * LAPACKE call (dsyevd 'V' 'L', dgesdd 'S', row-major) made directly on {@code double[]} arrays, and their
 * gradients against their forward time (the goal: gradient ≤ 2× forward, the decomposition dominating).
 * The gradients are of functions that use every result, so the eigenvector (singular vector) terms of the rules
 * run: Σ c ⊙ w + Σ C ⊙ V ⊙ V for eigh, Σ c ⊙ s + Σ C ⊙ (U diag(√s) Vᵀ) for svd; and, for comparison, of Σ w
 * alone (eigvalsh: the vector terms are skipped).
 *
 * <pre>
 * mvn -q -pl cotangent-core,cotangent-bench -am package -DskipTests
 * java -jar cotangent-bench/target/benchmarks.jar 'linalg.SpectralBench' -f 1 -wi 2 -i 3 -w 1s -r 1s
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class SpectralBench {
    @Param({"64", "256", "1024"})
    public int n;

    @Param({"1"})
    public int threads;

    private Tensor sym;
    private Tensor general;
    private double[] symRaw;
    private double[] generalRaw;
    private double[] work;
    private double[] w;
    private double[] u;
    private double[] vt;
    private Function<Tensor, Tensor> eighLoss;
    private Function<Tensor, Tensor> eigvalshLoss;
    private Function<Tensor, Tensor> svdLoss;

    @Setup
    public void setup() {
        SplittableRandom rnd = new SplittableRandom(7);
        NDArray m = NDArray.uniform(rnd, -1, 1, n, n);
        NDArray s = m.add(m.transpose());
        sym = Tensor.from(s);
        symRaw = s.toArray();
        NDArray g = NDArray.uniform(rnd, -1, 1, n, n);
        general = Tensor.from(g);
        generalRaw = g.toArray();
        work = new double[n * n];
        w = new double[n];
        u = new double[n * n];
        vt = new double[n * n];
        Tensor c = Tensor.from(NDArray.uniform(rnd, -1, 1, n));
        Tensor cc = Tensor.from(NDArray.uniform(rnd, -1, 1, n, n));
        eighLoss = x -> {
            Tensor[] wv = Linalg.eigh(x);
            return wv[0].mul(c).sum().add(wv[1].square().mul(cc).sum());
        };
        eigvalshLoss = x -> Linalg.eigvalsh(x).sum();
        svdLoss = x -> {
            Tensor[] usv = Linalg.svd(x);
            Tensor usvt = usv[0].mul(Ops.unsqueeze(usv[1].sqrt(), 0)).matmul(usv[2]);
            return usv[1].mul(c).sum().add(usvt.mul(cc).sum());
        };
        Loader.load(openblas.class);
        Blas.setThreads(threads);
    }

    @Benchmark
    public Tensor[] eighForward() {
        return Linalg.eigh(sym);
    }

    /** The baseline: dsyevd on a copy of the array (LAPACK overwrites its input), as Linalg.eigh must copy. */
    @Benchmark
    public double[] eighRawLapacke() {
        System.arraycopy(symRaw, 0, work, 0, work.length);
        openblas.LAPACKE_dsyevd(openblas.LAPACK_ROW_MAJOR, (byte) 'V', (byte) 'L', n, work, n, w);
        return work;
    }

    @Benchmark
    public Tensor eighGradient() {
        return AD.grad(eighLoss).apply(sym);
    }

    @Benchmark
    public Tensor eigvalshGradient() {
        return AD.grad(eigvalshLoss).apply(sym);
    }

    @Benchmark
    public Tensor[] svdForward() {
        return Linalg.svd(general);
    }

    @Benchmark
    public double[] svdRawLapacke() {
        System.arraycopy(generalRaw, 0, work, 0, work.length);
        openblas.LAPACKE_dgesdd(openblas.LAPACK_ROW_MAJOR, (byte) 'S', n, n, work, n, w, u, n, vt, n);
        return u;
    }

    @Benchmark
    public Tensor svdGradient() {
        return AD.grad(svdLoss).apply(general);
    }
}
