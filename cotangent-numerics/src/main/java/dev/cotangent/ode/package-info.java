/**
 * Differentiable ODE solvers: {@link dev.cotangent.ode.Ode#solve} gives x(t1) for dx/dt = u(x, θ), x(0) = x₀, by
 * fixed-step RK4 or adaptive Dormand–Prince 5(4) ({@link dev.cotangent.ode.OdeOptions}). Reverse mode either
 * differentiates the solver's steps (DISCRETE: through {@link dev.cotangent.Loop#scan} with a
 * {@link dev.cotangent.Checkpoints} schedule; the exact gradient of the computed solution) or integrates the
 * continuous adjoint z' = −[∂ₓu]ᵀz, θ̄' = −[∂θu]ᵀz backwards (ADJOINT: an {@link dev.cotangent.AD#customVjp} rule
 * whose memory does not grow with the number of steps). Start with
 * {@code Ode.solve(u, x0, theta, 1.0, OdeOptions.dopri5(1e-8, 1e-10))}. Built on core's public API only.
 */
package dev.cotangent.ode;
