package dev.cotangent.cli;

import dev.cotangent.cli.expr.Instruction;
import dev.cotangent.graph.Numbers;

/** Why an operation gave NaN or ±∞ from finite operands, in words, for the domain-error message. */
final class DomainMessages {
    private DomainMessages() {}

    static String why(Instruction i, double[] a, double r) {
        String name = i.kind() == Instruction.Kind.CALL ? i.name() : i.kind() == Instruction.Kind.BINARY
                ? String.valueOf(i.op()) : "-";
        if (i.kind() == Instruction.Kind.BINARY && i.op() == '/' && a[1] == 0) {
            return "division by zero (" + Numbers.brief(a[0]) + "/0)";
        }
        if ((i.kind() == Instruction.Kind.BINARY && i.op() == '^') || "pow".equals(i.name())) {
            if (a[0] == 0 && a[1] < 0) return "0 raised to a negative power (" + Numbers.brief(a[1]) + ")";
            if (a[0] < 0 && a[1] != Math.rint(a[1])) {
                return "a negative base (" + Numbers.brief(a[0]) + ") needs an integer exponent, got " + Numbers.brief(a[1]);
            }
            return "the power " + Numbers.brief(a[0]) + "^" + Numbers.brief(a[1]) + " overflows a double (max about 1.8e308)";
        }
        if (i.kind() == Instruction.Kind.CALL && i.function().domain() != null && i.function().arity() == 1) {
            boolean outside = switch (i.name()) {
                case "log" -> a[0] <= 0;
                case "sqrt" -> a[0] < 0;
                case "log1p" -> a[0] <= -1;
                case "asin", "acos" -> Math.abs(a[0]) > 1;
                default -> true;
            };
            if (outside) {
                return i.name() + " is defined for " + i.function().domain() + ", and its argument is "
                        + Numbers.brief(a[0]);
            }
        }
        if (Double.isInfinite(r)) {
            return name + " overflows: the result is beyond the largest double (about 1.8e308)";
        }
        StringBuilder sb = new StringBuilder(name + " gives NaN for ");
        for (int k = 0; k < a.length; k++) sb.append(k > 0 ? ", " : "").append(Numbers.brief(a[k]));
        return sb.toString();
    }
}
