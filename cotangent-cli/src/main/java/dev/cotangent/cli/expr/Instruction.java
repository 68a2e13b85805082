package dev.cotangent.cli.expr;

/**
 * One step of a compiled expression, in postfix (reverse Polish) order: push a number or a variable, or pop
 * operands and push the result of an operation. {@code start}/{@code end} delimit the subexpression it computes
 * in the source, for messages.
 */
public record Instruction(Kind kind, double number, String name, char op, Builtin function, int start, int end) {

    /** What an instruction does. */
    public enum Kind {
        /** Push a number. */
        NUMBER,
        /** Push a variable's value. */
        VARIABLE,
        /** Negate the top of the stack. */
        NEGATE,
        /** Pop b, pop a, push a op b for op in + - * / ^. */
        BINARY,
        /** Pop the arguments of a built-in function and push its result. */
        CALL
    }

    static Instruction number(double v, int start, int end) {
        return new Instruction(Kind.NUMBER, v, null, ' ', null, start, end);
    }

    static Instruction variable(String name, int start, int end) {
        return new Instruction(Kind.VARIABLE, 0, name, ' ', null, start, end);
    }

    static Instruction negate(int start, int end) {
        return new Instruction(Kind.NEGATE, 0, null, '-', null, start, end);
    }

    static Instruction binary(char op, int start, int end) {
        return new Instruction(Kind.BINARY, 0, null, op, null, start, end);
    }

    static Instruction call(Builtin f, int start, int end) {
        return new Instruction(Kind.CALL, 0, f.name(), ' ', f, start, end);
    }

    /** The number of operands it pops. */
    public int operands() {
        return switch (kind) {
            case NUMBER, VARIABLE -> 0;
            case NEGATE -> 1;
            case BINARY -> 2;
            case CALL -> function.arity();
        };
    }
}
