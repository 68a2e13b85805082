package dev.cotangent.graph.compile;

import dev.cotangent.graph.Graph;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where each array a compiled program writes lives: an array that only fused loops read (never a matrix product
 * or another call, never an output) gets a buffer of the plan, and a buffer whose last reader has run is reused
 * by the next array of its size, the reader's own results included (written in place: a loop reads a block before
 * it writes it). Arrays that leave the loops (read by calls, or returned) are allocated fresh, since values are
 * immutable and a call or the caller may keep them.
 */
final class BufferPlan {
    /** The size (elements) of each buffer. */
    final int[] sizes;
    /** The buffer of each planned variable. */
    final Map<Integer, Integer> bufferOf;
    /** The variables each buffer holds, in order (for the listing). */
    final List<List<Integer>> holds;

    private BufferPlan(int[] sizes, Map<Integer, Integer> bufferOf, List<List<Integer>> holds) {
        this.sizes = sizes;
        this.bufferOf = Map.copyOf(bufferOf);
        this.holds = holds;
    }

    static BufferPlan of(Graph g, List<Step> steps) {
        Set<Integer> escaping = new HashSet<>(g.outputs());
        Map<Integer, Integer> lastRead = new HashMap<>();
        for (int i = 0; i < steps.size(); i++) {
            Step s = steps.get(i);
            for (int id : s.reads()) {
                lastRead.put(id, i);
                if (s instanceof Call) escaping.add(id);
            }
        }
        List<Integer> sizes = new ArrayList<>();
        List<List<Integer>> holds = new ArrayList<>();
        Map<Integer, Integer> bufferOf = new HashMap<>();
        Map<Integer, ArrayDeque<Integer>> free = new HashMap<>();
        for (int i = 0; i < steps.size(); i++) {
            if (!(steps.get(i) instanceof Kernel k)) continue;
            Set<Integer> viewed = new HashSet<>();
            for (int in = 0; in < k.inputIds.length; in++) {
                if (k.access[in].strides() != null) viewed.add(k.inputIds[in]);
            }
            for (int in = 0; in < k.inputIds.length; in++) {
                int id = k.inputIds[in];
                Integer b = bufferOf.get(id);
                // in place only where the loop reads the array as it lies, and only so (a block is read before it is
                // written; a strided read could reach a block already written)
                if (b != null && lastRead.get(id) == i && !viewed.contains(id)) {
                    free.computeIfAbsent(sizes.get(b), x -> new ArrayDeque<>()).push(b);
                }
            }
            for (int id : k.storeIds) {
                if (escaping.contains(id) || !lastRead.containsKey(id)) continue;
                ArrayDeque<Integer> f = free.get(k.size);
                int b;
                if (f == null || f.isEmpty()) {
                    b = sizes.size();
                    sizes.add(k.size);
                    holds.add(new ArrayList<>());
                } else {
                    b = f.pop();
                }
                bufferOf.put(id, b);
                holds.get(b).add(id);
            }
        }
        return new BufferPlan(sizes.stream().mapToInt(Integer::intValue).toArray(), bufferOf, holds);
    }

    /** Bytes of the plan's buffers. */
    long bytes() {
        long b = 0;
        for (int s : sizes) b += 8L * s;
        return b;
    }
}
