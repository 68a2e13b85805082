package dev.cotangent.graph.compile;

import dev.cotangent.graph.Constant;
import dev.cotangent.graph.Graph;
import dev.cotangent.graph.Input;
import dev.cotangent.graph.Var;
import dev.cotangent.tensor.NDArray;
import dev.cotangent.tensor.Shape;
import java.util.List;

/**
 * A compiled graph: its steps (fused loops and calls) in a valid order, and the buffer plan of the arrays only the
 * loops read. Shared by threads: the plan's buffers are per thread (kept between calls), every other
 * per-call array is local to the call, so threads may run one program at once. Made by {@link GraphCompiler#compile};
 * {@link #listing()} shows what fused into what.
 */
public final class Program {
    private final Graph graph;
    private final List<Step> steps;
    private final BufferPlan plan;
    private final Shape[] shapes;
    private final long compileNanos;
    /** For each step, the variables whose last reader it is (released after it, so the collector can take them). */
    private final int[][] release;
    /** Each thread's buffers of the plan, kept between calls (nothing outside a call sees them). */
    private final ThreadLocal<Buffers> buffers = ThreadLocal.withInitial(Buffers::new);

    /** One thread's buffers, and whether a call on that thread is using them (a nested call allocates its own). */
    private static final class Buffers {
        double[][] arrays;
        boolean inUse;
    }

    Program(Graph graph, List<Step> steps, BufferPlan plan, long compileNanos) {
        this.graph = graph;
        this.steps = List.copyOf(steps);
        this.plan = plan;
        this.compileNanos = compileNanos;
        Var[] byId = graph.byId();
        this.shapes = new Shape[byId.length];
        for (int i = 0; i < byId.length; i++) shapes[i] = byId[i] == null ? null : byId[i].shape();
        this.release = lastReaders(graph, this.steps);
    }

    /** The optimised graph this program runs. */
    public Graph graph() {
        return graph;
    }

    /** Its steps in running order. */
    public List<Step> steps() {
        return steps;
    }

    /** Nanoseconds the passes, fusion and the buffer plan took. */
    public long compileNanos() {
        return compileNanos;
    }

    /** The program's results for these inputs (in the graph's input order and shapes). */
    public NDArray[] run(NDArray... inputs) {
        if (inputs.length != graph.inputs().size()) {
            throw new IllegalArgumentException("jit: " + inputs.length + " inputs given, the program was compiled for "
                    + graph.inputs().size());
        }
        NDArray[] env = new NDArray[shapes.length];
        for (int i = 0; i < inputs.length; i++) {
            Input v = graph.inputs().get(i);
            if (!inputs[i].dims().equals(v.shape())) {
                throw new IllegalArgumentException("jit: input " + i + " has shape " + inputs[i].dims()
                        + ", the program was compiled for " + v.shape());
            }
            env[v.id()] = inputs[i];
        }
        for (Constant c : graph.constants()) env[c.id()] = c.value();
        Buffers mine = buffers.get();
        boolean reuse = !mine.inUse;
        double[][] arrays = reuse && mine.arrays != null ? mine.arrays : allocate();
        if (reuse) {
            mine.arrays = arrays;
            mine.inUse = true;
        }
        try {
            runSteps(env, arrays);
        } finally {
            if (reuse) mine.inUse = false;
        }
        NDArray[] out = new NDArray[graph.outputs().size()];
        for (int i = 0; i < out.length; i++) out[i] = env[graph.outputs().get(i)];
        return out;
    }

    private double[][] allocate() {
        double[][] arrays = new double[plan.sizes.length][];
        for (int b = 0; b < arrays.length; b++) arrays[b] = new double[plan.sizes[b]];
        return arrays;
    }

    private void runSteps(NDArray[] env, double[][] buffers) {
        for (int i = 0; i < steps.size(); i++) {
            Step s = steps.get(i);
            if (s instanceof Call c) {
                List<Integer> ps = c.node().parents();
                NDArray[] args = new NDArray[ps.size()];
                for (int a = 0; a < args.length; a++) args[a] = env[ps.get(a)];
                var p = c.node().primitive();
                NDArray[] r = p instanceof CompiledLoop loop ? loop.runCompiled(args) : p.applyAll(args);
                for (int k = 0; k < r.length; k++) env[c.node().ids().get(k)] = r[k];
            } else {
                runKernel((Kernel) s, env, buffers);
            }
            for (int id : release[i]) env[id] = null;
        }
    }

    private static int[][] lastReaders(Graph g, List<Step> steps) {
        java.util.Map<Integer, Integer> last = new java.util.HashMap<>();
        for (int i = 0; i < steps.size(); i++) for (int id : steps.get(i).reads()) last.put(id, i);
        for (int id : g.outputs()) last.remove(id);
        int[] count = new int[steps.size()];
        for (int i : last.values()) count[i]++;
        int[][] r = new int[steps.size()][];
        for (int i = 0; i < r.length; i++) r[i] = new int[count[i]];
        for (java.util.Map.Entry<Integer, Integer> e : last.entrySet()) {
            r[e.getValue()][--count[e.getValue()]] = e.getKey();
        }
        return r;
    }

    private void runKernel(Kernel k, NDArray[] env, double[][] buffers) {
        double[][] in = new double[k.inputIds.length][];
        for (int i = 0; i < in.length; i++) in[i] = env[k.inputIds[i]].unsafeData();
        double[][] out = new double[k.storeIds.length][];
        for (int j = 0; j < out.length; j++) {
            Integer b = plan.bufferOf.get(k.storeIds[j]);
            out[j] = b == null ? new double[k.size] : buffers[b];
        }
        double[] sums = new double[k.sumIds.length];
        k.run(in, out, sums);
        for (int j = 0; j < out.length; j++) env[k.storeIds[j]] = NDArray.wrap(k.shape, out[j]);
        for (int j = 0; j < sums.length; j++) {
            env[k.sumIds[j]] = NDArray.wrap(shapes[k.sumIds[j]], new double[] {sums[j]});
        }
    }

    /** Fused loops in the program. */
    public int kernels() {
        return (int) steps.stream().filter(s -> s instanceof Kernel).count();
    }

    /** Calls (unfused nodes) in the program. */
    public int calls() {
        return steps.size() - kernels();
    }

    /**
     * About how many bytes one call allocates: the arrays that leave the loops, the results of
     * calls (an upper bound: a reshape may share its operand's array) and the loops' register blocks. The plan's
     * buffers are allocated once per thread and reused by later calls.
     */
    public long bytesPerCall() {
        long bytes = 0;
        for (Step s : steps) {
            if (s instanceof Kernel k) {
                for (int id : k.storeIds) if (!plan.bufferOf.containsKey(id)) bytes += 8L * k.size;
                bytes += 8L * k.sumIds.length + 8L * k.registers * Math.min(Kernel.BLOCK, k.size);
            } else {
                for (int id : s.writes()) bytes += 8L * shapes[id].size();
            }
        }
        return bytes;
    }

    /** The compiled program as text: each loop with the nodes fused into it, each call, the buffer plan. */
    public String listing() {
        return ProgramListing.of(this, plan, shapes);
    }
}
