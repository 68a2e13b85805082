package dev.cotangent.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cotangent.AD;
import dev.cotangent.Tensor;
import dev.cotangent.estimate.FiniteDifference;
import java.util.Map;
import java.util.function.Function;

/** Test helper: AD gradients of a loss over a parameter tree against central finite differences. */
final class GradCheck {
    private GradCheck() {}

    static void check(Function<Map<String, Tensor>, Tensor> loss, Map<String, Tensor> params, double tol) {
        Map<String, Tensor> ad = AD.valueAndGrad(loss, params).grads();
        Map<String, Tensor> fd = FiniteDifference.gradient(loss, params, 1e-6, FiniteDifference.Scheme.CENTRAL);
        assertEquals(params.keySet(), ad.keySet());
        double scale = Math.max(1.0, Params.norm(fd));
        for (String k : params.keySet()) {
            double[] a = ad.get(k).toArray();
            double[] f = fd.get(k).toArray();
            assertEquals(f.length, a.length, k);
            for (int i = 0; i < a.length; i++) {
                double err = Math.abs(a[i] - f[i]);
                assertTrue(err <= tol * scale, () -> "gradient of '" + k + "' differs from finite differences: "
                        + java.util.Arrays.toString(a) + " vs " + java.util.Arrays.toString(f));
            }
        }
        assertTrue(Params.norm(ad) > 0, "a zero gradient checks nothing");
    }
}
