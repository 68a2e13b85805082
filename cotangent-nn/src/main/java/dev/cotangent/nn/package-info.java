/**
 * Neural-network modules ({@link dev.cotangent.nn.Module}: Linear, MLP, ResNet, Elman), losses and named
 * parameter trees ({@link dev.cotangent.nn.Params}) on top of Cotangent's public API; training optimisers are in
 * {@code .optim}, the training loop in {@code .train}. Start with {@link dev.cotangent.nn.MLP}.
 */
package dev.cotangent.nn;
