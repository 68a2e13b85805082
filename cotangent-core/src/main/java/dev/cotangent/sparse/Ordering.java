package dev.cotangent.sparse;

/**
 * The order in which greedy colouring visits the vertices (columns, rows, or the Hessian's variables). Greedy
 * colouring gives each vertex the smallest colour its coloured neighbours leave free; the order decides how many
 * colours that takes.
 */
public enum Ordering {
    /** 0, 1, 2, ...: for a banded matrix of bandwidth b, greedy then gives column j the colour j mod (2b+1). */
    NATURAL,
    /** By decreasing degree (ties by index), the vertices with most conflicts first (Welsh and Powell). */
    LARGEST_FIRST,
    /**
     * Repeatedly removes a vertex of smallest degree in what remains and colours in the reverse order of removal
     * (Matula and Beck): at most d + 1 colours, d the degeneracy of the graph.
     */
    SMALLEST_LAST,
    /** Repeatedly takes the vertex with most neighbours already ordered (Coleman and Moré). */
    INCIDENCE_DEGREE
}
