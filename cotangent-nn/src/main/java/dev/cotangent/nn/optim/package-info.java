/**
 * Training optimisers: plain functions {@code step(params, grads, state) -> Update(params, state)} on named
 * parameter trees ({@link dev.cotangent.nn.optim.Optimizer}: gradient descent, momentum and Nesterov, Adam and
 * AdamW, with learning-rate {@link dev.cotangent.nn.optim.Schedule}s), and {@link dev.cotangent.nn.optim.Descent},
 * the plain loop that runs one on any {@link dev.cotangent.optim.Objective}. The same updates run in place on
 * arrays ({@link dev.cotangent.nn.optim.FusedUpdate}); {@link dev.cotangent.nn.optim.InPlace} owns the optimiser
 * state and updates it that way, explicitly, while the immutable API stays the default. Start with
 * {@link dev.cotangent.nn.optim.Adam}. The general minimisers (L-BFGS, Newton, line searches) are in
 * cotangent-numerics' {@code dev.cotangent.optim}.
 */
package dev.cotangent.nn.optim;
