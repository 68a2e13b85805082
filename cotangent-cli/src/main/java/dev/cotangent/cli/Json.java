package dev.cotangent.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The {@code --json} output, written with Jackson's streaming generator. Numbers are printed in full
 * precision (Java's shortest round-trip form, as {@link Double#toString}); NaN and ±Infinity are not JSON
 * numbers, so they are printed as {@code null} (the command also says so on stderr).
 */
final class Json {
    private static final JsonFactory FACTORY = new JsonFactory();

    private Json() {}

    /** {@code {"value": v, "gradient": {"x": gx, ...}}}, plus variables and hessian when {@code hessian} is given. */
    static String gradient(double value, List<String> names, double[] gradient, double[][] hessian) {
        return write(g -> {
            g.writeStartObject();
            g.writeFieldName("value");
            number(g, value);
            g.writeObjectFieldStart("gradient");
            for (int i = 0; i < names.size(); i++) {
                g.writeFieldName(names.get(i));
                number(g, gradient[i]);
            }
            g.writeEndObject();
            if (hessian != null) {
                strings(g, "variables", names);
                matrix(g, "hessian", hessian);
            }
            g.writeEndObject();
        });
    }

    /** {@code {"values": [...], "variables": [...], "jacobian": [[...], ...]}}. */
    static String jacobian(double[] values, List<String> names, double[][] jacobian) {
        return write(g -> {
            g.writeStartObject();
            g.writeArrayFieldStart("values");
            for (double v : values) number(g, v);
            g.writeEndArray();
            strings(g, "variables", names);
            matrix(g, "jacobian", jacobian);
            g.writeEndObject();
        });
    }

    interface Body {
        void write(JsonGenerator g) throws IOException;
    }

    static String write(Body body) {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(w)) {
            body.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    static void number(JsonGenerator g, double v) throws IOException {
        if (Double.isFinite(v)) g.writeNumber(v);
        else g.writeNull();
    }

    private static void strings(JsonGenerator g, String field, List<String> names) throws IOException {
        g.writeArrayFieldStart(field);
        for (String n : names) g.writeString(n);
        g.writeEndArray();
    }

    private static void matrix(JsonGenerator g, String field, double[][] m) throws IOException {
        g.writeArrayFieldStart(field);
        for (double[] row : m) {
            g.writeStartArray();
            for (double v : row) number(g, v);
            g.writeEndArray();
        }
        g.writeEndArray();
    }
}
