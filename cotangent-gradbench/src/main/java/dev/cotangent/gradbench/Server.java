package dev.cotangent.gradbench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tool's side of GradBench's protocol: one JSON object per line in, exactly one per line out with the same
 * {@code id}, flushed. {@code start} is answered with the tool's name, {@code define} with whether the module is
 * implemented, {@code evaluate} by decoding the input (timed as {@code prepare}), running the function while
 * {@code runs < min_runs || elapsed < min_seconds} (one {@code evaluate} timing per run) and writing the last run's
 * result; {@code analysis} and unknown kinds with {@code {"id"}}. A message that cannot be acted on (malformed
 * JSON, a missing or ill-typed field, an input of the wrong shape, an unknown module or function) and a function
 * that throws are answered {@code success: false} with an error naming the field or the cause, and the server
 * keeps serving. Nothing but response lines is written to {@code out}; the log goes to {@code log}.
 */
public final class Server {
    /** The tool name reported in the answer to {@code start}. */
    public static final String TOOL = "cotangent";

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final JsonFactory FACTORY = MAPPER.getFactory();

    private final Map<String, Eval> evals = new LinkedHashMap<>();
    private final PrintWriter log;

    /** A server answering for {@code evals}, logging to {@code log}. */
    public Server(List<Eval> evals, PrintWriter log) {
        for (Eval e : evals) this.evals.put(e.name(), e);
        this.log = log;
    }

    /** A server for every eval of {@link Evals#all()}. */
    public static Server standard(PrintWriter log) {
        return new Server(Evals.all(), log);
    }

    /**
     * Reads messages from {@code in} until its end, answering each on {@code out} (one line, flushed). Blank lines
     * are skipped.
     */
    public void serve(BufferedReader in, Writer out) throws IOException {
        for (String line; (line = in.readLine()) != null;) {
            if (line.isBlank()) continue;
            out.write(handle(line));
            out.write('\n');
            out.flush();
        }
    }

    /** The response line (without its newline) to one message line. */
    public String handle(String line) {
        JsonNode msg;
        try {
            msg = MAPPER.readTree(line);
        } catch (JsonProcessingException e) {
            return failure(null, "message: malformed JSON (" + e.getOriginalMessage() + ")");
        }
        if (msg == null || !msg.isObject()) {
            return failure(null, "message: expected a JSON object, got " + In.describe(msg));
        }
        JsonNode id = msg.get("id");
        try {
            In m = In.of(msg, "message");
            m.field("id");
            String kind = m.field("kind").string();
            switch (kind) {
                case "start":
                    return start(id, m);
                case "define":
                    return define(id, m);
                case "evaluate":
                    return evaluate(id, m);
                case "analysis":
                    analysis(m);
                    return respond(id, g -> {});
                default:
                    return respond(id, g -> {});
            }
        } catch (BadMessage e) {
            log("bad message " + clip(line) + ": " + e.getMessage());
            return failure(id, e.getMessage());
        } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {   // e.g. an input too big to decode
            log("message " + clip(line) + " failed: " + e);
            return failure(id, "cannot handle this message: " + e);
        }
    }

    private String start(JsonNode id, In m) {
        In eval = m.optional("eval");
        log("start" + (eval.isPresent() ? " " + eval.node().asText() : ""));
        Evals.warmUp();
        return respond(id, g -> g.writeStringField("tool", TOOL));
    }

    private String define(JsonNode id, In m) {
        String module = m.field("module").string();
        if (!evals.containsKey(module)) {
            return failure(id, "message.module: unknown module '" + module + "'; this tool implements "
                    + String.join(", ", evals.keySet()));
        }
        return respond(id, g -> g.writeBooleanField("success", true));
    }

    private void analysis(In m) {
        In valid = m.optional("valid");
        if (valid.isPresent() && valid.node().isBoolean() && !valid.node().booleanValue()) {
            In error = m.optional("error");
            log("analysis: evaluate " + m.optional("of").node() + " was judged invalid"
                    + (error.isPresent() ? ": " + error.node().asText() : ""));
        }
    }

    private String evaluate(JsonNode id, In m) {
        String module = m.field("module").string();
        String function = m.field("function").string();
        Eval eval = evals.get(module);
        if (eval == null) {
            throw new BadMessage("message.module: unknown module '" + module + "'; this tool implements "
                    + String.join(", ", evals.keySet()));
        }
        In input = m.field("input");
        In description = m.optional("description");
        String label = module + " " + function + (description.isPresent() ? " " + description.node().asText() : "");
        long p0 = System.nanoTime();
        int minRuns = 1;
        double minSeconds = 0;
        if (input.node().isObject()) {
            In runs = input.optional("min_runs");
            if (runs.isPresent()) minRuns = runs.integer(0);
            In seconds = input.optional("min_seconds");
            if (seconds.isPresent()) minSeconds = seconds.number();
        }
        Eval.Prepared<?> prepared = eval.prepare(function, input);
        long prepare = System.nanoTime() - p0;
        try {
            Timed t = time(prepared, minRuns, minSeconds);
            log(String.format("%s: %d run(s), mean %.3f ms", label, t.times.size(), t.mean() / 1e6));
            return respond(id, g -> {
                g.writeBooleanField("success", true);
                g.writeFieldName("output");
                g.writeRawValue(t.output);
                g.writeArrayFieldStart("timings");
                timing(g, "prepare", prepare);
                for (long ns : t.times) timing(g, "evaluate", ns);
                g.writeEndArray();
            });
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            log(label + " failed: " + e);
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            log(trace.toString());
            String why = e.getMessage() == null ? e.toString() : e.getClass().getSimpleName() + ": " + e.getMessage();
            return failure(id, module + " " + function + " failed: " + why);
        }
    }

    /** The runs' times and the last run's output, already written as JSON. */
    private record Timed(List<Long> times, String output) {
        double mean() {
            return times.stream().mapToLong(Long::longValue).average().orElse(0);
        }
    }

    private static <R> Timed time(Eval.Prepared<R> p, int minRuns, double minSeconds) {
        List<Long> times = new ArrayList<>();
        long start = System.nanoTime();
        R result;
        do {
            long t0 = System.nanoTime();
            result = p.run();
            times.add(System.nanoTime() - t0);
        } while (times.size() < minRuns || System.nanoTime() - start < minSeconds * 1e9);
        R last = result;
        return new Timed(times, json(g -> p.write(last, new Out(g))));
    }

    private static void timing(JsonGenerator g, String name, long ns) throws IOException {
        g.writeStartObject();
        g.writeStringField("name", name);
        g.writeNumberField("nanoseconds", Math.max(0, ns));
        g.writeEndObject();
    }

    private interface Body {
        void write(JsonGenerator g) throws IOException;
    }

    private static String json(Body body) {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(w)) {
            body.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    private static String respond(JsonNode id, Body fields) {
        return json(g -> {
            g.writeStartObject();
            g.writeFieldName("id");
            if (id == null) g.writeNull();
            else g.writeTree(id);
            fields.write(g);
            g.writeEndObject();
        });
    }

    private static String failure(JsonNode id, String error) {
        return respond(id, g -> {
            g.writeBooleanField("success", false);
            g.writeStringField("error", error);
        });
    }

    private void log(String s) {
        if (log == null) return;
        log.println("gradbench: " + s);
        log.flush();
    }

    private static String clip(String line) {
        return line.length() <= 120 ? line : line.substring(0, 117) + "...";
    }
}
