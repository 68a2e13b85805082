package dev.cotangent.gradbench;

import dev.cotangent.AD;
import dev.cotangent.Ops;
import dev.cotangent.Tensor;
import dev.cotangent.ValueAndGradList;
import java.util.List;

/**
 * lstm: the ADBench LSTM (elementwise weights, l layers of b cells) over a sequence of c characters, its objective
 * the mean log-probability of the next character. The recurrence runs step by step on b-vectors; the output layer
 * and the log-probabilities are computed once for all steps (the hidden states stacked). The gradient with respect
 * to main_params and extra_params by reverse mode (one scalar output, 8lb + 3b inputs).
 */
final class Lstm implements Eval {
    @Override
    public String name() {
        return "lstm";
    }

    @Override
    public List<String> functions() {
        return List.of("objective", "jacobian");
    }

    /** The fixed data of one workload: the initial state and the sequence, as rows. */
    record Problem(int layers, int b, Tensor[] state, Tensor[] sequence, Tensor next) {}

    static Tensor objective(Problem p, Tensor main, Tensor extra) {
        int b = p.b(), layers = p.layers(), c = p.sequence().length;
        Tensor[][] gate = new Tensor[layers][8];   // W_f, W_i, W_o, W_c, B_f, B_i, B_o, B_c
        for (int k = 0; k < layers; k++) {
            for (int g = 0; g < 8; g++) {
                Tensor row = Ops.slice(main, 0, 2 * k + g / 4, 2 * k + g / 4 + 1);
                gate[k][g] = Ops.slice(row, 1, (g % 4) * b, (g % 4 + 1) * b).reshape(b);
            }
        }
        Tensor[] e = new Tensor[3];
        for (int j = 0; j < 3; j++) e[j] = Ops.slice(extra, 0, j, j + 1).reshape(b);
        Tensor[] hidden = new Tensor[layers];
        Tensor[] cell = new Tensor[layers];
        for (int k = 0; k < layers; k++) {
            hidden[k] = p.state()[2 * k];
            cell[k] = p.state()[2 * k + 1];
        }
        Tensor[] outputs = new Tensor[c - 1];
        for (int t = 0; t < c - 1; t++) {
            Tensor z = p.sequence()[t].mul(e[0]);
            for (int k = 0; k < layers; k++) {
                Tensor[] w = gate[k];
                Tensor h = hidden[k];
                Tensor f = z.mul(w[0]).add(w[4]).sigmoid();
                Tensor i = h.mul(w[1]).add(w[5]).sigmoid();
                Tensor o = z.mul(w[2]).add(w[6]).sigmoid();
                Tensor g = h.mul(w[3]).add(w[7]).tanh();
                cell[k] = cell[k].mul(f).add(i.mul(g));
                hidden[k] = o.mul(cell[k].tanh());
                z = hidden[k];
            }
            outputs[t] = z;
        }
        Tensor yHat = Ops.stack(0, outputs).mul(e[1]).add(e[2]);                          // [c-1, b]
        Tensor lambda = yHat.exp().sum(1).add(2).log().reshape(c - 1, 1);
        Tensor total = p.next().mul(yHat.sub(lambda)).sum();
        return total.mul(-1.0 / ((c - 1) * (double) b));
    }

    @Override
    public Prepared<?> prepare(String function, In input) {
        In mainIn = input.field("main_params");
        int rows = mainIn.length();
        if (rows == 0 || rows % 2 != 0) throw mainIn.bad("expected 2l rows (weights and biases of l layers), got " + rows);
        int b4 = mainIn.columns();
        if (b4 == 0 || b4 % 4 != 0) throw mainIn.at(0).bad("expected 4b numbers (four gates of b cells), got " + b4);
        int b = b4 / 4;
        int layers = rows / 2;
        Tensor main = Tensor.of(new int[] {rows, b4}, mainIn.matrix(rows, b4, "4b numbers per row"));
        Tensor extra = Tensor.of(new int[] {3, b}, input.field("extra_params").matrix(3, b, "3 rows of b numbers"));
        double[] st = input.field("state").matrix(rows, b, "2l rows of b numbers");
        In seqIn = input.field("sequence");
        int c = seqIn.length();
        if (c < 2) throw seqIn.bad("expected at least 2 characters, got " + c);
        double[] seq = seqIn.matrix(c, b, "b numbers per character");
        Tensor[] state = new Tensor[rows];
        for (int r = 0; r < rows; r++) state[r] = Tensor.of(java.util.Arrays.copyOfRange(st, r * b, (r + 1) * b));
        Tensor[] sequence = new Tensor[c];
        for (int t = 0; t < c; t++) sequence[t] = Tensor.of(java.util.Arrays.copyOfRange(seq, t * b, (t + 1) * b));
        Tensor next = Tensor.of(new int[] {c - 1, b}, java.util.Arrays.copyOfRange(seq, b, c * b));
        Problem p = new Problem(layers, b, state, sequence, next);
        return switch (function) {
            case "objective" -> Prepared.of(() -> objective(p, main, extra), (r, out) -> out.number(r.item()));
            case "jacobian" -> Prepared.of(
                    () -> AD.valueAndGrad(a -> objective(p, a[0], a[1]), new Tensor[] {main, extra}),
                    (ValueAndGradList r, Out out) -> {
                        out.startArray();
                        for (Tensor g : r.grads()) for (double v : g.toArray()) out.number(v);
                        out.endArray();
                    });
            default -> throw unknownFunction(function);
        };
    }
}
