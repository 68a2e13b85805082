package dev.cotangent;

/**
 * What a function returns to {@link AD#valueAndGradWithAux}: the scalar it is differentiated by (a loss) and
 * auxiliary results that ride along undifferentiated (metrics, predictions, a new state): JAX's {@code has_aux}.
 * The auxiliary part is any tree of tensors and plain values ({@code Map.of("accuracy", acc)}, a record, a list).
 *
 * <pre>{@code
 * var r = AD.valueAndGradWithAux(w -> {
 *     Tensor logits = x.matmul(w);
 *     return Aux.of(Ops.crossEntropy(logits, labels), logits);   // the loss, and the logits for the accuracy
 * }, w0);
 * r.value(); r.grad(); r.aux();
 * }</pre>
 *
 * @param value the scalar (0-d) to differentiate
 * @param aux   the auxiliary results, returned as values
 * @param <A>   the auxiliary results' type
 */
public record Aux<A>(Tensor value, A aux) {
    /** A loss and its auxiliary results. */
    public static <A> Aux<A> of(Tensor value, A aux) {
        return new Aux<>(value, aux);
    }
}
