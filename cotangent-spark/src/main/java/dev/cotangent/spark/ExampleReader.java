package dev.cotangent.spark;

import java.io.Serializable;

/**
 * How the trainer reads one element of the user's distributed collection (a {@code Row}, an {@link Example}, a
 * record of theirs) as an {@link Example}; it runs on the executors, hence {@link Serializable}. It may throw
 * {@link IllegalArgumentException} for an element it cannot read: the trainer reports it with its partition and
 * row.
 *
 * @param <T> the element type
 */
@FunctionalInterface
public interface ExampleReader<T> extends Serializable {
    /** The example {@code element} stands for. */
    Example read(T element);
}
