package dev.cotangent;

import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.cotangent.check.CheckResult;
import dev.cotangent.check.GradCheck;
import dev.cotangent.check.Tolerance;
import dev.cotangent.graph.Evaluator;
import dev.cotangent.graph.Graph;
import dev.cotangent.graph.pass.Pipeline;
import dev.cotangent.primitive.Primitive;
import dev.cotangent.primitive.Registry;
import dev.cotangent.tensor.NDArray;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The differential fuzzer (issue 16, item 7): random programs that chain primitives drawn from the whole
 * {@link Registry}, with the registry's random shapes (broadcasting included) and operands inside each
 * primitive's domain, each checked five ways against the others: forward mode against finite differences,
 * reverse against forward (dot-product test), the staged graph, the optimised staged graph and the jitted program
 * (values, and its JVP and VJP against finite differences and each other) against direct evaluation, vmap
 * against a loop, and second order forward-over-reverse against reverse-over-reverse.
 *
 * <p>A program of input z ∈ R^D: block j applies primitive p_j to operands base + ε·tanh(A z + B·(earlier results)),
 * where base is the registry's valid draw and ε = 0.01 keeps every operand inside the registry's 0.05 margin from
 * kinks and domain edges (an operand where p_j is not smooth keeps its base). The output is a vector mixing all
 * results. Forty programs run in the test suite (seeded, so a failure reproduces); more with
 * {@code -Dcotangent.fuzz.programs=N} (for instance {@code mvn -pl cotangent-core test
 * -Dtest=DifferentialFuzzTest -Dcotangent.fuzz.programs=2000}).
 */
class DifferentialFuzzTest {
    private static final int PROGRAMS = Integer.getInteger("cotangent.fuzz.programs", 40);
    private static final int D = 3;
    private static final double EPS = 0.01;
    private static final Tolerance STAGED = new Tolerance(1e-12, 1e-13);
    private static final Tolerance SECOND = new Tolerance(1e-8, 1e-10);

    /** One block: a primitive, its valid base operands, and the fixed mixing weights of its perturbations. */
    private record Block(Registry.Case c, NDArray[] base, NDArray[] fromInput, NDArray[] fromEarlier) {}

    private record Program(List<Block> blocks, NDArray mixOut, int outSize) {}

    @TestFactory
    Stream<DynamicTest> randomPrograms() {
        return IntStream.range(0, PROGRAMS).mapToObj(i -> dynamicTest("program " + i, () -> check(20261204L + 7919L * i)));
    }

    private static Program draw(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<Registry.Case> cases = Registry.cases();
        List<Block> blocks = new ArrayList<>();
        int earlier = 0;   // how many result elements the blocks so far produce
        int n = 2 + r.nextInt(4);
        for (int j = 0; j < n; j++) {
            Registry.Case c = cases.get(r.nextInt(cases.size()));
            NDArray[] base = c.inputs().apply(r);
            NDArray[] fromInput = new NDArray[base.length];
            NDArray[] fromEarlier = new NDArray[base.length];
            for (int i = 0; i < base.length; i++) {
                int size = base[i].size();
                fromInput[i] = NDArray.uniform(r, -1, 1, size, D);
                fromEarlier[i] = earlier == 0 ? null : NDArray.uniform(r, -1, 1, size, earlier);
            }
            blocks.add(new Block(c, base, fromInput, fromEarlier));
            for (NDArray y : c.primitive().applyAll(base)) earlier += y.size();
        }
        int outSize = 1 + r.nextInt(4);
        return new Program(blocks, NDArray.uniform(r, -1, 1, outSize, earlier), outSize);
    }

    /** The program as a function of z [D], giving a vector of outSize. */
    private static Function<Tensor, Tensor> function(Program p) {
        return z -> {
            List<Tensor> results = new ArrayList<>();
            for (Block b : p.blocks()) {
                Tensor flatEarlier = results.isEmpty() ? null : Ops.concat(0, results.toArray(new Tensor[0]));
                Primitive prim = b.c().primitive();
                Tensor[] args = new Tensor[b.base().length];
                for (int i = 0; i < args.length; i++) {
                    Tensor base = Tensor.from(b.base()[i]);
                    if (!b.c().smooth()[i]) {
                        args[i] = base;
                        continue;
                    }
                    Tensor signal = Tensor.from(b.fromInput()[i]).matmul(z);
                    if (flatEarlier != null) signal = signal.add(Tensor.from(b.fromEarlier()[i]).matmul(flatEarlier));
                    args[i] = base.add(signal.tanh().mul(EPS).reshape(base.shape()));
                }
                for (Tensor y : Ops.applyAll(prim, args)) results.add(y.reshape(y.size()));
            }
            return Tensor.from(p.mixOut()).matmul(Ops.concat(0, results.toArray(new Tensor[0])));
        };
    }

    private static void check(long seed) {
        Program p = draw(seed);
        Function<Tensor, Tensor> f = function(p);
        SplittableRandom r = new SplittableRandom(seed ^ 0x5DEECE66DL);
        Tensor z = GradCheck.random(r, D);
        Tensor v = GradCheck.random(r, D);
        Tensor u = GradCheck.random(r, p.outSize());
        List<CheckResult> results = new ArrayList<>();
        results.add(GradCheck.jvp(f, z, v, Tolerance.FINITE_DIFFERENCES));
        results.add(GradCheck.dotProduct(f, z, u, v, Tolerance.ROUNDING));
        // the staged program, before and after the passes, computes the same values
        NDArray direct = f.apply(z).value();
        Graph g = AD.stage(in -> new Tensor[] {f.apply(in[0])}, z);
        results.add(STAGED.compare("staged graph", direct, Evaluator.run(g, z)[0].value()));
        results.add(STAGED.compare("optimised graph", direct, Evaluator.run(Pipeline.standard().apply(g), z)[0].value()));
        // the compiled program (AD.jit) too, and its derivatives (compiled JVP and VJP programs)
        Function<Tensor[], Tensor[]> jitted = AD.jit(in -> new Tensor[] {f.apply(in[0])});
        Function<Tensor, Tensor> jf = x -> jitted.apply(new Tensor[] {x})[0];
        results.add(STAGED.compare("jitted", direct, jf.apply(z).value()));
        results.add(GradCheck.jvp(jf, z, v, Tolerance.FINITE_DIFFERENCES));
        results.add(GradCheck.dotProduct(jf, z, u, v, Tolerance.ROUNDING));
        // vmap over three inputs equals the loop
        Tensor zs = Tensor.from(NDArray.stack(0, z.value(), v.value(), z.value().zip(
                dev.cotangent.kernel.BinaryKernel.Fn.SUB, v.value())));
        NDArray batched = AD.vmap(f).apply(zs).value();
        for (int k = 0; k < 3; k++) {
            NDArray row = zs.value().slice(0, k, k + 1).reshape(D);
            results.add(STAGED.compare("vmap row " + k, f.apply(Tensor.from(row)).value(),
                    batched.slice(0, k, k + 1).reshape(p.outSize())));
        }
        // second order on the scalarisation ⟨u, f⟩
        Function<Tensor, Tensor> s = x -> f.apply(x).mul(u).sum();
        results.add(GradCheck.hvpModes(s, z, v, SECOND));
        StringBuilder failures = new StringBuilder();
        for (CheckResult c : results) if (!c.passed()) failures.append("\n  ").append(c);
        if (failures.length() > 0) {
            StringBuilder blocks = new StringBuilder();
            for (Block b : p.blocks()) blocks.append(blocks.length() == 0 ? "" : " -> ").append(b.c().label());
            throw new AssertionError("program seed " + seed + " (" + blocks + "):" + failures);
        }
    }
}
