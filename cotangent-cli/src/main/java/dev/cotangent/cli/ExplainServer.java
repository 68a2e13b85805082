package dev.cotangent.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.cotangent.cli.expr.Expression;
import dev.cotangent.cli.expr.ParseException;
import dev.cotangent.cli.expr.Parser;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The server of {@code cotangent serve}: the JDK's {@link HttpServer}, bound to 127.0.0.1 only (there is no way
 * to ask for another address), serving its own page from the classpath and {@code GET /api/explain?f=&at=},
 * which answers with the JSON of {@code explain --json} (for several expressions separated by ';', that of
 * {@code jacobian --json} plus the mode and its cost) or, for bad input, {@code {"error": message, "caret":
 * column}} with status 400. Requests run on a small pool of threads; the engine keeps its trace state per thread.
 */
final class ExplainServer implements AutoCloseable {
    /** The longest formula the page accepts, in characters. */
    static final int MAX_CHARS = 2000;
    /** The most operations (operators and function calls) a formula may have: beyond, the drawing is unreadable. */
    static final int MAX_OPS = 200;
    private static final int THREADS = 4;
    private static final String WEB = "/dev/cotangent/cli/web/";
    private static final Map<String, String> FILES = Map.of(
            "/", "index.html", "/index.html", "index.html", "/app.js", "app.js", "/graph.js", "graph.js",
            "/style.css", "style.css");

    private final HttpServer server;
    private final ExecutorService pool;

    /** Starts serving on 127.0.0.1:{@code port} (0: a free port). */
    ExplainServer(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
        pool = Executors.newFixedThreadPool(THREADS, r -> {
            Thread t = new Thread(r, "cotangent-serve");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(pool);
        server.createContext("/", this::handle);
        server.start();
    }

    /** The bound address (always a loopback address). */
    InetSocketAddress address() {
        return server.getAddress();
    }

    /** The page's URL. */
    String url() {
        return "http://127.0.0.1:" + address().getPort() + "/";
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String method = ex.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                ex.getResponseHeaders().set("Allow", "GET, HEAD");
                send(ex, 405, "text/plain", "only GET and HEAD\n");
                return;
            }
            if (!hostAllowed(ex.getRequestHeaders().getFirst("Host"))) {
                send(ex, 403, "text/plain", "this server answers only to 127.0.0.1 and localhost\n");
                return;
            }
            String path = ex.getRequestURI().getRawPath();
            if (path.equals("/api/explain")) {
                Answer a = explain(query(ex.getRequestURI().getRawQuery()));
                send(ex, a.status(), "application/json", a.json());
            } else if (FILES.containsKey(path)) {
                String name = FILES.get(path);
                send(ex, 200, type(name), resource(name));
            } else {
                send(ex, 404, "text/plain", "not found: " + path + "\n");
            }
        } catch (RuntimeException e) {
            send(ex, 500, "application/json", error("internal error: " + e, 0));
        }
    }

    /** A status and a JSON body. */
    record Answer(int status, String json) {}

    /** The answer to {@code /api/explain} with these query parameters: 200 and the explanation, or 400 and why. */
    static Answer explain(Map<String, String> q) {
        String f = q.get("f");
        String at = q.getOrDefault("at", "");
        if (f == null || f.isBlank()) return new Answer(400, error("type a formula, e.g. y*log(x) + sqrt(y*log(x))", 0));
        if (f.length() > MAX_CHARS) {
            return new Answer(400, error("the formula has " + f.length() + " characters; the page takes at most "
                    + MAX_CHARS + " (the command line has no limit: cotangent explain)", MAX_CHARS + 1));
        }
        try {
            List<Expression> parsed = Parser.parseAll(f);
            int ops = 0;
            for (Expression e : parsed) ops += e.operationCount();
            if (ops > MAX_OPS) {
                return new Answer(400, error("the formula has " + ops + " operations; the page draws at most " + MAX_OPS
                        + " (the command line has no limit: cotangent explain)", 0));
            }
        } catch (ParseException e) {
            // reported below by the same path as the command line's
        }
        try {
            return new Answer(200, ExplainJson.of(f, at.isBlank() ? List.of() : List.of(at), InputStream.nullInputStream()));
        } catch (CliException e) {
            String message = e.getMessage().lines().findFirst().orElse("").replaceFirst(" \\(column \\d+\\)$", "");
            return new Answer(400, error(forThePage(message), e.column));
        }
    }

    /** The command line's message in the page's words: the point is a field there, not the option --at. */
    static String forThePage(String message) {
        return message.replace("give one with --at, e.g. --at ", "give one in the point, e.g. ")
                .replaceFirst("^--at ", "the point ").replace("--at", "the point");
    }

    /** {@code {"error": message, "caret": column}}, the column 1-based, null when the error has no place. */
    static String error(String message, int column) {
        return Json.write(g -> {
            g.writeStartObject();
            g.writeStringField("error", message);
            g.writeFieldName("caret");
            if (column > 0) g.writeNumber(column);
            else g.writeNull();
            g.writeEndObject();
        });
    }

    static Map<String, String> query(String raw) {
        Map<String, String> m = new HashMap<>();
        if (raw == null) return m;
        for (String part : raw.split("&")) {
            int eq = part.indexOf('=');
            String k = eq < 0 ? part : part.substring(0, eq);
            String v = eq < 0 ? "" : part.substring(eq + 1);
            try {
                m.putIfAbsent(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException bad) {
                m.putIfAbsent(k, v);
            }
        }
        return m;
    }

    private boolean hostAllowed(String host) {
        if (host == null) return true; // HTTP/1.0 clients send none
        int port = address().getPort();
        return host.equals("127.0.0.1:" + port) || host.equals("localhost:" + port) || host.equals("127.0.0.1")
                || host.equals("localhost");
    }

    private static String type(String name) {
        return name.endsWith(".html") ? "text/html" : name.endsWith(".js") ? "text/javascript" : "text/css";
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = ExplainServer.class.getResourceAsStream(WEB + name)) {
            if (in == null) throw new IllegalStateException("missing resource " + WEB + name);
            return in.readAllBytes();
        }
    }

    private static void send(HttpExchange ex, int status, String type, String body) throws IOException {
        send(ex, status, type, body.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        var h = ex.getResponseHeaders();
        h.set("Content-Type", type + "; charset=utf-8");
        h.set("Cache-Control", "no-store");
        h.set("X-Content-Type-Options", "nosniff");
        h.set("Content-Security-Policy", "default-src 'self'; style-src 'self' 'unsafe-inline'");
        boolean head = ex.getRequestMethod().equals("HEAD");
        ex.sendResponseHeaders(status, head ? -1 : body.length);
        if (!head) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
