package dev.cotangent.gradbench;

import dev.cotangent.AD;
import dev.cotangent.Ops;
import dev.cotangent.Tensor;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * ht: hand tracking's residuals (observed points minus the posed model's vertices, or points on its triangles) as
 * a function of the 26 pose parameters. Only the vertices the residuals use are skinned. The Jacobian has 3N rows
 * and 26 columns, so it is taken by forward mode ({@code jacfwd}: 26 JVPs batched by vmap over the basis). In the
 * complicated variant residual i also depends on its own barycentric pair us[i]: that block-diagonal part is
 * compressed into two extra input directions (a shift of every us[i][0], resp. us[i][1], by one scalar), so one
 * jacfwd over 2 + 26 directions gives columns 0–1 (each row's own derivative) and 2–27.
 */
final class Ht implements Eval {
    @Override
    public String name() {
        return "ht";
    }

    @Override
    public List<String> functions() {
        return List.of("objective", "jacobian");
    }

    /** One workload: the model, the vertices used, and what each residual reads. */
    record Problem(HandModel model, Tensor positions, Tensor weights, Tensor points, int[] corner0, int[] corner1,
                   int[] corner2, Tensor us) {
        boolean complicated() {
            return us != null;
        }

        /** The residuals [3N] (row-major [N, 3]) for pose θ and barycentric coordinates us [N, 2]. */
        Tensor residuals(Tensor theta, Tensor bary) {
            Tensor posed = model.pose(theta, positions, weights);                           // [u, 3]
            Tensor hit;
            if (!complicated()) {
                hit = Ops.take(posed, corner0, 0);
            } else {
                Tensor u0 = Ops.slice(bary, 1, 0, 1);
                Tensor u1 = Ops.slice(bary, 1, 1, 2);
                Tensor a = Ops.take(posed, corner0, 0);
                Tensor b = Ops.take(posed, corner1, 0);
                Tensor c = Ops.take(posed, corner2, 0);
                hit = a.mul(u0).add(b.mul(u1)).add(c.mul(Tensor.scalar(1).sub(u0).sub(u1)));
            }
            return points.sub(hit).reshape(-1);
        }

        Tensor objective(Tensor theta) {
            return residuals(theta, us);
        }

        Tensor jacobian(Tensor theta) {
            if (!complicated()) return AD.jacfwd(this::objective).apply(theta);
            int n = corner0.length;
            Tensor seed = Ops.concat(0, Tensor.zeros(2), theta);
            return AD.jacfwd((Tensor v) -> {
                Tensor shift = Ops.slice(v, 0, 0, 2).reshape(1, 2);
                return residuals(Ops.slice(v, 0, 2, 2 + theta.size()), us.add(shift.broadcastTo(n, 2)));
            }).apply(seed);
        }
    }

    @Override
    public Prepared<?> prepare(String function, In input) {
        Problem p = decode(input);
        Tensor theta = Tensor.of(input.field("theta").doubles(26, "the pose parameters"));
        int cols = p.complicated() ? 28 : 26;
        return switch (function) {
            case "objective" -> Prepared.of(() -> p.objective(theta), (r, out) -> out.array(r.toArray()));
            case "jacobian" -> Prepared.of(() -> p.jacobian(theta), (r, out) -> out.matrix(r.toArray(), cols));
            default -> throw unknownFunction(function);
        };
    }

    static Problem decode(In input) {
        In data = input.field("data");
        In m = data.field("model");
        In parentsIn = m.field("parents");
        int[] parents = parentsIn.ints();
        int bones = parents.length;
        int count = m.field("bone_count").integer(1);
        if (count != bones) throw m.field("bone_count").bad("is " + count + " but parents has " + bones + " bones");
        double[] rel = matrices(m.field("base_relatives"), bones);
        double[] inv = matrices(m.field("inverse_base_absolutes"), bones);
        HandModel model = new HandModel(parents, rel, inv, m.field("is_mirrored").bool(), parentsIn);
        In posIn = m.field("base_positions");
        int vertices = posIn.length();
        double[] positions = posIn.matrix(vertices, 4, "homogeneous positions");
        double[] weights = m.field("weights").matrix(vertices, bones, "one weight per bone for every vertex");
        In corrIn = data.field("correspondences");
        int[] corr = corrIn.ints();
        int n = corr.length;
        double[] points = data.field("points").matrix(n, 3, "one 3-d point per correspondence");
        In usIn = input.field("us");
        boolean complicated = usIn.length() > 0;
        int[][] corners;
        if (!complicated) {
            for (int i = 0; i < n; i++) {
                if (corr[i] < 0 || corr[i] >= vertices) throw corrIn.at(i).bad("no vertex " + corr[i]);
            }
            corners = new int[][] {corr};
        } else {
            In triIn = m.field("triangles");
            int triangles = triIn.length();
            corners = new int[3][n];
            for (int i = 0; i < n; i++) {
                if (corr[i] < 0 || corr[i] >= triangles) throw corrIn.at(i).bad("no triangle " + corr[i]);
                int[] t = triIn.at(corr[i]).ints();
                if (t.length != 3) throw triIn.at(corr[i]).bad("expected 3 vertices, got " + t.length);
                for (int k = 0; k < 3; k++) {
                    if (t[k] < 0 || t[k] >= vertices) throw triIn.at(corr[i]).at(k).bad("no vertex " + t[k]);
                    corners[k][i] = t[k];
                }
            }
        }
        TreeSet<Integer> used = new TreeSet<>();
        for (int[] c : corners) for (int v : c) used.add(v);
        int[] usedList = used.stream().mapToInt(Integer::intValue).toArray();
        int[] slot = new int[vertices];
        for (int i = 0; i < usedList.length; i++) slot[usedList[i]] = i;
        int[][] local = new int[3][];
        for (int k = 0; k < corners.length; k++) local[k] = Arrays.stream(corners[k]).map(v -> slot[v]).toArray();
        Tensor us = complicated ? Tensor.of(new int[] {n, 2}, usIn.matrix(n, 2, "a barycentric pair per point")) : null;
        return new Problem(model, gather(positions, usedList, 4), gather(weights, usedList, bones),
                Tensor.of(new int[] {n, 3}, points), local[0], local[1], local[2], us);
    }

    private static Tensor gather(double[] rows, int[] which, int cols) {
        double[] out = new double[which.length * cols];
        for (int i = 0; i < which.length; i++) System.arraycopy(rows, which[i] * cols, out, i * cols, cols);
        return Tensor.of(new int[] {which.length, cols}, out);
    }

    private static double[] matrices(In in, int count) {
        in.length(count, "one 4x4 matrix per bone");
        double[] out = new double[count * 16];
        for (int b = 0; b < count; b++) System.arraycopy(in.at(b).matrix(4, 4, "a 4x4 matrix"), 0, out, 16 * b, 16);
        return out;
    }
}
