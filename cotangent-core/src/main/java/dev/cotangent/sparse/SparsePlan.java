package dev.cotangent.sparse;

/**
 * What a sparse Jacobian or Hessian plans for one input shape: the pattern and its colouring (columns: JVPs or
 * HVPs; rows: VJPs; star: HVPs read off symmetrically), made once and kept.
 */
public record SparsePlan(Pattern pattern, Coloring coloring) {
    /** The number of products each evaluation makes: the colour count. */
    public int products() {
        return coloring.count();
    }
}
