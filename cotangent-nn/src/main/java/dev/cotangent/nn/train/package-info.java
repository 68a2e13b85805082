/**
 * The training loop: {@link dev.cotangent.nn.train.Trainer} runs mini-batch training of a
 * {@code dev.cotangent.nn.Module} on a {@code dev.cotangent.nn.data.Dataset} with any
 * {@code dev.cotangent.nn.optim.Optimizer} (gradients by {@code AD.valueAndGrad}), with early stopping on a
 * validation set, and reports each step and epoch ({@link dev.cotangent.nn.train.Epoch}) to a
 * {@link dev.cotangent.nn.train.TrainingListener}; {@link dev.cotangent.nn.train.History} is what a run measured.
 * A newcomer starts with {@code Trainer.fit}. The library prints plain lines at most: a console progress bar or
 * plots plug in as listeners from cotangent-examples.
 *
 * <p>Direction: the top of cotangent-nn; it uses the modules, losses, optimisers and data of this module and
 * cotangent-core's public API, and nothing in cotangent-nn depends on it.
 */
package dev.cotangent.nn.train;
