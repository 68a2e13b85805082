package dev.cotangent;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cotangent.check.CheckResult;
import dev.cotangent.check.GradCheck;
import dev.cotangent.check.Tolerance;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random elementwise programs (the fusion compiler's home ground: chains of unary and binary functions over
 * operands of broadcasting shapes, full sums, sums over an axis, broadcasts) jitted against eager mode and finite
 * differences. A program is drawn from its seed, so jqwik reports a seed that reproduces a failure.
 */
class JitPropertiesTest {
    private static final Tolerance SAME = new Tolerance(1e-12, 1e-14);
    private static final int[][] SHAPES = {{3, 4}, {4}, {3, 1}, {}, {1, 4}};

    @Provide
    Arbitrary<Long> seeds() {
        return Arbitraries.longs();
    }

    /** The program of {@code seed} on inputs x [3,4] and y (a shape that broadcasts to [3,4]): its last value. */
    static Function<Tensor[], Tensor> program(long seed) {
        return in -> {
            SplittableRandom r = new SplittableRandom(seed);
            List<Tensor> pool = new ArrayList<>(List.of(in[0], in[1]));
            int ops = 3 + r.nextInt(10);
            for (int k = 0; k < ops; k++) {
                Tensor a = pool.get(r.nextInt(pool.size()));
                Tensor b = pool.get(r.nextInt(pool.size()));
                Tensor v;
                switch (r.nextInt(13)) {
                    case 0: v = a.sin(); break;
                    case 1: v = a.tanh(); break;
                    case 2: v = a.tanh().exp(); break;
                    case 3: v = a.square(); break;
                    case 4: v = a.neg().sigmoid(); break;
                    case 5: v = a.softplus(); break;
                    case 6: v = a.add(b); break;
                    case 7: v = a.sub(b).mul(0.5); break;
                    case 8: v = a.mul(b); break;
                    case 9: v = a.div(b.square().add(2)); break;
                    case 10: v = a.sum(); break;
                    case 11: v = a.rank() == 2 ? a.sum(true, 0) : a.cos(); break;
                    default: v = a.broadcastTo(3, 4).mul(b); break;
                }
                pool.add(v);
            }
            return pool.get(pool.size() - 1).add(in[0]);
        };
    }

    @Property(tries = 150)
    void jittedValuesAndGradientsEqualEagerAndFiniteDifferences(@ForAll("seeds") long seed) {
        SplittableRandom r = new SplittableRandom(seed ^ 0x9E3779B97F4A7C15L);
        Function<Tensor[], Tensor> f = program(seed);
        Tensor x = GradCheck.random(r, 3, 4);
        Tensor y = GradCheck.random(r, SHAPES[r.nextInt(SHAPES.length)]);
        Tensor[] xy = {x, y};
        List<CheckResult> results = new ArrayList<>();
        // values
        Function<Tensor[], Tensor[]> jf = AD.jit(in -> new Tensor[] {f.apply(in)});
        results.add(SAME.compare("value", f.apply(xy).value(), jf.apply(xy)[0].value()));
        // value and gradients compiled together, against eager reverse mode
        Function<Tensor[], Tensor> s = in -> f.apply(in).sum();
        Function<Tensor[], Tensor[]> vg = AD.jit(in -> {
            ValueAndGradList g = AD.valueAndGrad(s, in);
            return new Tensor[] {g.value(), g.grads().get(0), g.grads().get(1)};
        });
        Tensor[] out = vg.apply(xy);
        ValueAndGradList eager = AD.valueAndGrad(s, xy);
        results.add(SAME.compare("sum", eager.value().value(), out[0].value()));
        results.add(SAME.compare("grad x", eager.grads().get(0).value(), out[1].value()));
        results.add(SAME.compare("grad y", eager.grads().get(1).value(), out[2].value()));
        // the jitted function's own derivatives (compiled JVP and VJP programs) against finite differences and each other
        Function<Tensor, Tensor> ofX = z -> jf.apply(new Tensor[] {z, y})[0];
        results.add(GradCheck.jvp(ofX, x, GradCheck.random(r, 3, 4), Tolerance.FINITE_DIFFERENCES));
        results.add(GradCheck.dotProduct(ofX, x, GradCheck.random(r, 3, 4), GradCheck.random(r, 3, 4), Tolerance.ROUNDING));
        StringBuilder failures = new StringBuilder();
        for (CheckResult c : results) if (!c.passed()) failures.append("\n  ").append(c);
        assertTrue(failures.length() == 0, "program seed " + seed + ", y of shape " + y.dims() + ":" + failures);
    }
}
