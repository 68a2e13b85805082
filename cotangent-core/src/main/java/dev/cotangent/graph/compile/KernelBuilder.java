package dev.cotangent.graph.compile;

import dev.cotangent.graph.Node;
import dev.cotangent.tensor.Shape;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Collects the nodes of one fused loop while {@link Fusion} walks the graph, then allocates registers by
 * liveness (a register whose last reader ran is reused, so the live set of a long chain stays small) and builds
 * the {@link Kernel}.
 */
final class KernelBuilder {
    final Shape shape;
    /** An array the loop reads: its var id and shape, and how it is read. */
    private record Source(int id, Shape shape, Access access) {}

    /** The loop's inputs by the value its operations read (an array's own id, or the id of a view node). */
    private final Map<Integer, Source> inputs = new LinkedHashMap<>();
    private final List<Node> ops = new ArrayList<>();
    private final List<int[]> operands = new ArrayList<>();
    private final List<Node> sums = new ArrayList<>();
    private final Set<Integer> computed = new java.util.HashSet<>();
    private final Set<Integer> summed = new java.util.HashSet<>();

    KernelBuilder(Shape shape) {
        this.shape = shape;
    }

    /** Whether {@code id} is a value this loop computes (an elementwise result, not a sum). */
    boolean computes(int id) {
        return computed.contains(id);
    }

    /** Whether {@code id} is defined by this loop (an elementwise result or a sum). */
    boolean defines(int id) {
        return computed.contains(id) || summed.contains(id);
    }

    /** Adds an elementwise node; operands this loop does not compute are inputs of these shapes, read so. */
    void add(Node n, Shape[] operandShapes, Access[] access) {
        int[] ops = new int[n.parents().size()];
        for (int i = 0; i < ops.length; i++) {
            int p = n.parents().get(i);
            if (!computes(p)) inputs.putIfAbsent(p, new Source(p, operandShapes[i], access[i]));
            ops[i] = p;
        }
        this.ops.add(n);
        operands.add(ops);
        computed.add(n.id());
    }

    /** Adds a view node (a slice or a pad of an array computed elsewhere) as an input read through {@code access}. */
    void addView(Node n, Shape sourceShape, Access access) {
        inputs.put(n.id(), new Source(n.parents().get(0), sourceShape, access));
        computed.add(n.id());
    }

    /** Adds a full sum of a value this loop computes. */
    void addSum(Node n) {
        sums.add(n);
        summed.add(n.id());
    }

    /** The kernel, storing the values in {@code stored} (those read outside it, or outputs). */
    Kernel build(Set<Integer> stored) {
        int m = ops.size();
        Map<Integer, Integer> lastUse = new HashMap<>();
        for (int j = 0; j < m; j++) for (int p : operands.get(j)) lastUse.put(p, j);
        for (int id : computed) if (stored.contains(id)) lastUse.put(id, Integer.MAX_VALUE);
        for (Node s : sums) lastUse.put(s.parents().get(0), Integer.MAX_VALUE);
        Map<Integer, Integer> reg = new HashMap<>();
        ArrayDeque<Integer> free = new ArrayDeque<>();
        int[] count = {0};
        int[] inputIds = new int[inputs.size()];
        Shape[] inputShapes = new Shape[inputs.size()];
        Access[] access = new Access[inputs.size()];
        int[] inputReg = new int[inputs.size()];
        int i = 0;
        for (Map.Entry<Integer, Source> e : inputs.entrySet()) {
            inputIds[i] = e.getValue().id();
            inputShapes[i] = e.getValue().shape();
            access[i] = e.getValue().access();
            inputReg[i] = take(free, count);
            reg.put(e.getKey(), inputReg[i]);
            i++;
        }
        byte[] kind = new byte[m];
        int[] fn = new int[m];
        int[] a = new int[m];
        int[] b = new int[m];
        int[] dst = new int[m];
        int[] nodeIds = new int[m];
        String[] names = new String[m];
        for (int j = 0; j < m; j++) {
            Node n = ops.get(j);
            int[] p = operands.get(j);
            a[j] = reg.get(p[0]);
            b[j] = p.length > 1 ? reg.get(p[1]) : a[j];
            Fusion.Op op = Fusion.op(n);
            kind[j] = op.kind();
            fn[j] = op.fn();
            nodeIds[j] = n.id();
            names[j] = n.primitive().name();
            for (int k = 0; k < p.length; k++) {
                if (lastUse.get(p[k]) == j && (k == 0 || p[k] != p[0])) free.push(reg.get(p[k]));
            }
            dst[j] = take(free, count);
            reg.put(n.id(), dst[j]);
            if (!lastUse.containsKey(n.id())) free.push(dst[j]);
        }
        List<Integer> storeIds = new ArrayList<>();
        for (int id : inputs.keySet()) if (stored.contains(id) && computed.contains(id)) storeIds.add(id);
        for (Node n : ops) if (stored.contains(n.id())) storeIds.add(n.id());
        int[] storeReg = new int[storeIds.size()];
        for (int k = 0; k < storeReg.length; k++) storeReg[k] = reg.get(storeIds.get(k));
        int[] sumReg = new int[sums.size()];
        int[] sumIds = new int[sums.size()];
        for (int k = 0; k < sumReg.length; k++) {
            sumReg[k] = reg.get(sums.get(k).parents().get(0));
            sumIds[k] = sums.get(k).id();
        }
        return new Kernel(shape, count[0], inputIds, inputShapes, access, inputReg, kind, fn, a, b, dst, nodeIds,
                names, storeReg, storeIds.stream().mapToInt(Integer::intValue).toArray(), sumReg, sumIds);
    }

    private static int take(ArrayDeque<Integer> free, int[] count) {
        return free.isEmpty() ? count[0]++ : free.pop();
    }
}
