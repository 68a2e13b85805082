package dev.cotangent;

import java.util.List;

/** How the result types print what they hold: tensors as NumPy does, arrays and lists of tensors as a list. */
final class Printing {
    private Printing() {}

    /** A tensor, an array or list of tensors, or any other value (a map, a record) as it prints itself. */
    static String tree(Object o) {
        if (o instanceof Tensor[] a) return Tensor.toString(a);
        if (o instanceof List<?> l && l.stream().allMatch(e -> e instanceof Tensor)) {
            return Tensor.toString(l.toArray(new Tensor[0]));
        }
        return String.valueOf(o);
    }

    /** A shape as a user writes it: {@code [2, 3]}, {@code []} for a scalar. */
    static String shape(Tensor t) {
        return java.util.Arrays.toString(t.shape());
    }
}
