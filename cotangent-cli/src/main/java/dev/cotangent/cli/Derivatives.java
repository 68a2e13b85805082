package dev.cotangent.cli;

import dev.cotangent.AD;
import dev.cotangent.Ops;
import dev.cotangent.Tensor;
import dev.cotangent.ValueAndGrads;
import dev.cotangent.cli.expr.Expression;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The derivatives the commands print, computed by the engine's transforms on the parsed expressions. */
final class Derivatives {
    private Derivatives() {}

    /** f and ∇f by reverse mode (one forward and one backward pass), in the order of the point's names. */
    static double[] valueAndGradient(Expression e, Point p) {
        Map<String, Tensor> params = new LinkedHashMap<>();
        for (int i = 0; i < p.names().size(); i++) params.put(p.names().get(i), Tensor.scalar(p.values()[i]));
        ValueAndGrads vg = AD.valueAndGrad(e::evaluate, params);
        double[] out = new double[p.names().size() + 1];
        out[0] = vg.value().item();
        for (int i = 0; i < p.names().size(); i++) out[i + 1] = vg.grads().get(p.names().get(i)).item();
        return out;
    }

    /** The Hessian, forward-over-reverse (jacfwd of grad) on the vector of the point's values. */
    static double[][] hessian(Expression e, Point p) {
        int n = p.names().size();
        if (n == 0) return new double[0][0];
        double[] flat = AD.hessian(vectorForm(e, p.names())).apply(Tensor.of(p.values())).toArray();
        return rows(flat, n, n);
    }

    /** Each expression's value. */
    static double[] values(List<Expression> es, Point p) {
        Map<String, Tensor> env = new HashMap<>();
        for (int i = 0; i < p.names().size(); i++) env.put(p.names().get(i), Tensor.scalar(p.values()[i]));
        double[] v = new double[es.size()];
        for (int i = 0; i < v.length; i++) v[i] = es.get(i).evaluate(env).item();
        return v;
    }

    /**
     * The Jacobian, one row per expression, one column per variable; AD.jacobian picks the mode from the sizes
     * (reverse when there are no more expressions than variables).
     */
    static double[][] jacobian(List<Expression> es, Point p) {
        int n = p.names().size();
        int m = es.size();
        if (n == 0) return new double[m][0];
        Function<Tensor, Tensor> g = v -> {
            Map<String, Tensor> env = components(v, p.names());
            Tensor[] outs = new Tensor[m];
            for (int i = 0; i < m; i++) outs[i] = es.get(i).evaluate(env);
            return Ops.stack(0, outs);
        };
        return rows(AD.jacobian(g).apply(Tensor.of(p.values())).toArray(), m, n);
    }

    /** The expression as a function of one vector holding the variables in {@code names} order. */
    static Function<Tensor, Tensor> vectorForm(Expression e, List<String> names) {
        return v -> e.evaluate(components(v, names));
    }

    private static Map<String, Tensor> components(Tensor v, List<String> names) {
        Map<String, Tensor> env = new HashMap<>();
        for (int i = 0; i < names.size(); i++) env.put(names.get(i), Ops.reshape(Ops.slice(v, 0, i, i + 1)));
        return env;
    }

    private static double[][] rows(double[] flat, int m, int n) {
        double[][] r = new double[m][n];
        for (int i = 0; i < m; i++) System.arraycopy(flat, i * n, r[i], 0, n);
        return r;
    }
}
