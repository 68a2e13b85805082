/**
 * Estimates from function values or Hessian-vector products instead of full derivatives: finite-difference
 * and two-point zero-order gradients (each an {@link dev.cotangent.optim.Objective}, so an optimiser runs on
 * it: zero-order descent), {@link dev.cotangent.estimate.CountingLoss} to count the evaluations they cost, and
 * Hutchinson's stochastic trace of a Hessian (a thin use of core's {@code dev.cotangent.sparse.Hutchinson}, which
 * also has Hutch++, the diagonal estimator and standard errors). Start with
 * {@link dev.cotangent.estimate.FiniteDifference}.
 */
package dev.cotangent.estimate;
