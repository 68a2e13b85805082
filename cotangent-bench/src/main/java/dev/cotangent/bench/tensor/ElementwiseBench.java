package dev.cotangent.bench.tensor;

import dev.cotangent.tensor.NDArray;
import dev.cotangent.tensor.Shape;
import java.util.SplittableRandom;
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
 * Elementwise add and exp on 10^6 doubles: {@code NDArray} against a plain Java loop over {@code double[]}
 * that writes a fresh output array (the same work NDArray must do, since its results are new arrays).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ElementwiseBench {
    @Param({"1000000"})
    public int size;

    private double[] a;
    private double[] b;
    private NDArray x;
    private NDArray y;

    @Setup
    public void setup() {
        SplittableRandom rnd = new SplittableRandom(11);
        a = new double[size];
        b = new double[size];
        for (int i = 0; i < size; i++) {
            a[i] = rnd.nextDouble() * 4 - 2;
            b[i] = rnd.nextDouble() * 4 - 2;
        }
        x = NDArray.of(Shape.of(size), a);
        y = NDArray.of(Shape.of(size), b);
    }

    @Benchmark
    public NDArray ndarrayAdd() {
        return x.add(y);
    }

    @Benchmark
    public double[] loopAdd() {
        double[] out = new double[a.length];
        for (int i = 0; i < out.length; i++) out[i] = a[i] + b[i];
        return out;
    }

    @Benchmark
    public NDArray ndarrayExp() {
        return x.exp();
    }

    @Benchmark
    public double[] loopExp() {
        double[] out = new double[a.length];
        for (int i = 0; i < out.length; i++) out[i] = Math.exp(a[i]);
        return out;
    }
}
