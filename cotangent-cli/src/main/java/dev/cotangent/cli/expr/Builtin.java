package dev.cotangent.cli.expr;

import dev.cotangent.Ops;
import dev.cotangent.Tensor;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A built-in function of the expression language: its name, its number of arguments, the Cotangent op it stands for,
 * and where it is defined (for domain-error messages).
 */
public record Builtin(String name, int arity, java.util.function.Function<Tensor[], Tensor> op, String domain) {

    private static final Map<String, Builtin> ALL = new TreeMap<>();

    static {
        unary("sin", Ops::sin, null);
        unary("cos", Ops::cos, null);
        unary("tan", Ops::tan, "x not an odd multiple of pi/2");
        unary("asin", Ops::asin, "-1 <= x <= 1");
        unary("acos", Ops::acos, "-1 <= x <= 1");
        unary("atan", Ops::atan, null);
        unary("sinh", Ops::sinh, null);
        unary("cosh", Ops::cosh, null);
        unary("tanh", Ops::tanh, null);
        unary("exp", Ops::exp, null);
        unary("log", Ops::log, "x > 0");
        unary("log1p", Ops::log1p, "x > -1");
        unary("expm1", Ops::expm1, null);
        unary("sqrt", Ops::sqrt, "x >= 0");
        unary("abs", Ops::abs, null);
        unary("sigmoid", Ops::sigmoid, null);
        unary("relu", Ops::relu, null);
        unary("softplus", Ops::softplus, null);
        binary("pow", Ops::pow, "a > 0, or a = 0 with b > 0, or a < 0 with an integer b");
        binary("max", Ops::maximum, null);
        binary("min", Ops::minimum, null);
        binary("atan2", Ops::atan2, null);
    }

    private static void unary(String name, java.util.function.UnaryOperator<Tensor> f, String domain) {
        ALL.put(name, new Builtin(name, 1, a -> f.apply(a[0]), domain));
    }

    private static void binary(String name, java.util.function.BinaryOperator<Tensor> f, String domain) {
        ALL.put(name, new Builtin(name, 2, a -> f.apply(a[0], a[1]), domain));
    }

    /** The function called {@code name}, or null. */
    public static Builtin named(String name) {
        return ALL.get(name);
    }

    /** Every function name, sorted. */
    public static List<String> names() {
        return List.copyOf(ALL.keySet());
    }

    /** Applies the op. */
    public Tensor apply(Tensor... args) {
        return op.apply(args);
    }

    /** How the function is written with its parameters, e.g. {@code pow(a, b)}. */
    public String signature() {
        return arity == 1 ? name + "(x)" : name.equals("atan2") ? "atan2(y, x)" : name + "(a, b)";
    }
}
