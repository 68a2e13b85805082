package dev.cotangent.sparse;

import dev.cotangent.tensor.Shape;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The sparsity plans of one function, one per input shape, made on first use and kept. Not
 * {@code computeIfAbsent}: making a plan stages the user's function, which must not run under the map's lock (it
 * may itself use another sparse transform); two threads may then both make a plan, and the first one kept wins.
 */
final class PlanCache {
    private final Map<Shape, SparsePlan> plans = new ConcurrentHashMap<>();
    private final Function<Shape, SparsePlan> make;

    PlanCache(Function<Shape, SparsePlan> make) {
        this.make = make;
    }

    SparsePlan get(Shape in) {
        SparsePlan p = plans.get(in);
        if (p != null) return p;
        SparsePlan made = make.apply(in);
        SparsePlan earlier = plans.putIfAbsent(in, made);
        return earlier != null ? earlier : made;
    }
}
