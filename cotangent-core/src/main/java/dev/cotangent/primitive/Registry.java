package dev.cotangent.primitive;

import dev.cotangent.primitive.linalg.LuCases;
import dev.cotangent.primitive.linalg.SpectralCases;
import dev.cotangent.tensor.NDArray;
import dev.cotangent.tensor.Shape;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.random.RandomGenerator;

/**
 * Every primitive of this package, each in the parameterisations worth testing, with a way to draw valid random
 * operands for it: shapes (broadcasting where the primitive broadcasts) and values inside the domain and away
 * from kinks (log and sqrt on positive numbers, asin in (−1, 1), relu and abs away from 0, max/min without
 * ties...). The exhaustive rule test runs every case through the finite-difference, dot-product and
 * second-order checks of {@code dev.cotangent.check}, and fails for a concrete {@link Primitive} class of this
 * package that has no case here: adding a primitive means adding its cases.
 *
 * <p>Margins: values stay at least 0.05 from every kink and domain boundary, which is far more than the reach
 * 2·h·|v| ≤ 2·10⁻³ of the finite-difference stencil for directions in [−1, 1].
 */
public final class Registry {
    private Registry() {}

    /**
     * One parameterisation of a primitive.
     *
     * @param label     a readable name, unique in the registry
     * @param primitive the instance to bind
     * @param inputs    draws operands for it (fresh arrays on each call)
     * @param smooth    for each operand, whether the primitive is differentiable in it at the drawn values; a
     *                  derivative with respect to an operand that is not smooth must be exactly zero (the
     *                  condition of where, every operand of a comparison)
     */
    public record Case(String label, Primitive primitive, Function<RandomGenerator, NDArray[]> inputs,
                       boolean[] smooth) {
        public Case {
            if (smooth.length != primitive.arity()) {
                throw new IllegalArgumentException(label + ": " + smooth.length + " smoothness flags for "
                        + primitive.arity() + " operands");
            }
        }

        /** Whether any operand is smooth, i.e. whether there is a non-zero derivative to check. */
        public boolean differentiable() {
            for (boolean b : smooth) if (b) return true;
            return false;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    private static final List<Case> CASES = Collections.unmodifiableList(build());

    /** All cases, in a fixed order. */
    public static List<Case> cases() {
        return CASES;
    }

    /** The primitive classes that have at least one case. */
    public static Set<Class<? extends Primitive>> classes() {
        Set<Class<? extends Primitive>> s = new LinkedHashSet<>();
        for (Case c : CASES) s.add(c.primitive().getClass());
        return s;
    }

    // ------------------------------------------------------------------ the cases

    private static List<Case> build() {
        List<Case> l = new ArrayList<>();
        // unary elementwise, on shapes of rank 0..3
        unary(l, Neg.INSTANCE, -2, 2);
        unary(l, Exp.INSTANCE, -2, 2);
        unary(l, Log.INSTANCE, 0.5, 3);
        unary(l, Log1p.INSTANCE, -0.5, 2);
        unary(l, Expm1.INSTANCE, -2, 2);
        unary(l, Sqrt.INSTANCE, 0.5, 3);
        unary(l, Sin.INSTANCE, -3, 3);
        unary(l, Cos.INSTANCE, -3, 3);
        l.add(new Case("sincos", SinCos.INSTANCE, r -> new NDArray[] {uniform(r, shape(r, 0, 3), -3, 3)}, yes(1)));
        unary(l, Tan.INSTANCE, -1.2, 1.2);
        unary(l, Asin.INSTANCE, -0.9, 0.9);
        unary(l, Acos.INSTANCE, -0.9, 0.9);
        unary(l, Atan.INSTANCE, -2, 2);
        unary(l, Sinh.INSTANCE, -2, 2);
        unary(l, Cosh.INSTANCE, -2, 2);
        unary(l, Tanh.INSTANCE, -2, 2);
        unary(l, Sigmoid.INSTANCE, -3, 3);
        unary(l, Softplus.INSTANCE, -3, 3);
        l.add(new Case("relu", Relu.INSTANCE, r -> new NDArray[] {awayFromZero(r, shape(r, 0, 3), 0.1, 2)}, yes(1)));
        l.add(new Case("abs", Abs.INSTANCE, r -> new NDArray[] {awayFromZero(r, shape(r, 0, 3), 0.1, 2)}, yes(1)));
        l.add(new Case("reciprocal", Reciprocal.INSTANCE,
                r -> new NDArray[] {awayFromZero(r, shape(r, 0, 3), 0.5, 2)}, yes(1)));

        // binary elementwise, with broadcasting
        binary(l, Add.INSTANCE, (r, s) -> new NDArray[] {uniform(r, s[0], -2, 2), uniform(r, s[1], -2, 2)});
        binary(l, Sub.INSTANCE, (r, s) -> new NDArray[] {uniform(r, s[0], -2, 2), uniform(r, s[1], -2, 2)});
        binary(l, Mul.INSTANCE, (r, s) -> new NDArray[] {uniform(r, s[0], -2, 2), uniform(r, s[1], -2, 2)});
        binary(l, Div.INSTANCE, (r, s) -> new NDArray[] {uniform(r, s[0], -2, 2), awayFromZero(r, s[1], 0.5, 2)});
        binary(l, Pow.INSTANCE, (r, s) -> new NDArray[] {uniform(r, s[0], 0.5, 2), uniform(r, s[1], -2, 2)});
        binary(l, Atan2.INSTANCE, (r, s) -> new NDArray[] {awayFromZero(r, s[0], 0.2, 2), uniform(r, s[1], -2, 2)});
        binary(l, Maximum.INSTANCE, (r, s) -> new NDArray[] {interleaved(r, s[0], 0), interleaved(r, s[1], 1)});
        binary(l, Minimum.INSTANCE, (r, s) -> new NDArray[] {interleaved(r, s[0], 0), interleaved(r, s[1], 1)});
        for (Compare c : new Compare[] {Compare.EQ, Compare.NE, Compare.LT, Compare.LE, Compare.GT, Compare.GE}) {
            // small integers, so that ties occur; piecewise constant: no operand is smooth
            l.add(new Case(c.name(), c, r -> {
                int[][] s = broadcastShapes(r, 2, 3);
                return new NDArray[] {integers(r, s[0]), integers(r, s[1])};
            }, no(2)));
        }
        l.add(new Case("where", Where.INSTANCE, r -> {
            int[][] s = broadcastShapes(r, 3, 3);
            return new NDArray[] {integers(r, s[0]), uniform(r, s[1], -2, 2), uniform(r, s[2], -2, 2)};
        }, new boolean[] {false, true, true}));

        // integer-valued and cut ops: zero derivative
        l.add(new Case("sign", UnaryStep.SIGN, r -> new NDArray[] {uniform(r, shape(r, 0, 3), -2, 2)}, no(1)));
        l.add(new Case("floor", UnaryStep.FLOOR, r -> new NDArray[] {uniform(r, shape(r, 0, 3), -3, 3)}, no(1)));
        l.add(new Case("stop_gradient", StopGradient.INSTANCE,
                r -> new NDArray[] {uniform(r, shape(r, 0, 3), -2, 2)}, no(1)));
        l.add(new Case("argmax[axis=1]", new Argmax(1), r -> new NDArray[] {distinct(r, shape(r, 2, 3))}, no(1)));
        l.add(new Case("argmax[axis=-1]", new Argmax(-1), r -> new NDArray[] {distinct(r, shape(r, 1, 3))}, no(1)));

        // reductions
        reductions(l, "sum", (a, k) -> new Sum(a, k), (r, s) -> uniform(r, s, -2, 2));
        reductions(l, "prod", (a, k) -> new Prod(a, k), (r, s) -> awayFromZero(r, s, 0.5, 1.5));
        reductions(l, "max", (a, k) -> new Extremum(true, a, k), Registry::distinct);
        reductions(l, "min", (a, k) -> new Extremum(false, a, k), Registry::distinct);
        reductions(l, "logsumexp", (a, k) -> new LogSumExp(a, k), (r, s) -> uniform(r, s, -3, 3));

        // shapes
        l.add(new Case("broadcast_to[2,3,4]", new BroadcastTo(Shape.of(2, 3, 4)), r -> new NDArray[] {
            uniform(r, pick(r, new int[][] {{}, {4}, {3, 1}, {1, 4}, {2, 1, 4}, {1, 3, 1}, {2, 3, 4}}), -2, 2)
        }, yes(1)));
        l.add(new Case("reshape[6,2]", new Reshape(Shape.of(6, 2)), r -> new NDArray[] {
            uniform(r, pick(r, new int[][] {{12}, {3, 4}, {2, 2, 3}, {2, 6}, {1, 12, 1}}), -2, 2)
        }, yes(1)));
        l.add(new Case("reshape[]", new Reshape(Shape.of()), r -> new NDArray[] {
            uniform(r, pick(r, new int[][] {{1}, {1, 1}}), -2, 2)
        }, yes(1)));
        l.add(new Case("transpose[1,0]", new Transpose(new int[] {1, 0}),
                r -> new NDArray[] {uniform(r, dims(r, 2), -2, 2)}, yes(1)));
        l.add(new Case("transpose[2,0,1]", new Transpose(new int[] {2, 0, 1}),
                r -> new NDArray[] {uniform(r, dims(r, 3), -2, 2)}, yes(1)));
        l.add(new Case("take[2,0,2,1; axis=1]", new Take(new int[] {2, 0, 2, 1}, 1), r -> new NDArray[] {
            uniform(r, new int[] {1 + r.nextInt(3), 3 + r.nextInt(2), 1 + r.nextInt(2)}, -2, 2)
        }, yes(1)));
        l.add(new Case("take[-1,0; axis=0]", new Take(new int[] {-1, 0}, 0), r -> new NDArray[] {
            uniform(r, new int[] {1 + r.nextInt(3), 2}, -2, 2)
        }, yes(1)));
        l.add(new Case("take[1; axis=-1]", new Take(new int[] {1}, -1), r -> new NDArray[] {
            uniform(r, new int[] {2, 2 + r.nextInt(2)}, -2, 2)
        }, yes(1)));
        l.add(new Case("index_add[0,2,0; axis=1, size=4]", new IndexAdd(new int[] {0, 2, 0}, 1, 4), r -> new NDArray[] {
            uniform(r, new int[] {1 + r.nextInt(2), 3, 1 + r.nextInt(3)}, -2, 2)
        }, yes(1)));
        l.add(new Case("index_add[1,-1; axis=0, size=3]", new IndexAdd(new int[] {1, -1}, 0, 3), r -> new NDArray[] {
            uniform(r, new int[] {2, 1 + r.nextInt(3)}, -2, 2)
        }, yes(1)));
        l.add(new Case("slice[1,0..3,2]", new Slice(new int[] {1, 0}, new int[] {3, 2}), r -> new NDArray[] {
            uniform(r, new int[] {3 + r.nextInt(2), 2 + r.nextInt(2)}, -2, 2)
        }, yes(1)));
        l.add(new Case("slice[0,1,0..1,3,2]", new Slice(new int[] {0, 1, 0}, new int[] {1, 3, 2}), r -> new NDArray[] {
            uniform(r, new int[] {1 + r.nextInt(2), 3, 2 + r.nextInt(2)}, -2, 2)
        }, yes(1)));
        l.add(new Case("pad[1,0|0,2]", new Pad(new int[] {1, 0}, new int[] {0, 2}),
                r -> new NDArray[] {uniform(r, dims(r, 2), -2, 2)}, yes(1)));
        l.add(new Case("pad[0|3]", new Pad(new int[] {0}, new int[] {3}),
                r -> new NDArray[] {uniform(r, dims(r, 1), -2, 2)}, yes(1)));
        l.add(new Case("concat[axis=1, n=3]", new Concat(1, 3), r -> {
            int a = 1 + r.nextInt(2);
            int c = 1 + r.nextInt(3);
            return new NDArray[] {
                uniform(r, new int[] {a, 1 + r.nextInt(3), c}, -2, 2),
                uniform(r, new int[] {a, 1 + r.nextInt(3), c}, -2, 2),
                uniform(r, new int[] {a, 1 + r.nextInt(3), c}, -2, 2)};
        }, yes(3)));
        l.add(new Case("concat[axis=0, n=2]", new Concat(0, 2), r -> {
            int c = 1 + r.nextInt(3);
            return new NDArray[] {
                uniform(r, new int[] {1 + r.nextInt(3), c}, -2, 2), uniform(r, new int[] {1 + r.nextInt(3), c}, -2, 2)};
        }, yes(2)));

        // matrix products, with broadcast batch axes
        for (boolean ta : new boolean[] {false, true}) {
            for (boolean tb : new boolean[] {false, true}) {
                l.add(new Case("matmul[transA=" + ta + ", transB=" + tb + "]", new MatMul(ta, tb),
                        r -> matmulOperands(r, ta, tb), yes(2)));
            }
        }
        LuCases.addTo(l);
        SpectralCases.addTo(l);
        return l;
    }

    // ------------------------------------------------------------------ families

    private interface Operands {
        NDArray[] draw(RandomGenerator r, int[][] shapes);
    }

    private interface ReductionMaker {
        Primitive make(int[] axes, boolean keepDims);
    }

    private interface Values {
        NDArray draw(RandomGenerator r, int[] dims);
    }

    private static void unary(List<Case> l, Unary p, double lo, double hi) {
        l.add(new Case(p.name(), p, r -> new NDArray[] {uniform(r, shape(r, 0, 3), lo, hi)}, yes(1)));
    }

    private static void binary(List<Case> l, Binary p, Operands ops) {
        l.add(new Case(p.name(), p, r -> ops.draw(r, broadcastShapes(r, 2, 3)), yes(2)));
    }

    /** All axes (rank 0..3), one axis, a negative axis, two axes (with and without keepDims). */
    private static void reductions(List<Case> l, String name, ReductionMaker make, Values values) {
        l.add(new Case(name + "[all]", make.make(null, false), r -> new NDArray[] {values.draw(r, shape(r, 0, 3))}, yes(1)));
        l.add(new Case(name + "[all, keepDims]", make.make(null, true),
                r -> new NDArray[] {values.draw(r, shape(r, 1, 3))}, yes(1)));
        l.add(new Case(name + "[axes=0]", make.make(new int[] {0}, false),
                r -> new NDArray[] {values.draw(r, shape(r, 1, 3))}, yes(1)));
        l.add(new Case(name + "[axes=1, keepDims]", make.make(new int[] {1}, true),
                r -> new NDArray[] {values.draw(r, shape(r, 2, 3))}, yes(1)));
        l.add(new Case(name + "[axes=-1]", make.make(new int[] {-1}, false),
                r -> new NDArray[] {values.draw(r, shape(r, 1, 3))}, yes(1)));
        l.add(new Case(name + "[axes=2,0]", make.make(new int[] {2, 0}, false),
                r -> new NDArray[] {values.draw(r, dims(r, 3))}, yes(1)));
        l.add(new Case(name + "[axes=0,-1, keepDims]", make.make(new int[] {0, -1}, true),
                r -> new NDArray[] {values.draw(r, dims(r, 3))}, yes(1)));
    }

    private static NDArray[] matmulOperands(RandomGenerator r, boolean ta, boolean tb) {
        int m = 1 + r.nextInt(3);
        int k = 1 + r.nextInt(3);
        int n = 1 + r.nextInt(3);
        int[][] batch = pick(r, new int[][][] {
            {{}, {}}, {{2}, {}}, {{}, {3}}, {{2}, {2}}, {{1}, {3}}, {{2, 1}, {3}}, {{3}, {2, 1}}});
        int[] a = append(batch[0], ta ? k : m, ta ? m : k);
        int[] b = append(batch[1], tb ? n : k, tb ? k : n);
        return new NDArray[] {uniform(r, a, -2, 2), uniform(r, b, -2, 2)};
    }

    // ------------------------------------------------------------------ shapes

    private static boolean[] yes(int n) {
        boolean[] b = new boolean[n];
        java.util.Arrays.fill(b, true);
        return b;
    }

    private static boolean[] no(int n) {
        return new boolean[n];
    }

    /** A random rank in [minRank, maxRank] and dimensions in [1, 3]. */
    private static int[] shape(RandomGenerator r, int minRank, int maxRank) {
        return dims(r, minRank + r.nextInt(maxRank - minRank + 1));
    }

    private static int[] dims(RandomGenerator r, int rank) {
        int[] d = new int[rank];
        for (int i = 0; i < rank; i++) d[i] = 1 + r.nextInt(3);
        return d;
    }

    /**
     * Shapes of {@code n} operands that broadcast together: a random result shape (rank ≤ maxRank), from which
     * each operand drops some leading axes and sets some axes to 1.
     */
    static int[][] broadcastShapes(RandomGenerator r, int n, int maxRank) {
        int[] out = dims(r, r.nextInt(maxRank + 1));
        int[][] s = new int[n][];
        for (int i = 0; i < n; i++) {
            int drop = r.nextInt(3) == 0 ? r.nextInt(out.length + 1) : 0;
            int[] d = java.util.Arrays.copyOfRange(out, drop, out.length);
            for (int j = 0; j < d.length; j++) if (r.nextInt(4) == 0) d[j] = 1;
            s[i] = d;
        }
        return s;
    }

    private static <T> T pick(RandomGenerator r, T[] options) {
        return options[r.nextInt(options.length)];
    }

    private static int[] append(int[] batch, int rows, int cols) {
        int[] d = java.util.Arrays.copyOf(batch, batch.length + 2);
        d[batch.length] = rows;
        d[batch.length + 1] = cols;
        return d;
    }

    // ------------------------------------------------------------------ values

    private static NDArray uniform(RandomGenerator r, int[] dims, double lo, double hi) {
        return NDArray.uniform(r, lo, hi, dims);
    }

    /** Magnitudes uniform in [lo, hi], random signs. */
    private static NDArray awayFromZero(RandomGenerator r, int[] dims, double lo, double hi) {
        double[] d = NDArray.uniform(r, lo, hi, dims).toArray();
        for (int i = 0; i < d.length; i++) if (r.nextBoolean()) d[i] = -d[i];
        return NDArray.wrap(Shape.of(dims), d);
    }

    /** Integers in {−1, 0, 1}: ties and zeros on purpose. */
    private static NDArray integers(RandomGenerator r, int[] dims) {
        double[] d = new double[Shape.of(dims).size()];
        for (int i = 0; i < d.length; i++) d[i] = r.nextInt(3) - 1;
        return NDArray.wrap(Shape.of(dims), d);
    }

    /**
     * Values 2k + parity + u with k ∈ {−1, 0, 1} and |u| ≤ 0.4: two arrays of different parity never come closer
     * than 0.2 to each other, and their order varies from entry to entry.
     */
    private static NDArray interleaved(RandomGenerator r, int[] dims, int parity) {
        double[] d = new double[Shape.of(dims).size()];
        for (int i = 0; i < d.length; i++) d[i] = 2 * (r.nextInt(3) - 1) + parity + 0.8 * (r.nextDouble() - 0.5);
        return NDArray.wrap(Shape.of(dims), d);
    }

    /** Values of a shuffled grid with spacing 0.25, jittered by at most 0.05: pairwise at least 0.15 apart. */
    private static NDArray distinct(RandomGenerator r, int[] dims) {
        int n = Shape.of(dims).size();
        double[] d = new double[n];
        for (int i = 0; i < n; i++) d[i] = 0.25 * (i - n / 2.0) + 0.1 * (r.nextDouble() - 0.5);
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            double t = d[i];
            d[i] = d[j];
            d[j] = t;
        }
        return NDArray.wrap(Shape.of(dims), d);
    }
}
