package dev.cotangent.gradbench;

import dev.cotangent.AD;
import dev.cotangent.Ops;
import dev.cotangent.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * det: the determinant by recursive cofactor (Laplace) expansion along the first row, O(ℓ!) as the eval asks; the
 * gradient (the cofactor matrix) by reverse mode (one scalar output, ℓ² inputs).
 *
 * <p>The recursion is evaluated level by level rather than call by call: every minor of one depth of the recursion
 * tree is one element of a vector, so a level is a handful of tensor ops (gather the first-row entries, multiply by
 * the signs and the child minors' determinants, sum). The arithmetic is the recursion's, term for term. Matrices
 * above {@value #VECTORISED} × {@value #VECTORISED} are expanded in Java down to that size, which bounds the
 * vectors at 8!/2 elements.
 */
final class Det implements Eval {
    static final int VECTORISED = 8;
    private static final Map<Integer, Plan> PLANS = new ConcurrentHashMap<>();

    @Override
    public String name() {
        return "det";
    }

    @Override
    public List<String> functions() {
        return List.of("primal", "gradient");
    }

    @Override
    public Prepared<?> prepare(String function, In input) {
        int ell = input.field("ell").integer(1);
        Tensor a = Tensor.of(input.field("A").doubles(ell * ell, "ell * ell entries of a row-major matrix"));
        return switch (function) {
            case "primal" -> Prepared.of(() -> det(a, ell), (r, out) -> out.number(r.item()));
            case "gradient" -> Prepared.of(() -> AD.grad((Tensor m) -> det(m, ell)).apply(a),
                    (r, out) -> out.array(r.toArray()));
            default -> throw unknownFunction(function);
        };
    }

    /** The determinant of the k × k matrix {@code m} (flat, row-major) by expansion along its first row. */
    static Tensor det(Tensor m, int k) {
        if (k == 1) return m.reshape();
        if (k <= VECTORISED) return PLANS.computeIfAbsent(k, Plan::new).det(m);
        Tensor[] minors = new Tensor[k];
        for (int j = 0; j < k; j++) {
            int[] idx = new int[(k - 1) * (k - 1)];
            int at = 0;
            for (int r = 1; r < k; r++) {
                for (int c = 0; c < k; c++) if (c != j) idx[at++] = r * k + c;
            }
            minors[j] = det(Ops.take(m, idx, 0), k - 1);
        }
        return Ops.slice(m, 0, 0, k).mul(signs(k)).mul(Ops.stack(0, minors)).sum();
    }

    private static Tensor signs(int k) {
        double[] s = new double[k];
        for (int j = 0; j < k; j++) s[j] = j % 2 == 0 ? 1 : -1;
        return Tensor.of(s);
    }

    /**
     * The recursion tree of a k × k expansion as gathers: the nodes of depth t are the ordered choices of the
     * columns removed by rows 0..t−1, k!/(k−t)! of them; a node's children are stored contiguously in the order of
     * its remaining columns, so the child determinants reshape to [nodes, k − t].
     */
    private static final class Plan {
        final int k;
        /** For depth t = 0..k−3: the flat index of row t's entry in each child's removed column, node-major. */
        final List<int[]> coefficients = new ArrayList<>();
        /** The 2 × 2 leaves (rows k−2, k−1; columns a < b): indices of M[k−2][a], M[k−1][b], M[k−2][b], M[k−1][a]. */
        final int[][] leaves = new int[4][];
        final List<Tensor> signs = new ArrayList<>();

        Plan(int k) {
            this.k = k;
            List<int[]> nodes = new ArrayList<>();
            int[] all = new int[k];
            for (int c = 0; c < k; c++) all[c] = c;
            nodes.add(all);
            for (int t = 0; t < k - 2; t++) {
                int width = k - t;
                int[] coef = new int[nodes.size() * width];
                List<int[]> next = new ArrayList<>(nodes.size() * width);
                for (int i = 0; i < nodes.size(); i++) {
                    int[] cols = nodes.get(i);
                    for (int j = 0; j < width; j++) {
                        coef[i * width + j] = t * k + cols[j];
                        int[] rest = new int[width - 1];
                        for (int c = 0, at = 0; c < width; c++) if (c != j) rest[at++] = cols[c];
                        next.add(rest);
                    }
                }
                coefficients.add(coef);
                signs.add(signs(width));
                nodes = next;
            }
            for (int q = 0; q < 4; q++) leaves[q] = new int[nodes.size()];
            for (int i = 0; i < nodes.size(); i++) {
                int a = nodes.get(i)[0];
                int b = nodes.get(i)[1];
                leaves[0][i] = (k - 2) * k + a;
                leaves[1][i] = (k - 1) * k + b;
                leaves[2][i] = (k - 2) * k + b;
                leaves[3][i] = (k - 1) * k + a;
            }
        }

        Tensor det(Tensor m) {
            Tensor d = Ops.take(m, leaves[0], 0).mul(Ops.take(m, leaves[1], 0))
                    .sub(Ops.take(m, leaves[2], 0).mul(Ops.take(m, leaves[3], 0)));
            for (int t = k - 3; t >= 0; t--) {
                int width = k - t;
                int nodes = coefficients.get(t).length / width;
                Tensor coef = Ops.take(m, coefficients.get(t), 0).reshape(nodes, width).mul(signs.get(t));
                d = coef.mul(d.reshape(nodes, width)).sum(1);
            }
            return d.reshape();
        }
    }
}
