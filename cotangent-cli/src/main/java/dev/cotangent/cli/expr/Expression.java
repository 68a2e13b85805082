package dev.cotangent.cli.expr;

import dev.cotangent.Ops;
import dev.cotangent.Tensor;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * A parsed expression, compiled to postfix instructions that build Cotangent ops, so evaluating it under a
 * transform (grad, jvp, stage) differentiates or stages it like any Java code. Evaluation uses an explicit stack:
 * no recursion, whatever the nesting depth.
 */
public final class Expression {
    private final String source;
    private final int start;
    private final int end;
    private final List<Instruction> code;
    private final List<String> variables;

    Expression(String source, int start, int end, List<Instruction> code) {
        this.source = source;
        this.start = start;
        this.end = end;
        this.code = List.copyOf(code);
        LinkedHashSet<String> vars = new LinkedHashSet<>();
        for (Instruction i : code) if (i.kind() == Instruction.Kind.VARIABLE) vars.add(i.name());
        this.variables = List.copyOf(vars);
    }

    /** Called before each instruction runs (for messages that name the failing subexpression). */
    @FunctionalInterface
    public interface Probe {
        void at(Instruction instruction, Tensor[] operands);
    }

    /** The expression's own text (trimmed). */
    public String text() {
        return source.substring(start, end).trim();
    }

    /** The text of the subexpression an instruction computes. */
    public String text(Instruction i) {
        return source.substring(i.start(), i.end()).trim();
    }

    /** The whole source this expression was parsed from (several expressions share one). */
    public String source() {
        return source;
    }

    /** The variables it uses, in order of first appearance. */
    public List<String> variables() {
        return variables;
    }

    /** The compiled instructions. */
    public List<Instruction> code() {
        return code;
    }

    /** The number of operations it performs (instructions that are not pushes). */
    public int operationCount() {
        int n = 0;
        for (Instruction i : code) if (i.operands() > 0) n++;
        return n;
    }

    /** The value, with each variable taken from {@code env} (all must be present). */
    public Tensor evaluate(Map<String, Tensor> env) {
        return evaluate(env, null);
    }

    /** The value, calling {@code probe} (if not null) before each operation. */
    public Tensor evaluate(Map<String, Tensor> env, Probe probe) {
        Tensor[] stack = new Tensor[code.size()];
        int top = 0;
        for (Instruction i : code) {
            switch (i.kind()) {
                case NUMBER -> stack[top++] = Tensor.scalar(i.number());
                case VARIABLE -> {
                    Tensor v = env.get(i.name());
                    if (v == null) throw new IllegalArgumentException("variable " + i.name() + " has no value");
                    stack[top++] = v;
                }
                default -> {
                    int k = i.operands();
                    Tensor[] args = new Tensor[k];
                    System.arraycopy(stack, top - k, args, 0, k);
                    top -= k;
                    if (probe != null) probe.at(i, args);
                    stack[top++] = apply(i, args);
                }
            }
        }
        return stack[0];
    }

    /** The result of one operation instruction on its operands. */
    public static Tensor apply(Instruction i, Tensor[] a) {
        return switch (i.kind()) {
            case NEGATE -> Ops.neg(a[0]);
            case BINARY -> switch (i.op()) {
                case '+' -> Ops.add(a[0], a[1]);
                case '-' -> Ops.sub(a[0], a[1]);
                case '*' -> Ops.mul(a[0], a[1]);
                case '/' -> Ops.div(a[0], a[1]);
                case '^' -> Ops.pow(a[0], a[1]);
                default -> throw new AssertionError(i.op());
            };
            case CALL -> i.function().apply(a);
            default -> throw new AssertionError(i.kind());
        };
    }

    /** The instructions as a list of strings, e.g. {@code [x, 2, ^, neg]} (for tests). */
    public List<String> postfix() {
        List<String> out = new ArrayList<>();
        for (Instruction i : code) {
            out.add(switch (i.kind()) {
                case NUMBER -> numberText(i.number());
                case VARIABLE -> i.name();
                case NEGATE -> "neg";
                case BINARY -> String.valueOf(i.op());
                case CALL -> i.name();
            });
        }
        return out;
    }

    private static String numberText(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
