/**
 * Gradients without differentiation: finite differences and the two-point random-direction estimator, each
 * an {@link dev.cotangent.nn.optim.Objective} so that any optimiser runs on it (zero-order gradient descent).
 */
package dev.cotangent.nn.estimate;
