package dev.cotangent.graph;

import dev.cotangent.Ops;
import dev.cotangent.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * Random straight-line programs over two inputs (a vector of 3 and a scalar), for property tests of staging and
 * passes: a mix of binary and unary ops defined everywhere, repeated subexpressions (for CSE), neutral constants
 * x·1, x/1, x−0 and constant-only subterms (for folding), and unused values (for dead code). The program is a
 * fixed recipe drawn from the seed, so the same function can be run concretely, staged, or differentiated.
 */
final class RandomPrograms {
    private RandomPrograms() {}

    /** A scalar-valued random program of about {@code ops} operations: (v[3], s[]) ↦ sum(...). */
    static Function<Tensor[], Tensor[]> program(long seed, int ops) {
        return in -> {
            Random r = new Random(seed);
            List<Tensor> pool = new ArrayList<>(List.of(in[0], in[1]));
            for (int i = 0; i < ops; i++) {
                Tensor a = pool.get(r.nextInt(pool.size()));
                Tensor b = pool.get(r.nextInt(pool.size()));
                Tensor c;
                switch (r.nextInt(14)) {
                    case 0 -> c = Ops.add(a, b);
                    case 1 -> c = Ops.sub(a, b);
                    case 2 -> c = Ops.mul(a, b);
                    case 3 -> c = Ops.div(a, Ops.add(Tensor.scalar(2.0), Ops.cos(b)));
                    case 4 -> c = Ops.sin(a);
                    case 5 -> c = Ops.tanh(a);
                    case 6 -> c = Ops.mul(a, Tensor.scalar(1.0));
                    case 7 -> c = Ops.sub(Ops.div(a, Tensor.scalar(1.0)), Tensor.scalar(0.0));
                    case 8 -> c = Ops.mul(a, Ops.exp(Ops.neg(Tensor.scalar(0.5)))); // a constant subterm
                    case 9 -> c = Ops.add(Ops.sigmoid(a), Ops.sigmoid(a)); // a repeated subexpression
                    case 10 -> c = Ops.mul(b, a); // commutes with case 2
                    case 11 -> c = Ops.sqrt(Ops.add(Ops.mul(a, a), Tensor.scalar(1.0)));
                    case 12 -> c = Ops.maximum(a, b);
                    default -> c = Ops.softplus(a);
                }
                pool.add(c);
            }
            Tensor out = pool.get(pool.size() - 1);
            for (int i = pool.size() - 2; i >= 2 && i > pool.size() - 6; i--) out = Ops.add(out, pool.get(i));
            return new Tensor[] {Ops.sum(out)};
        };
    }

    static Tensor[] randomInputs(Random r) {
        return new Tensor[] {Tensor.of(r.nextGaussian(), r.nextGaussian(), r.nextGaussian()),
            Tensor.scalar(r.nextGaussian())};
    }
}
