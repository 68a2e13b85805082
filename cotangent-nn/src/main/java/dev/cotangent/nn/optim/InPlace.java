package dev.cotangent.nn.optim;

import dev.cotangent.Tensor;
import dev.cotangent.nn.Params;
import dev.cotangent.tensor.NDArray;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A training state that owns its optimiser state and updates it in place: one fused loop per parameter
 * ({@link FusedUpdate}) reads the parameters and gradients, overwrites the state arrays (Adam's two moments,
 * the momentum's velocity) and writes the new parameters. Bit for bit the parameters of the immutable
 * {@link Optimizer#step} over any number of steps. Adam's step still reads four arrays and writes three, but
 * allocates (and so zeroes and later collects) one new array per parameter instead of three.
 *
 * <p>Ownership, enforced: the state arrays are allocated here and never leave this object, so no caller can
 * hold them. The parameters are not overwritten: each step writes them to a new array, because a
 * {@code Tensor}'s array must never change (they are immutable values, the tape may hold them, and the core
 * caches off-heap copies of arrays by identity for BLAS). The caller's initial tensors are only read.
 * For arrays the caller owns outright (never wrapped in a tensor), {@link FusedUpdate#update} with
 * {@code out == theta} updates the parameters in place too.
 *
 * <pre>{@code
 * InPlace train = InPlace.start(Adam.adam(1e-3), params);
 * for (int t = 0; t < steps; t++) train.step(AD.valueAndGrad(loss, train.params()).grads());
 * }</pre>
 */
public final class InPlace {
    private final FusedUpdate optimizer;
    private final Map<String, double[][]> state = new LinkedHashMap<>();
    private Map<String, Tensor> params;
    private int steps;

    private InPlace(FusedUpdate optimizer, Map<String, Tensor> params) {
        this.optimizer = optimizer;
        this.params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
        for (Map.Entry<String, Tensor> e : params.entrySet()) {
            double[][] slots = new double[optimizer.slots()][];
            for (int k = 0; k < slots.length; k++) slots[k] = new double[e.getValue().value().unsafeData().length];
            state.put(e.getKey(), slots);
        }
    }

    /** Training from {@code params} with zero optimiser state (as {@link Optimizer#init} gives). */
    public static InPlace start(FusedUpdate optimizer, Map<String, Tensor> params) {
        return new InPlace(optimizer, params);
    }

    /** The current parameters: immutable tensors, still valid after later steps. */
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
}
