package dev.cotangent.gradbench;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The data files' validation rule, as the README of the workloads states it: the output must have exactly the
 * expected JSON structure (same array lengths, same object keys; ints and floats interchangeable) and every pair of
 * numbers must pass the file's number check: {@code relative}: |x−y| / max(1, |x|+|y|) ≤ tolerance; {@code isclose}:
 * |x−y| ≤ atol + rtol·|y|.
 */
record Validation(String kind, double tolerance, double rtol, double atol) {

    static Validation of(JsonNode v) {
        String kind = v.path("kind").asText("relative");
        return new Validation(kind, v.path("tolerance").asDouble(1e-4), v.path("rtol").asDouble(1e-5),
                v.path("atol").asDouble(1e-8));
    }

    boolean close(double got, double exp) {
        double diff = Math.abs(got - exp);
        if (Double.isNaN(diff)) return false;
        return switch (kind) {
            case "relative" -> diff / Math.max(1.0, Math.abs(got) + Math.abs(exp)) <= tolerance;
            case "isclose" -> diff <= atol + rtol * Math.abs(exp);
            default -> throw new IllegalArgumentException("unknown validation kind " + kind);
        };
    }

    /** The mismatches of {@code got} against {@code expected} (empty: valid), at most {@code limit}. */
    List<String> mismatches(JsonNode got, JsonNode expected, int limit) {
        List<String> out = new ArrayList<>();
        compare(got, expected, "output", out, limit);
        return out;
    }

    private void compare(JsonNode got, JsonNode exp, String path, List<String> out, int limit) {
        if (out.size() >= limit) return;
        if (exp.isNumber() && got.isNumber()) {
            if (!close(got.asDouble(), exp.asDouble())) out.add(path + ": got " + got + ", expected " + exp);
        } else if (exp.isArray() && got.isArray()) {
            if (exp.size() != got.size()) {
                out.add(path + ": array of length " + got.size() + ", expected " + exp.size());
                return;
            }
            for (int i = 0; i < exp.size(); i++) compare(got.get(i), exp.get(i), path + "[" + i + "]", out, limit);
        } else if (exp.isObject() && got.isObject()) {
            for (Iterator<String> it = exp.fieldNames(); it.hasNext();) {
                String k = it.next();
                if (!got.has(k)) out.add(path + "." + k + ": missing");
            }
            for (Iterator<String> it = got.fieldNames(); it.hasNext();) {
                String k = it.next();
                if (!exp.has(k)) out.add(path + "." + k + ": not expected");
                else compare(got.get(k), exp.get(k), path + "." + k, out, limit);
            }
        } else if (!got.equals(exp)) {
            out.add(path + ": got " + got + ", expected " + exp);
        }
    }
}
