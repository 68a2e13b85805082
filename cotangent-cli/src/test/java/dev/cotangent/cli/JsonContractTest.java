package dev.cotangent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The --json contract of grad, hessian and jacobian, for every function of the language, checked against
 * analytic derivatives (first order) and central differences of them (second order), never against the engine.
 */
class JsonContractTest {
    static final ObjectMapper JSON = new ObjectMapper();

    static JsonNode json(String... args) throws Exception {
        Cli r = Cli.run(args);
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().endsWith("\n") && r.out().indexOf('\n') == r.out().length() - 1, "one line: " + r.out());
        return JSON.readTree(r.out());
    }

    /** name, point, f, f', f''. */
    static Stream<Arguments> unary() {
        return Stream.of(
            Arguments.of("sin", 0.3, (DoubleUnaryOperator) Math::sin, (DoubleUnaryOperator) Math::cos),
            Arguments.of("cos", 0.3, (DoubleUnaryOperator) Math::cos, (DoubleUnaryOperator) x -> -Math.sin(x)),
            Arguments.of("tan", 0.3, (DoubleUnaryOperator) Math::tan, (DoubleUnaryOperator) x -> 1 / (Math.cos(x) * Math.cos(x))),
            Arguments.of("asin", 0.3, (DoubleUnaryOperator) Math::asin, (DoubleUnaryOperator) x -> 1 / Math.sqrt(1 - x * x)),
            Arguments.of("acos", 0.3, (DoubleUnaryOperator) Math::acos, (DoubleUnaryOperator) x -> -1 / Math.sqrt(1 - x * x)),
            Arguments.of("atan", 0.3, (DoubleUnaryOperator) Math::atan, (DoubleUnaryOperator) x -> 1 / (1 + x * x)),
            Arguments.of("sinh", 0.3, (DoubleUnaryOperator) Math::sinh, (DoubleUnaryOperator) Math::cosh),
            Arguments.of("cosh", 0.3, (DoubleUnaryOperator) Math::cosh, (DoubleUnaryOperator) Math::sinh),
            Arguments.of("tanh", 0.3, (DoubleUnaryOperator) Math::tanh, (DoubleUnaryOperator) x -> 1 / (Math.cosh(x) * Math.cosh(x))),
            Arguments.of("exp", 0.3, (DoubleUnaryOperator) Math::exp, (DoubleUnaryOperator) Math::exp),
            Arguments.of("log", 0.3, (DoubleUnaryOperator) Math::log, (DoubleUnaryOperator) x -> 1 / x),
            Arguments.of("log1p", 0.3, (DoubleUnaryOperator) Math::log1p, (DoubleUnaryOperator) x -> 1 / (1 + x)),
            Arguments.of("expm1", 0.3, (DoubleUnaryOperator) Math::expm1, (DoubleUnaryOperator) Math::exp),
            Arguments.of("sqrt", 0.3, (DoubleUnaryOperator) Math::sqrt, (DoubleUnaryOperator) x -> 0.5 / Math.sqrt(x)),
            Arguments.of("abs", -0.3, (DoubleUnaryOperator) Math::abs, (DoubleUnaryOperator) Math::signum),
            Arguments.of("sigmoid", 0.3, (DoubleUnaryOperator) JsonContractTest::sigmoid,
                    (DoubleUnaryOperator) x -> sigmoid(x) * (1 - sigmoid(x))),
            Arguments.of("relu", 0.3, (DoubleUnaryOperator) x -> Math.max(x, 0), (DoubleUnaryOperator) x -> x > 0 ? 1 : 0),
            Arguments.of("relu", -0.3, (DoubleUnaryOperator) x -> Math.max(x, 0), (DoubleUnaryOperator) x -> x > 0 ? 1 : 0),
            Arguments.of("softplus", 0.3, (DoubleUnaryOperator) x -> Math.log1p(Math.exp(x)),
                    (DoubleUnaryOperator) JsonContractTest::sigmoid));
    }

    static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    @ParameterizedTest(name = "{0} at {1}")
    @MethodSource("unary")
    void gradOfEveryUnaryFunction(String f, double x, DoubleUnaryOperator value, DoubleUnaryOperator derivative)
            throws Exception {
        JsonNode n = json("grad", f + "(x)", "--at", "x=" + x, "--json");
        close(value.applyAsDouble(x), n.get("value").asDouble(), 1e-15);
        close(derivative.applyAsDouble(x), n.get("gradient").get("x").asDouble(), 1e-13);
        assertEquals(List.of("value", "gradient"), fields(n));
    }

    @ParameterizedTest(name = "{0} at {1}")
    @MethodSource("unary")
    void hessianOfEveryUnaryFunction(String f, double x, DoubleUnaryOperator value, DoubleUnaryOperator derivative)
            throws Exception {
        JsonNode n = json("hessian", f + "(x)", "--at", "x=" + x, "--json");
        double h = 1e-5;
        double second = (derivative.applyAsDouble(x + h) - derivative.applyAsDouble(x - h)) / (2 * h);
        close(second, n.get("hessian").get(0).get(0).asDouble(), 1e-7);
        close(derivative.applyAsDouble(x), n.get("gradient").get("x").asDouble(), 1e-13);
        assertEquals(List.of("value", "gradient", "variables", "hessian"), fields(n));
    }

    @Test
    void binaryFunctionsAndOperators() throws Exception {
        double a = 1.7, b = 0.6;
        String at = "a=1.7,b=0.6";
        check("pow(a, b)", at, Math.pow(a, b), b * Math.pow(a, b - 1), Math.pow(a, b) * Math.log(a));
        check("a^b", at, Math.pow(a, b), b * Math.pow(a, b - 1), Math.pow(a, b) * Math.log(a));
        check("max(a, b)", at, a, 1, 0);
        check("min(a, b)", at, b, 0, 1);
        check("atan2(a, b)", at, Math.atan2(a, b), b / (a * a + b * b), -a / (a * a + b * b));
        check("a + b", at, a + b, 1, 1);
        check("a - b", at, a - b, 1, -1);
        check("a * b", at, a * b, b, a);
        check("a / b", at, a / b, 1 / b, -a / (b * b));
        check("-a", at, -a, -1, 0);
        check("+a", at, a, 1, 0);
        check("pi*a + e*b", at, Math.PI * a + Math.E * b, Math.PI, Math.E);
    }

    static void check(String expr, String at, double v, double da, double db) throws Exception {
        JsonNode n = json("grad", expr, "--at", at, "--json");
        close(v, n.get("value").asDouble(), 1e-15);
        close(da, n.get("gradient").get("a").asDouble(), 1e-14);
        close(db, n.get("gradient").get("b").asDouble(), 1e-14);
    }

    @Test
    void theSeedExample() throws Exception {
        JsonNode n = json("grad", "y*log(x) + sqrt(y*log(x))", "--at", "x=2,y=3", "--json");
        double a = Math.log(2), b = 3 * a;
        close(b + Math.sqrt(b), n.get("value").asDouble(), 1e-15);
        close(1.5 * (1 + 1 / (2 * Math.sqrt(b))), n.get("gradient").get("x").asDouble(), 1e-15);
        close(a * (1 + 1 / (2 * Math.sqrt(b))), n.get("gradient").get("y").asDouble(), 1e-15);
    }

    @Test
    void numbersArePrintedInFullPrecision() throws Exception {
        Cli r = Cli.run("grad", "x/3", "--at", "x=1", "--json");
        assertEquals("{\"value\":" + (1.0 / 3) + ",\"gradient\":{\"x\":" + (1.0 / 3) + "}}\n", r.out());
        assertTrue(r.out().contains("0.3333333333333333"));
    }

    @Test
    void aVariableAbsentFromTheExpressionHasDerivativeZero() throws Exception {
        JsonNode n = json("grad", "x^2", "--at", "x=3,unused=5", "--json");
        assertEquals(6.0, n.get("gradient").get("x").asDouble());
        assertEquals(0.0, n.get("gradient").get("unused").asDouble());
        JsonNode h = json("hessian", "x^2", "--at", "unused=5,x=3", "--json");
        assertEquals("[[0.0,0.0],[0.0,2.0]]", h.get("hessian").toString());
        JsonNode j = json("jacobian", "x; 2", "--at", "x=3,w=1", "--json");
        assertEquals("[[1.0,0.0],[0.0,0.0]]", j.get("jacobian").toString());
    }

    @Test
    void hessianFollowsTheOrderOfAt() throws Exception {
        // f = x^2 y + exp(y):  H = [[2y, 2x], [2x, e^y]]
        JsonNode n = json("hessian", "x^2*y + exp(y)", "--at", "y=0.5,x=1.5", "--json");
        assertEquals("[\"y\",\"x\"]", n.get("variables").toString());
        close(Math.exp(0.5), n.get("hessian").get(0).get(0).asDouble(), 1e-15);
        close(3.0, n.get("hessian").get(0).get(1).asDouble(), 1e-15);
        close(3.0, n.get("hessian").get(1).get(0).asDouble(), 1e-15);
        close(1.0, n.get("hessian").get(1).get(1).asDouble(), 1e-15);
        assertEquals(List.of("y", "x"), List.of(n.get("gradient").fieldNames().next(), "x"));
        close(2 * 1.5 * 0.5, n.get("gradient").get("x").asDouble(), 1e-15);
        close(1.5 * 1.5 + Math.exp(0.5), n.get("gradient").get("y").asDouble(), 1e-15);
    }

    @Test
    void jacobianHasOneRowPerExpression() throws Exception {
        JsonNode n = json("jacobian", "x*y; sin(x) + y^2; atan2(y, x)", "--at", "x=0.5,y=2", "--json");
        assertEquals(List.of("values", "variables", "jacobian"), fields(n));
        assertEquals("[\"x\",\"y\"]", n.get("variables").toString());
        double x = 0.5, y = 2;
        double[][] expected = {{y, x}, {Math.cos(x), 2 * y}, {-y / (x * x + y * y), x / (x * x + y * y)}};
        double[] values = {x * y, Math.sin(x) + y * y, Math.atan2(y, x)};
        for (int i = 0; i < 3; i++) {
            close(values[i], n.get("values").get(i).asDouble(), 1e-15);
            for (int j = 0; j < 2; j++) close(expected[i][j], n.get("jacobian").get(i).get(j).asDouble(), 1e-15);
        }
        // more variables than expressions: forward mode is chosen; the numbers must not change
        JsonNode wide = json("jacobian", "x*y*z", "--at", "x=1,y=2,z=3", "--json");
        assertEquals("[[6.0,3.0,2.0]]", wide.get("jacobian").toString());
    }

    @Test
    void nonFiniteDerivativesArePrintedAsNullWithANote() throws Exception {
        Cli r = Cli.run("grad", "sqrt(x)", "--at", "x=0", "--json");
        assertEquals(0, r.code());
        assertEquals("{\"value\":0.0,\"gradient\":{\"x\":null}}\n", r.out());
        assertTrue(r.err().contains("∂f/∂x is +inf") && r.err().contains("null"), r.err());
    }

    @Test
    void readableOutputsCarryTheSameNumbers() {
        Cli g = Cli.run("grad", "x*y", "--at", "x=2,y=3");
        assertEquals(0, g.code());
        assertTrue(g.out().contains("∂f/∂x = 3.0") && g.out().contains("∂f/∂y = 2.0") && g.out().contains("f     = 6.0"),
                g.out());
        Cli h = Cli.run("hessian", "x*y", "--at", "x=2,y=3");
        assertTrue(h.out().contains("Hessian") && h.out().contains("x  0.0  1.0") && h.out().contains("y  1.0  0.0"),
                h.out());
        Cli j = Cli.run("jacobian", "x*y; x+y", "--at", "x=2,y=3");
        assertTrue(j.out().contains("f1  3.0  2.0") && j.out().contains("f2  1.0  1.0"), j.out());
    }

    static List<String> fields(JsonNode n) {
        List<String> f = new java.util.ArrayList<>();
        n.fieldNames().forEachRemaining(f::add);
        return f;
    }

    static void close(double expected, double actual, double rel) {
        assertEquals(expected, actual, rel * Math.max(1, Math.abs(expected)));
    }
}
