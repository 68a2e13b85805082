/**
 * How the examples show their results: {@link dev.cotangent.examples.report.Plots} writes line and scatter plots
 * as PNG (XChart, headless), and {@link dev.cotangent.examples.report.Progress} is a training listener that draws
 * a console progress bar on a terminal and prints one line per epoch elsewhere.
 */
package dev.cotangent.examples.report;
