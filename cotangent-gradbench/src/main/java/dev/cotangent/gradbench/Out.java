package dev.cotangent.gradbench;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Writes an evaluation's output into the response line. Doubles are written in Java's shortest round-trip form;
 * NaN and ±Infinity are not JSON, so a non-finite number is refused with an {@link ArithmeticException} that
 * names where it is (the server then answers {@code success: false}; a line with NaN would end a GradBench run).
 */
public final class Out {
    private final JsonGenerator g;

    Out(JsonGenerator g) {
        this.g = g;
    }

    public Out number(double v) {
        return number(v, "output");
    }

    public Out integer(long v) {
        try {
            g.writeNumber(v);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** The array {@code v[from, to)}. */
    public Out array(double[] v, int from, int to) {
        startArray();
        for (int i = from; i < to; i++) number(v[i], "output element " + i);
        return endArray();
    }

    public Out array(double[] v) {
        return array(v, 0, v.length);
    }

    public Out ints(int[] v) {
        startArray();
        for (int x : v) integer(x);
        return endArray();
    }

    /** A row-major matrix of {@code cols} columns as an array of rows. */
    public Out matrix(double[] v, int cols) {
        startArray();
        for (int i = 0; i < v.length; i += cols) array(v, i, i + cols);
        return endArray();
    }

    public Out startArray() {
        try {
            g.writeStartArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    public Out endArray() {
        try {
            g.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    public Out startObject() {
        try {
            g.writeStartObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    public Out endObject() {
        try {
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    public Out field(String name) {
        try {
            g.writeFieldName(name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    private Out number(double v, String where) {
        if (!Double.isFinite(v)) {
            throw new ArithmeticException("the result has " + v + " at " + where + " (not a JSON number)");
        }
        try {
            g.writeNumber(v);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }
}
