package dev.cotangent.transform;

import dev.cotangent.Tensor;

/** Checks shared by the transforms on what a user's function takes and returns; messages name the transform. */
final class Results {
    private Results() {}

    /** {@code out} is a non-empty array without nulls. */
    static Tensor[] require(String transform, Tensor[] out) {
        if (out == null) {
            throw new IllegalArgumentException(transform + ": the function returned null; it must return a Tensor");
        }
        for (int i = 0; i < out.length; i++) {
            if (out[i] == null) {
                throw new IllegalArgumentException(transform + ": the function returned null"
                        + (out.length > 1 ? " as result " + i : "") + "; it must return a Tensor");
            }
        }
        return out;
    }

    /** Each of {@code xs} is a tensor. */
    static void requireInputs(String transform, Tensor[] xs) {
        for (int i = 0; i < xs.length; i++) {
            if (xs[i] == null) throw new IllegalArgumentException(transform + ": input " + i + " is null");
        }
    }

    /** A tensor of zeros shaped like {@code x}. */
    static Tensor zerosLike(Tensor x) {
        return Tensor.zeros(x.shape());
    }
}
