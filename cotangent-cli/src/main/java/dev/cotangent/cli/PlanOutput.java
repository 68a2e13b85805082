package dev.cotangent.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.cotangent.sparse.ChainPlan;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code cotangent jacobian --plan}: the cheapest order to multiply the Jacobian chain of a composition through
 * spaces of given sizes, against forward and reverse mode (the lecture's n₁Σ and n_NΣ).
 */
final class PlanOutput {
    private PlanOutput() {}

    /** The sizes n₁ → n₂ → … → n_N written with arrows ({@code ->} or {@code →}), commas or spaces. */
    static int[] sizes(String text) {
        String[] parts = text.trim().split("\\s*(->|→|,|\\s)\\s*");
        List<Integer> l = new ArrayList<>();
        for (String s : parts) {
            if (s.isEmpty()) continue;
            try {
                int v = Integer.parseInt(s);
                if (v < 1) throw new NumberFormatException();
                l.add(v);
            } catch (NumberFormatException e) {
                throw new CliException("--plan reads the expression as the sizes of a chain of stages, e.g. "
                        + "\"1000 -> 10 -> 10 -> 1\" for R^1000 → R^10 → R^10 → R^1; \"" + s + "\" is not a size");
            }
        }
        if (l.size() < 2) {
            throw new CliException("--plan needs at least two sizes (one stage), e.g. \"1000 -> 10 -> 1\"");
        }
        return l.stream().mapToInt(Integer::intValue).toArray();
    }

    static String text(ChainPlan p) {
        int[] n = p.sizes();
        int stages = p.stages();
        StringBuilder sb = new StringBuilder("chain R^").append(n[0]);
        for (int k = 1; k < n.length; k++) sb.append(" → R^").append(n[k]);
        sb.append("\n    ").append(stages).append(stages == 1 ? " Jacobian" : " Jacobians")
                .append(" A_k = ∂f_k, of n_{k+1} × n_k; cost of a product (m×p)·(p×q): m·p·q multiply–adds\n\n");
        List<String> labels = List.of("forward", "reverse", "planned");
        List<String> orders = List.of(forward(stages), reverse(stages), p.order());
        List<String> costs = List.of(count(p.forwardCost()), count(p.reverseCost()), count(p.cost()));
        List<String> notes = List.of("   (n₁·Σ n_k n_{k+1})", "   (n_N·Σ n_k n_{k+1})", note(p));
        int w = orders.stream().mapToInt(String::length).max().orElse(0);
        int cw = costs.stream().mapToInt(String::length).max().orElse(0);
        for (int i = 0; i < 3; i++) {
            sb.append("    ").append(Output.pad(labels.get(i), 9)).append(Output.pad(orders.get(i), w + 3))
                    .append(" ".repeat(cw - costs.get(i).length())).append(costs.get(i)).append(notes.get(i))
                    .append('\n');
        }
        return sb.toString();
    }

    static String json(ChainPlan p) {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(w)) {
            g.writeStartObject();
            g.writeArrayFieldStart("sizes");
            for (int s : p.sizes()) g.writeNumber(s);
            g.writeEndArray();
            g.writeStringField("order", p.order());
            g.writeNumberField("cost", p.cost());
            g.writeNumberField("forward", p.forwardCost());
            g.writeNumberField("reverse", p.reverseCost());
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    private static String note(ChainPlan p) {
        long best = Math.min(p.forwardCost(), p.reverseCost());
        if (p.cost() == p.forwardCost()) return "   (= forward)";
        if (p.cost() == p.reverseCost()) return "   (= reverse)";
        return String.format(Locale.ROOT, "   (%.1f× cheaper than the better mode)", (double) best / Math.max(1, p.cost()));
    }

    private static String count(long v) {
        return String.format(Locale.ROOT, "%,d", v);
    }

    /** A_{N−1} (⋯ (A2 A1)). */
    private static String forward(int stages) {
        String s = "A1";
        for (int k = 2; k <= stages; k++) s = "A" + k + " " + (k == 2 ? s : "(" + s + ")");
        return s;
    }

    /** ((A_{N−1} A_{N−2}) ⋯) A1. */
    private static String reverse(int stages) {
        String s = "A" + stages;
        for (int k = stages - 1; k >= 1; k--) s = (k == stages - 1 ? s : "(" + s + ")") + " A" + k;
        return s;
    }
}
