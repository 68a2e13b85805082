package dev.cotangent.graph;

import java.util.List;

/**
 * One line of a chain-rule table: variable {@code id}, the terms of its sum, and the resulting derivative.
 * In the forward (tangent) table a term is [∂x_k/∂x_l]·∂x_l/∂x_i over the parents l of k; in the reverse
 * (adjoint) table it is ∂f/∂x_m·[∂x_m/∂x_k] over the children m of k. A row without terms is a seed (or a
 * variable the derivative does not reach).
 */
public record ChainRow(int id, List<Term> terms, double value) {
    public ChainRow {
        terms = List.copyOf(terms);
    }

    /**
     * One product of a row: {@code other} is the parent l (forward) or child m (reverse), {@code local} the local
     * partial in brackets, {@code carried} the derivative carried from {@code other} (∂x_l/∂x_i, or ∂f/∂x_m).
     */
    public record Term(int other, double local, double carried) {}
}
