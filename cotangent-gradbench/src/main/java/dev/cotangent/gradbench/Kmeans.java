package dev.cotangent.gradbench;

import dev.cotangent.AD;
import dev.cotangent.JvpResult;
import dev.cotangent.Ops;
import dev.cotangent.Tensor;
import java.util.List;

/**
 * kmeans: cost(C) = Σᵢ minⱼ ‖Pᵢ − Cⱼ‖², the squared distances as ‖P‖² − 2PCᵀ + ‖C‖² (one matrix product). {@code dir}
 * is J ⊘ diag(H) with J = ∇cost and H its Hessian, which is diagonal: H·1 = diag(H), so one forward-over-reverse
 * pass, {@code jvp(grad(cost), C, 1)}, gives J as its value and diag(H) as its tangent (no Hessian is formed).
 */
final class Kmeans implements Eval {
    @Override
    public String name() {
        return "kmeans";
    }

    @Override
    public List<String> functions() {
        return List.of("cost", "dir");
    }

    /**
     * Σᵢ of the squared distance to the nearest centroid, the nearest picked by a one-hot mask of the first minimum
     * (ties go to the lowest j, as the eval defines S_j; a comparison has derivative 0, so the mask is a constant to
     * the transforms, where {@code Ops.min} would split a tie's derivative).
     */
    static Tensor cost(Tensor points, Tensor centroids) {
        int k = centroids.shape()[0];
        Tensor pp = points.mul(points).sum(1).reshape(-1, 1);                     // [n, 1]
        Tensor cc = centroids.mul(centroids).sum(1).reshape(1, -1);               // [1, k]
        Tensor cross = Ops.matmul(points, centroids, false, true);                // [n, k]
        Tensor dist = pp.sub(cross.mul(2)).add(cc);
        Tensor nearest = Ops.argmax(dist.neg(), 1).reshape(-1, 1);                // [n, 1], first on ties
        Tensor mask = Ops.eq(nearest, Tensor.from(dev.cotangent.tensor.NDArray.arange(k)).reshape(1, k));
        return dist.mul(mask).sum();
    }

    @Override
    public Prepared<?> prepare(String function, In input) {
        In p = input.field("points");
        int d = p.columns();
        if (d == 0) throw p.bad("expected points of at least one coordinate");
        Tensor points = Tensor.of(new int[] {p.length(), d}, p.matrix(-1, d, "every point has d coordinates"));
        In c = input.field("centroids");
        if (c.length() == 0) throw c.bad("expected at least one centroid");
        Tensor centroids = Tensor.of(new int[] {c.length(), d}, c.matrix(-1, d, "a centroid has d coordinates, as the points"));
        return switch (function) {
            case "cost" -> Prepared.of(() -> cost(points, centroids), (r, out) -> out.number(r.item()));
            case "dir" -> Prepared.of(() -> {
                JvpResult jh = AD.jvp(AD.grad((Tensor cs) -> cost(points, cs)), centroids, Tensor.ones(centroids.shape()));
                return jh.value().div(jh.tangent());
            }, (r, out) -> out.matrix(r.toArray(), d));
            default -> throw unknownFunction(function);
        };
    }
}
