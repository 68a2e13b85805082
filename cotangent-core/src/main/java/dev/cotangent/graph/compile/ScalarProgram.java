package dev.cotangent.graph.compile;

import dev.cotangent.graph.Constant;
import dev.cotangent.graph.Graph;
import dev.cotangent.graph.Input;
import dev.cotangent.graph.Var;
import java.util.HashMap;
import java.util.Map;

/**
 * A compiled program of one-element values run on plain doubles: its one straight-line loop without the arrays,
 * the environment and the checks of {@link Program#run}, for a caller that runs a small body many times (a scan's
 * step). Made by {@link #of}, which declines every program that is not one such loop. Immutable; each call uses a
 * register file of its own, so threads may share it.
 */
public final class ScalarProgram {
    private static final int REGISTER = 0;
    private static final int INPUT = 1;
    private static final int CONSTANT = 2;
    private final Kernel kernel;
    private final int inputs;
    /** For each of the loop's inputs: its register, and the program input it is (or −1 for a constant). */
    private final int[] loadReg;
    private final int[] loadInput;
    private final double[] loadConstant;
    /** For each output: where it comes from (a register, an input, a constant) and which. */
    private final int[] outKind;
    private final int[] outIndex;
    private final double[] outConstant;

    private ScalarProgram(Kernel kernel, int inputs, int[] loadReg, int[] loadInput, double[] loadConstant,
                          int[] outKind, int[] outIndex, double[] outConstant) {
        this.kernel = kernel;
        this.inputs = inputs;
        this.loadReg = loadReg;
        this.loadInput = loadInput;
        this.loadConstant = loadConstant;
        this.outKind = outKind;
        this.outIndex = outIndex;
        this.outConstant = outConstant;
    }

    /**
     * {@code p} as a scalar program, or null unless every input and output holds one element and {@code p} is at
     * most one straight-line loop (no calls).
     */
    public static ScalarProgram of(Program p) {
        Graph g = p.graph();
        Var[] byId = g.byId();
        Map<Integer, Integer> inputIndex = new HashMap<>();
        for (int i = 0; i < g.inputs().size(); i++) {
            Input v = g.inputs().get(i);
            if (v.shape().size() != 1) return null;
            inputIndex.put(v.id(), i);
        }
        Map<Integer, Double> constants = new HashMap<>();
        for (Constant c : g.constants()) if (c.value().size() == 1) constants.put(c.id(), c.value().item());
        if (p.steps().size() > 1 || p.steps().stream().anyMatch(s -> !(s instanceof Kernel))) return null;
        Kernel k = p.steps().isEmpty() ? null : (Kernel) p.steps().get(0);
        int loads = k == null ? 0 : k.inputIds.length;
        int[] loadReg = new int[loads];
        int[] loadInput = new int[loads];
        double[] loadConstant = new double[loads];
        if (k != null && k.size != 1) return null;
        for (int i = 0; i < loads; i++) {
            int id = k.inputIds[i];
            if (k.access[i].strides() != null) return null;
            loadReg[i] = k.inputReg[i];
            Integer in = inputIndex.get(id);
            if (in == null && !constants.containsKey(id)) return null;
            loadInput[i] = in == null ? -1 : in;
            loadConstant[i] = in == null ? constants.get(id) : 0;
        }
        int n = g.outputs().size();
        int[] kind = new int[n];
        int[] index = new int[n];
        double[] value = new double[n];
        for (int o = 0; o < n; o++) {
            int id = g.outputs().get(o);
            if (byId[id].shape().size() != 1) return null;
            int reg = k == null ? -1 : register(k, id);
            if (reg >= 0) {
                kind[o] = REGISTER;
                index[o] = reg;
            } else if (inputIndex.containsKey(id)) {
                kind[o] = INPUT;
                index[o] = inputIndex.get(id);
            } else if (constants.containsKey(id)) {
                kind[o] = CONSTANT;
                value[o] = constants.get(id);
            } else {
                return null;
            }
        }
        return new ScalarProgram(k, g.inputs().size(), loadReg, loadInput, loadConstant, kind, index, value);
    }

    /** The register holding variable {@code id} at the end of the loop (a store or a full sum), or −1. */
    private static int register(Kernel k, int id) {
        for (int j = 0; j < k.storeIds.length; j++) if (k.storeIds[j] == id) return k.storeReg[j];
        for (int j = 0; j < k.sumIds.length; j++) if (k.sumIds[j] == id) return k.sumReg[j];
        return -1;
    }

    /** The program's outputs for these inputs (one double each, in the graph's order), written into {@code out}. */
    public void run(double[] in, double[] out) {
        if (in.length != inputs || out.length != outKind.length) {
            throw new IllegalArgumentException("jit: a scalar program of " + inputs + " inputs and " + outKind.length
                    + " outputs was given " + in.length + " inputs and room for " + out.length + " outputs");
        }
        double[] r = kernel == null ? null : new double[kernel.registers];
        if (kernel != null) {
            for (int i = 0; i < loadReg.length; i++) r[loadReg[i]] = loadInput[i] >= 0 ? in[loadInput[i]] : loadConstant[i];
            kernel.execute(r, new double[1]);
        }
        for (int o = 0; o < out.length; o++) {
            out[o] = outKind[o] == REGISTER ? r[outIndex[o]] : outKind[o] == INPUT ? in[outIndex[o]] : outConstant[o];
        }
    }
}
