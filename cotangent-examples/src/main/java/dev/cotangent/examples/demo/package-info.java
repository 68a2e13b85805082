/**
 * The demos behind {@link dev.cotangent.examples.Demos}: each trains or solves something and writes PNG plots.
 * The digits classifiers (mlp, resnet, rnn) share {@code DigitsDemo}; mds, zero-order and newton show
 * cotangent-numerics' L-BFGS, estimators and Newton methods.
 */
package dev.cotangent.examples.demo;
