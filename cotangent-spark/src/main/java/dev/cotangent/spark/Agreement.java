package dev.cotangent.spark;

import dev.cotangent.Tensor;
import java.util.Map;

/**
 * How far two parameter trees of the same names and shapes are apart, for comparing a Spark run with a single-JVM
 * run: the largest, over parameters, of the relative max-norm difference ‖a − b‖∞ / ‖b‖∞ (‖a − b‖∞ for a
 * parameter b that is all zeros).
 */
public final class Agreement {
    private Agreement() {}

    /**
     * max over names of ‖a − b‖∞ / ‖b‖∞.
     *
     * @throws IllegalArgumentException if the trees do not have the same names and shapes
     */
    public static double maxRelativeDifference(Map<String, Tensor> a, Map<String, Tensor> b) {
        if (!a.keySet().equals(b.keySet())) {
            throw new IllegalArgumentException("maxRelativeDifference: parameters " + a.keySet() + " and "
                    + b.keySet() + " differ; compare trees of one model");
        }
        double worst = 0;
        for (Map.Entry<String, Tensor> e : a.entrySet()) {
            Tensor other = b.get(e.getKey());
            if (!e.getValue().dims().equals(other.dims())) {
                throw new IllegalArgumentException("maxRelativeDifference: parameter '" + e.getKey() + "' has shapes "
                        + e.getValue().dims() + " and " + other.dims() + "; compare trees of one model");
            }
            double[] x = e.getValue().toArray();
            double[] y = other.toArray();
            double diff = 0;
            double scale = 0;
            for (int i = 0; i < x.length; i++) {
                diff = Math.max(diff, Math.abs(x[i] - y[i]));
                scale = Math.max(scale, Math.abs(y[i]));
            }
            worst = Math.max(worst, scale > 0 ? diff / scale : diff);
        }
        return worst;
    }
}
