package dev.cotangent.nn.optim;

import dev.cotangent.Tensor;
import dev.cotangent.nn.Params;
import dev.cotangent.tensor.NDArray;
import dev.cotangent.tensor.OwnedArrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A training state that owns its optimiser state and updates it in place: one fused loop per parameter
 * ({@link FusedUpdate}) reads the parameters and gradients, overwrites the state arrays (Adam's two moments,
 * the momentum's velocity) and writes the new parameters. Bit for bit the parameters of the immutable
 * {@link Optimizer#step} over any number of steps. Adam's step still reads four arrays and writes three, but
 * allocates (and so zeroes and later collects) one new array per parameter instead of three.
 *
 * <p>Ownership, enforced: the state arrays are allocated here and never leave this object, so no caller can
 * hold them. Two ways with the parameters, chosen when training starts:
 * <ul>
 *   <li>{@link #start}: each step writes them to a new array, so every {@link #params()} ever returned stays valid
 *       (a {@code Tensor}'s array never changes). The caller's initial tensors are only read.
 *   <li>{@link #overwriting}: the parameters are copied once into arrays this object owns, and each step writes
 *       them in place (announced to the core's caches with {@link OwnedArrays#beforeWrite}). {@link #params()}
 *       returns the same tensors every step, and their values change with each step: copy one
 *       ({@code Tensor.of(t.shape(), t.value().toArray())}) to keep a snapshot, and finish with a tape before
 *       stepping. A gradient that is itself one of the owned arrays (a caller's tree that reuses a parameter) is
 *       copied before any parameter is written, so the step never reads a value it has already overwritten.
 * </ul>
 *
 * <pre>{@code
 * InPlace train = InPlace.overwriting(Adam.adam(1e-3), params);   // or InPlace.start: a new array per step
 * for (int t = 0; t < steps; t++) train.step(AD.valueAndGrad(loss, train.params()).grads());
 * }</pre>
 */
public final class InPlace {
    private final FusedUpdate optimizer;
    private final Map<String, double[][]> state = new LinkedHashMap<>();
    private final boolean overwrite;
    private Map<String, Tensor> params;
    private int steps;

    private InPlace(FusedUpdate optimizer, Map<String, Tensor> params, boolean overwrite) {
        this.optimizer = optimizer;
        this.overwrite = overwrite;
        Map<String, Tensor> p = new LinkedHashMap<>(params);
        if (overwrite) p.replaceAll((name, t) -> Tensor.from(NDArray.wrap(t.dims(), t.value().toArray())));
        this.params = Collections.unmodifiableMap(p);
        for (Map.Entry<String, Tensor> e : params.entrySet()) {
            double[][] slots = new double[optimizer.slots()][];
            for (int k = 0; k < slots.length; k++) slots[k] = new double[e.getValue().value().unsafeData().length];
            state.put(e.getKey(), slots);
        }
    }

    /** Training from {@code params} with zero optimiser state (as {@link Optimizer#init} gives). */
    public static InPlace start(FusedUpdate optimizer, Map<String, Tensor> params) {
        return new InPlace(optimizer, params, false);
    }

    /**
     * Training from a copy of {@code params} with zero optimiser state, writing the parameters in place each step
     * (see the class comment for what that means for {@link #params()}).
     */
    public static InPlace overwriting(FusedUpdate optimizer, Map<String, Tensor> params) {
        return new InPlace(optimizer, params, true);
    }

    /**
     * The current parameters: after {@link #start}, immutable tensors still valid after later steps; after
     * {@link #overwriting}, the same tensors every step, whose values each step overwrites.
     */
    public Map<String, Tensor> params() {
        return params;
    }

    /** The number of steps taken. */
    public int steps() {
        return steps;
    }

    /** A copy of the state array {@code slot} of parameter {@code name} (Adam: 0 = m, 1 = v). */
    public double[] state(String name, int slot) {
        double[][] s = state.get(name);
        if (s == null) throw new IllegalArgumentException("InPlace.state: no parameter named '" + name + "'; names " + state.keySet());
        if (slot < 0 || slot >= s.length) {
            throw new IllegalArgumentException("InPlace.state: slot " + slot + " of '" + name + "', this optimiser has " + s.length);
        }
        return s[slot].clone();
    }

    /** One step following {@code grads} (a tree like {@link #params()}). */
    public void step(Map<String, Tensor> grads) {
        Params.requireSameTree(params, grads);
        if (overwrite) {
            overwriteStep(grads);
            return;
        }
        Map<String, Tensor> next = new LinkedHashMap<>();
        for (Map.Entry<String, Tensor> e : params.entrySet()) {
            double[] theta = e.getValue().value().unsafeData();
            double[] out = new double[theta.length];
            optimizer.update(steps, theta, grads.get(e.getKey()).value().unsafeData(), state.get(e.getKey()), out);
            next.put(e.getKey(), Tensor.from(NDArray.wrap(e.getValue().dims(), out)));
        }
        params = Collections.unmodifiableMap(next);
        steps++;
    }

    private void overwriteStep(Map<String, Tensor> grads) {
        Set<double[]> owned = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Tensor t : params.values()) owned.add(t.value().unsafeData());
        Map<String, double[]> g = new LinkedHashMap<>();
        for (Map.Entry<String, Tensor> e : grads.entrySet()) {
            double[] a = e.getValue().value().unsafeData();
            g.put(e.getKey(), owned.contains(a) ? a.clone() : a);
        }
        for (Map.Entry<String, Tensor> e : params.entrySet()) {
            double[] theta = e.getValue().value().unsafeData();
            OwnedArrays.beforeWrite(theta);
            optimizer.update(steps, theta, g.get(e.getKey()), state.get(e.getKey()), theta);
        }
        steps++;
    }
}
