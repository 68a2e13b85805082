/**
 * Optimal transport: {@link dev.cotangent.ot.Sinkhorn}, entropic transport plans and costs by log-domain Sinkhorn
 * iterations, differentiable by unrolling the iterations or implicitly at the fixed point (the lecture's
 * "back-propagation through Sinkhorn" and "Hessian inversion").
 */
package dev.cotangent.ot;
