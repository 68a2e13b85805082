/**
 * The handwritten digits that the demos train on: {@link dev.cotangent.examples.data.Digits#load()} reads the
 * shipped CSV into cotangent-nn's {@code Dataset}, and a malformed row raises a
 * {@link dev.cotangent.examples.data.CsvFormatException} naming the file, the row and the problem.
 */
package dev.cotangent.examples.data;
