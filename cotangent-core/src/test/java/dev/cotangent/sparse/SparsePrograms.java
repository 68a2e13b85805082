package dev.cotangent.sparse;

import dev.cotangent.Ops;
import dev.cotangent.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * Random programs with sparse Jacobians, drawn from a seed: vectors combined by elementwise ops, shifts (slice
 * and pad), gathers (take), scatters (index_add), concatenation, sums over reshaped blocks, where on a
 * comparison, sincos, and products with constant sparse matrices. The recipe is fixed by the seed, so the same
 * function can be staged, differentiated densely and compressed.
 */
final class SparsePrograms {
    private SparsePrograms() {}

    /** A random f: [n] → [m] with a sparse Jacobian. */
    static Function<Tensor, Tensor> vectorProgram(long seed, int n) {
        return x -> {
            Random r = new Random(seed);
            List<Tensor> pool = new ArrayList<>(List.of(x));
            for (int step = 0; step < 7; step++) {
                Tensor a = pool.get(r.nextInt(pool.size()));
                Tensor b = pool.get(r.nextInt(pool.size()));
                pool.add(step(r, a, b));
            }
            Tensor out = pool.get(pool.size() - 1);
            return out.size() < 2 ? Ops.concat(0, out, pool.get(pool.size() - 2)) : out;
        };
    }

    /** A random scalar f: [n] → [] with a sparse Hessian: Σ of products and smooth functions of a random program. */
    static Function<Tensor, Tensor> scalarProgram(long seed, int n) {
        Function<Tensor, Tensor> g = vectorProgram(seed, n);
        return x -> {
            Tensor y = g.apply(x);
            int k = Math.min(y.size(), x.size());
            Tensor coupled = Ops.slice(y, 0, 0, k).mul(Ops.slice(x, 0, 0, k).sin());
            return coupled.sum().add(y.square().sum().mul(0.5));
        };
    }

    private static Tensor step(Random r, Tensor a, Tensor b) {
        int la = a.size();
        switch (r.nextInt(10)) {
            case 0: {
                switch (r.nextInt(4)) {
                    case 0: return a.sin();
                    case 1: return a.tanh();
                    case 2: return a.mul(0.25).exp();
                    default: return a.square();
                }
            }
            case 1: {
                int k = Math.min(la, b.size());
                Tensor a2 = Ops.slice(a, 0, 0, k);
                Tensor b2 = Ops.slice(b, 0, b.size() - k, b.size());
                switch (r.nextInt(3)) {
                    case 0: return a2.mul(b2);
                    case 1: return a2.add(b2.mul(1.5));
                    default: return a2.div(b2.cos().add(2));
                }
            }
            case 2: {
                if (la < 2) return a.neg();
                int s = 1 + r.nextInt(Math.min(3, la - 1));
                return Ops.pad(Ops.slice(a, 0, s, la), new int[] {0}, new int[] {s}).add(a.mul(0.5));
            }
            case 3: {
                int[] idx = new int[2 + r.nextInt(la + 2)];
                for (int i = 0; i < idx.length; i++) idx[i] = r.nextInt(la);
                return Ops.take(a, idx, 0).sin();
            }
            case 4: {
                int size = 1 + r.nextInt(la + 1);
                int[] idx = new int[la];
                for (int i = 0; i < la; i++) idx[i] = r.nextInt(size);
                return Ops.indexAdd(a.tanh(), idx, 0, size);
            }
            case 5:
                return Ops.concat(0, a, b.mul(0.3)).sin();
            case 6: {
                int block = la % 3 == 0 ? 3 : la % 2 == 0 ? 2 : 1;
                return Ops.sum(Ops.reshape(a.square(), la / block, block), false, 1);
            }
            case 7:
                return Ops.where(Ops.gt(a, Tensor.scalar(0.1)), a.square(), a.sin().mul(-1));
            case 8: {
                Tensor[] sc = Ops.sinCos(a);
                return sc[0].mul(sc[1]).add(sc[1]);
            }
            default: {
                int rows = 1 + r.nextInt(la + 2);
                double[] c = new double[rows * la];
                for (int i = 0; i < rows; i++) {
                    for (int k = 0; k < 2; k++) c[i * la + r.nextInt(la)] = r.nextInt(5) - 2 + 0.5;
                }
                return Tensor.of(new int[] {rows, la}, c).matmul(a);
            }
        }
    }
}
