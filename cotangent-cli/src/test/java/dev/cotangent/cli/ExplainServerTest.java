package dev.cotangent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The server of {@code cotangent serve}: its API against {@code explain --json}, errors, paths, binding, threads. */
class ExplainServerTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static ExplainServer server;

    @BeforeAll
    static void start() throws IOException {
        server = new ExplainServer(0);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static HttpResponse<String> get(String pathAndQuery) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(server.url() + pathAndQuery.substring(1))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The body of /api/explain on {@code on}. */
    static String get(ExplainServer on, String f, String at) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(on.url() + "api/explain?f="
                + URLEncoder.encode(f, StandardCharsets.UTF_8) + "&at=" + URLEncoder.encode(at, StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    static HttpResponse<String> api(String f, String at) throws Exception {
        return get("/api/explain?f=" + URLEncoder.encode(f, StandardCharsets.UTF_8) + "&at="
                + URLEncoder.encode(at, StandardCharsets.UTF_8));
    }

    static String cli(String f, String at) {
        Cli r = Cli.run("explain", f, "--at", at, "--json");
        assertEquals(0, r.code(), r.err());
        return r.out().strip();
    }

    @Test
    void theApiAnswersExactlyWhatExplainJsonPrints() throws Exception {
        for (String[] c : new String[][] {{"y*log(x) + sqrt(y*log(x))", "x=2,y=3"},
                {"(1 - x)^2 + 100*(y - x^2)^2", "x=-1.2, y=1"}, {"w*x + b", "w=0.5,b=-1,x=2"}, {"2 + 3", ""}}) {
            HttpResponse<String> r = api(c[0], c[1]);
            assertEquals(200, r.statusCode(), r.body());
            assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
            assertEquals(cli(c[0], c[1]), r.body(), c[0]);
        }
    }

    @Test
    void badInputIs400WithTheMessageAndTheCaret() throws Exception {
        check(api("sin(x", "x=1"), "is never closed", 4);
        check(api("y*log(x)", "x=-1,y=3"), "log(x) is NaN", 3);
        check(api("sine(x)", "x=1"), "did you mean sin", 1);
        check(api("x*z", "x=1"), "variable z has no value; give one in the point", 3);
        check(api("x", "x=="), "the point", 0);
        check(get("/api/explain"), "type a formula", 0);
        check(api("x+".repeat(1500) + "x", "x=1"), "at most 2000", 2001);
        check(api("x+".repeat(300) + "x", "x=1"), "the page draws at most 200", 0);
        check(api("x*y; log(x)", "x=-1,y=2"), "log(x) is NaN", 6);
    }

    @Test
    void severalExpressionsGiveTheJacobianOfJacobianJsonWithTheModeAndItsCost() throws Exception {
        // {f, at, mode, m, n}: more outputs than inputs is forward, otherwise reverse (the lecture's rule)
        Object[][] cases = {{"x*y; x+y; sin(x)*y", "x=2, y=3", "forward", 3, 2},
            {"x*y; x+y", "x=2,y=3", "reverse", 2, 2}, {"x*y*z; x - z", "x=1.5,y=-2,z=0.5", "reverse", 2, 3},
            {"x; x^2; exp(x)", "x=0.5", "forward", 3, 1}};
        for (Object[] c : cases) {
            String f = (String) c[0], at = (String) c[1];
            HttpResponse<String> r = api(f, at);
            assertEquals(200, r.statusCode(), r.body());
            JsonNode api = JSON.readTree(r.body());
            Cli cli = Cli.run("jacobian", f, "--at", at, "--json");
            assertEquals(0, cli.code(), cli.err());
            JsonNode expected = JSON.readTree(cli.out());
            assertEquals(List.of("values", "variables", "jacobian", "mode", "cost"), JsonContractTest.fields(api), f);
            for (String k : List.of("values", "variables", "jacobian")) assertEquals(expected.get(k), api.get(k), f + " " + k);
            String strip = cli.out().strip();
            assertTrue(r.body().startsWith(strip.substring(0, strip.length() - 1) + ",\"mode\":"),
                    "the jacobian --json fields byte for byte: " + r.body());
            int m = (Integer) c[3], n = (Integer) c[4];
            assertEquals(c[2], api.get("mode").asText(), f);
            JsonNode cost = api.get("cost");
            assertEquals(m, cost.get("outputs").asInt());
            assertEquals(n, cost.get("inputs").asInt());
            assertEquals(n, cost.get("forward").get("jvps").asInt());
            assertEquals(n, cost.get("forward").get("passes").asInt());
            assertEquals(m, cost.get("reverse").get("vjps").asInt());
            assertEquals(m, cost.get("reverse").get("passes").asInt());
            assertTrue(cost.get("rule").asText().contains("m <= n"), cost.toString());
        }
        JsonNode j = JSON.readTree(api("x*y; x+y; sin(x)*y", "x=2,y=3").body()).get("jacobian");
        assertEquals(3.0, j.get(0).get(0).asDouble());
        assertEquals(3 * Math.cos(2), j.get(2).get(0).asDouble(), 1e-15);
        assertEquals(Math.sin(2), j.get(2).get(1).asDouble(), 1e-15);
    }

    static void check(HttpResponse<String> r, String message, int caret) throws Exception {
        assertEquals(400, r.statusCode(), r.body());
        JsonNode n = JSON.readTree(r.body());
        assertEquals(List.of("error", "caret"), JsonContractTest.fields(n));
        assertTrue(n.get("error").asText().contains(message), n.get("error").asText());
        if (caret == 0) assertTrue(n.get("caret").isNull(), r.body());
        else assertEquals(caret, n.get("caret").asInt(), r.body());
    }

    @Test
    void onlyItsOwnFilesAreServed() throws Exception {
        for (String p : new String[] {"/", "/index.html", "/app.js", "/graph.js", "/style.css"}) {
            assertEquals(200, get(p).statusCode(), p);
        }
        assertTrue(get("/").body().contains("<script src=\"app.js\">"));
        assertTrue(get("/app.js").headers().firstValue("Content-Type").orElse("").startsWith("text/javascript"));
        for (String p : new String[] {"/nope", "/api", "/api/explain/x", "/dev/cotangent/cli/web/app.js",
                "/dev/cotangent/cli/Main.class", "/app.js/", "/%2e%2e/pom.xml", "/index.html%00"}) {
            assertEquals(404, get(p).statusCode(), p);
        }
        assertTrue(raw("GET /../../pom.xml HTTP/1.1", "127.0.0.1").startsWith("HTTP/1.1 404"));
    }

    @Test
    void otherMethodsAndForeignHostsAreRefused() throws Exception {
        assertTrue(raw("POST /api/explain?f=x&at=x%3D1 HTTP/1.1", "127.0.0.1").startsWith("HTTP/1.1 405"));
        assertTrue(raw("DELETE / HTTP/1.1", "localhost").startsWith("HTTP/1.1 405"));
        assertTrue(raw("GET / HTTP/1.1", "evil.example").startsWith("HTTP/1.1 403"), "DNS rebinding");
        assertTrue(raw("GET / HTTP/1.1", "localhost").startsWith("HTTP/1.1 200"));
    }

    /** One request written by hand (HttpClient will not send a foreign Host or a raw ".."); the status line. */
    static String raw(String requestLine, String host) throws IOException {
        int port = server.address().getPort();
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            OutputStream out = s.getOutputStream();
            out.write((requestLine + "\r\nHost: " + host + ":" + port + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void itListensOnLoopbackOnly() throws Exception {
        assertTrue(server.address().getAddress().isLoopbackAddress(), server.address().toString());
        assertEquals("127.0.0.1", server.address().getAddress().getHostAddress());
        int port = server.address().getPort();
        int tried = 0;
        for (NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            for (InetAddress a : Collections.list(ni.getInetAddresses())) {
                if (a.isLoopbackAddress() || !(a instanceof Inet4Address)) continue;
                tried++;
                assertThrows(ConnectException.class, () -> {
                    try (Socket s = new Socket()) {
                        s.connect(new InetSocketAddress(a, port), 2000);
                    }
                }, "reachable on " + a);
            }
        }
        System.out.println("ExplainServerTest: the port is closed on " + tried + " non-loopback address(es)");
    }

    @Test
    void concurrentRequestsEachGetTheirOwnAnswer() throws Exception {
        String[][] cases = {{"y*log(x) + sqrt(y*log(x))", "x=2,y=3"}, {"(1 - x)^2 + 100*(y - x^2)^2", "x=-1.2,y=1"},
            {"w3*tanh(w2*tanh(w1*x + b1) + b2) + b3", "x=0.5,w1=1.2,b1=-0.3,w2=0.8,b2=0.1,w3=1.5,b3=0.2"},
            {"log(1 + exp(-t*(w*x + b)))", "w=0.5,b=0.5,x=2,t=1"}, {"sin(x", "x=1"}, {"x*sin(y) - y/x", "x=1.5,y=-0.7"}};
        List<String> expected = new ArrayList<>();
        for (String[] c : cases) expected.add(api(c[0], c[1]).body());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < 48; i++) {
                String[] c = cases[i % cases.length];
                answers.add(pool.submit(() -> api(c[0], c[1]).body()));
            }
            for (int i = 0; i < answers.size(); i++) assertEquals(expected.get(i % cases.length), answers.get(i).get());
        } finally {
            pool.shutdownNow();
        }
        assertEquals(cli(cases[2][0], cases[2][1]), expected.get(2));
    }
}
