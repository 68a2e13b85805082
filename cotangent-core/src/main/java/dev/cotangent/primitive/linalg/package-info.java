/**
 * The primitives of {@code dev.cotangent.Linalg}, one file each, as in {@code dev.cotangent.primitive}: the LAPACK
 * implementation (through {@code dev.cotangent.kernel.Lapack}), the shape rule, and the JVP, VJP and batching rules
 * written with ops, so that they nest and vmap. Every op takes a matrix {@code [n, n]} or a stack
 * {@code [..., n, n]}; batch axes broadcast between operands as matmul's do.
 *
 * <p>The LU/Cholesky family: {@link dev.cotangent.primitive.linalg.Solve},
 * {@link dev.cotangent.primitive.linalg.TriangularSolve}, {@link dev.cotangent.primitive.linalg.Cholesky},
 * {@link dev.cotangent.primitive.linalg.LuInverse}, {@link dev.cotangent.primitive.linalg.Det},
 * {@link dev.cotangent.primitive.linalg.LogAbsDet}, {@link dev.cotangent.primitive.linalg.DetSign},
 * {@link dev.cotangent.primitive.linalg.Adjugate} and its derivative
 * {@link dev.cotangent.primitive.linalg.AdjugateTangent}; they share LU factorizations through {@code LuCache},
 * their shape rules ({@code LuShapes}) and the ops their rules are written with
 * ({@link dev.cotangent.primitive.linalg.LuRules}), and their registry cases are
 * {@link dev.cotangent.primitive.linalg.LuCases}. A newcomer starts with {@code Solve}.
 *
 * <p>Layer: that of {@code dev.cotangent.primitive}; only {@code Linalg} and the registry use it.
 */
package dev.cotangent.primitive.linalg;
