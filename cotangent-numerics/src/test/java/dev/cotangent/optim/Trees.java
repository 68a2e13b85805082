package dev.cotangent.optim;

import dev.cotangent.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;

/** Test helper: an ordered parameter tree from alternating names and tensors (cotangent-nn's Params.of). */
public final class Trees {
    private Trees() {}

    /** {@code Trees.of("w", w, "b", b)}, in that order. */
    public static Map<String, Tensor> of(Object... namesAndTensors) {
        Map<String, Tensor> m = new LinkedHashMap<>();
        for (int i = 0; i < namesAndTensors.length; i += 2) {
            m.put((String) namesAndTensors[i], (Tensor) namesAndTensors[i + 1]);
        }
        return m;
    }
}
