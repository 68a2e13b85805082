package dev.cotangent.bench.kernels;

import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Each fast kernel ({@code dev.cotangent.kernel.ExpKernel} and friends) against the {@code Math.*} loop it
 * replaced, on 10^6 doubles of the timing range of {@link Inputs}, into a preallocated output. Run with
 * {@code java -jar cotangent-bench/target/benchmarks.jar KernelBench -f 1 -wi 3 -i 5}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class KernelBench {
    @Param({"exp", "expm1", "log", "log1p", "tanh", "sigmoid", "softplus"})
    public String fn;

    @Param({"1000000"})
    public int size;

    private Inputs f;
    private double[] x;
    private double[] out;

    @Setup
    public void setup() {
        f = Inputs.valueOf(fn.toUpperCase(Locale.ROOT));
        x = f.timing(7, size);
        out = new double[size];
    }

    @Benchmark
    public double[] cotangent() {
        f.fast.apply(x, out, size);
        return out;
    }

    @Benchmark
    public double[] math() {
        f.mathLoop(x, out);
        return out;
    }
}
