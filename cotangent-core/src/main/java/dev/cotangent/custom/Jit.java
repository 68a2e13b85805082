package dev.cotangent.custom;

import dev.cotangent.Ops;
import dev.cotangent.Tensor;
import dev.cotangent.graph.Graph;
import dev.cotangent.graph.compile.GraphCompiler;
import dev.cotangent.graph.compile.Program;
import dev.cotangent.tensor.NDArray;
import dev.cotangent.tensor.Shape;
import dev.cotangent.trace.Tracer;
import dev.cotangent.trace.ValueDependenceException;
import dev.cotangent.transform.Stage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * A jitted function: {@code f} staged once per distinct input shapes, compiled ({@link GraphCompiler}) and kept in a
 * bounded cache (the {@value #CACHE} most recently used shapes; a shape seen again after eviction is staged and
 * compiled again). Called on concrete tensors it runs the compiled program directly; called on traced tensors
 * (under grad, jvp, vmap, stage) it binds one {@link JitCall} primitive, whose rules are the transforms of the
 * graph, themselves jitted. Thread-safe: compiled programs are immutable and shared.
 *
 * <p>With {@code -Dcotangent.jit.log=true} every compilation (time, loops, calls) and every cache hit is printed
 * on standard error.
 */
public final class Jit implements Function<Tensor[], Tensor[]> {
    /** How many input shapes one jitted function keeps compiled. */
    public static final int CACHE = 16;
    private final Function<Tensor[], Tensor[]> f;
    private final String name;
    private final Map<List<Shape>, JitCall> cache = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<List<Shape>, JitCall> e) {
            return size() > CACHE;
        }
    };
    private final AtomicLong compilations = new AtomicLong();
    private final AtomicLong hits = new AtomicLong();

    Jit(Function<Tensor[], Tensor[]> f, String name) {
        this.f = f;
        this.name = name;
    }

    /** {@code f} jitted. */
    public static Jit of(Function<Tensor[], Tensor[]> f) {
        if (f == null) throw new IllegalArgumentException("jit: the function is null");
        return new Jit(f, "jit");
    }

    @Override
    public Tensor[] apply(Tensor[] xs) {
        if (xs == null) throw new IllegalArgumentException(name + ": the inputs are null; pass a Tensor[]");
        Shape[] shapes = new Shape[xs.length];
        boolean concrete = true;
        for (int i = 0; i < xs.length; i++) {
            if (xs[i] == null) throw new IllegalArgumentException(name + ": input " + i + " is null");
            shapes[i] = xs[i].dims();
            concrete &= !(xs[i] instanceof Tracer);
        }
        JitCall call = compiled(shapes);
        if (!concrete) return Ops.applyAll(call, xs);
        NDArray[] in = new NDArray[xs.length];
        for (int i = 0; i < in.length; i++) in[i] = xs[i].value();
        NDArray[] out = call.program().run(in);
        Tensor[] r = new Tensor[out.length];
        for (int k = 0; k < r.length; k++) r[k] = Tensor.from(out[k]);
        return r;
    }

    /** The compiled program for inputs of these shapes (staged and compiled on first use). */
    public Program program(Shape... shapes) {
        return compiled(shapes).program();
    }

    /** How many times this function was staged and compiled. */
    public long compilations() {
        return compilations.get();
    }

    /** How many calls found their program in the cache. */
    public long hits() {
        return hits.get();
    }

    /** The program for these shapes; compiled under the cache's lock, so each shapes is compiled once. */
    JitCall compiled(Shape[] shapes) {
        List<Shape> key = List.of(shapes);
        boolean log = Boolean.getBoolean("cotangent.jit.log");
        synchronized (cache) {
            JitCall c = cache.get(key);
            if (c != null) {
                hits.incrementAndGet();
                if (log) System.err.println(name + ": cache hit for " + key);
                return c;
            }
            Graph g;
            try {
                g = Stage.stage(f, shapes);
            } catch (ValueDependenceException e) {
                throw new ValueDependenceException(name + ": cannot compile the function for inputs of shapes " + key
                        + ", because it reads the value of a tensor" + userFrame(e) + " (Java control flow on "
                        + "numbers). Write the choice with Ops.where, or call the function without jit. Cause: "
                        + e.getMessage());
            }
            Program p = GraphCompiler.compile(g);
            compilations.incrementAndGet();
            if (log) {
                System.err.printf(java.util.Locale.ROOT,
                        "%s: compiled for %s in %.2f ms (staged %d nodes; %d loops, %d calls)%n",
                        name, key, p.compileNanos() / 1e6, g.opCount(), p.kernels(), p.calls());
            }
            c = new JitCall(this, key, p);
            cache.put(key, c);
            return c;
        }
    }

    /** " at Class.method(File:line)", the first frame of the stack outside Cotangent's engine; or "". */
    private static String userFrame(Throwable e) {
        for (StackTraceElement s : e.getStackTrace()) {
            String c = s.getClassName();
            boolean engine = c.startsWith("java.") || c.startsWith("jdk.") || c.startsWith("sun.")
                    || c.startsWith("dev.cotangent.trace.") || c.startsWith("dev.cotangent.graph.")
                    || c.startsWith("dev.cotangent.transform.") || c.startsWith("dev.cotangent.custom.")
                    || c.startsWith("dev.cotangent.tensor.") || c.startsWith("dev.cotangent.primitive.")
                    || c.equals("dev.cotangent.Tensor") || c.equals("dev.cotangent.Ops")
                    || c.equals("dev.cotangent.AD");
            if (!engine) return " (" + s.getMethodName() + " read it at " + s + ")";
        }
        return "";
    }

    @Override
    public String toString() {
        return name + "(" + f + ")";
    }

}
