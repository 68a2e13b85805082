/** The demos behind {@link dev.cotangent.nn.Demos}: each trains or solves something and writes PNG plots. */
package dev.cotangent.nn.demo;
