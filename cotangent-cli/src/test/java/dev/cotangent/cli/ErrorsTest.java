package dev.cotangent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Every user error exits with code 2 and one clear message on stderr, and prints nothing on stdout. */
class ErrorsTest {

    static void assertError(Cli r, String... fragments) {
        assertEquals(2, r.code(), r.err());
        assertEquals("", r.out());
        assertTrue(r.err().startsWith("cotangent: "), r.err());
        for (String f : fragments) assertTrue(r.err().contains(f), "missing <" + f + "> in:\n" + r.err());
    }

    @Test
    void parseErrorsShowACaretUnderThePosition() {
        Cli r = Cli.run("grad", "y*log(*x)", "--at", "x=2,y=3");
        assertError(r, "parse error: '*' needs an operand on its left (column 7)");
        assertTrue(r.err().contains("\n  y*log(*x)\n        ^\n"), r.err());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "(x+1           | '(' is never closed                  | 1",
        "x+1)           | unmatched ')'                        | 4",
        "2x             | write a product with *, as in 2*x    | 2",
        "x**2           | write powers with ^                  | 2",
        "sin            | sin is a function                    | 1",
        "sin()          | sin needs 1 argument                 | 5",
        "pow(x)         | pow takes 2 arguments (pow(a, b)), got 1 | 1",
        "max(x,1,2)     | max takes 2 arguments                | 8",
        "max(x,)        | expected an operand before ')'       | 7",
        "x,1            | ',' outside the parentheses          | 2",
        "1e             | malformed number '1e'                | 1",
        "1.2.3          | a second '.'                         | 4",
        "x + $          | unexpected character '$'             | 5",
        "x +            | the expression ends early            | 4",
        "x;;y           | empty expression before ';'          | 3",
        "()             | empty parentheses                    | 2",
        "1e999          | too large                            | 1",
    })
    void everyParseErrorNamesItsColumn(String expr, String message, int column) {
        assertError(Cli.run("grad", expr.trim(), "--at", "x=1"), message.trim(), "(column " + column + ")");
    }

    @Test
    void anEmptyExpressionIsAnError() {
        assertError(Cli.run("grad", "", "--at", "x=1"), "empty expression");
    }

    @Test
    void unknownFunctionsNameTheNearestKnownOnes() {
        assertError(Cli.run("grad", "sine(x)", "--at", "x=1"), "unknown function 'sine'; did you mean sin or sinh?");
        assertError(Cli.run("grad", "lg(x)", "--at", "x=1"), "unknown function 'lg'; did you mean log?");
        assertError(Cli.run("grad", "sigmod(x)", "--at", "x=1"), "did you mean sigmoid?");
        assertError(Cli.run("grad", "atan3(x, 1)", "--at", "x=1"), "did you mean atan or atan2?");
    }

    @Test
    void aVariableWithoutAValueIsNamed() {
        Cli r = Cli.run("grad", "x*z", "--at", "x=1");
        assertError(r, "variable z has no value; give one with --at, e.g. --at x=1,z=1");
        assertTrue(r.err().contains("  x*z\n    ^"), r.err());
        assertError(Cli.run("grad", "x"), "variable x has no value");
    }

    @Test
    void domainErrorsNameTheSubexpressionThatLeftItsDomain() {
        Cli r = Cli.run("grad", "y*log(x) + sqrt(y*log(x))", "--at", "x=-1,y=3");
        assertError(r, "log(x) is NaN (not a number) at x = -1, y = 3: log is defined for x > 0, and its argument is -1");
        assertTrue(r.err().contains("  y*log(x) + sqrt(y*log(x))\n    ^^^^^^"), r.err());
        assertError(Cli.run("grad", "sqrt(x - 2)", "--at", "x=1"), "sqrt(x - 2) is NaN", "x >= 0", "is -1");
        assertError(Cli.run("grad", "log(x)", "--at", "x=0"), "log(x) is -inf", "x > 0");
        assertError(Cli.run("grad", "1/x", "--at", "x=0"), "1/x is +inf", "division by zero");
        assertError(Cli.run("grad", "x^0.5", "--at", "x=-2"), "negative base");
        assertError(Cli.run("grad", "asin(x)", "--at", "x=2"), "-1 <= x <= 1");
        assertError(Cli.run("grad", "log1p(x)", "--at", "x=-3"), "x > -1");
        assertError(Cli.run("grad", "exp(x)", "--at", "x=1000"), "exp(x) is +inf", "overflows");
        assertError(Cli.run("hessian", "x*log(x)", "--at", "x=-1"), "log(x) is NaN");
        assertError(Cli.run("jacobian", "x; log(x)", "--at", "x=-1"), "log(x) is NaN");
        assertError(Cli.run("explain", "log(x)", "--at", "x=-1"), "log(x) is NaN");
    }

    @Test
    void badPointsAreExplained() {
        assertError(Cli.run("grad", "x", "--at", "x"), "--at x: expected name=value");
        assertError(Cli.run("grad", "x", "--at", "x=abc"), "cannot use variables");
        assertError(Cli.run("grad", "x", "--at", "x=1..2"), "--at x=1..2");
        assertError(Cli.run("grad", "x", "--at", "x=1,x=2"), "x is given twice");
        assertError(Cli.run("grad", "x", "--at", "pi=1"), "pi is a constant");
        assertError(Cli.run("grad", "x", "--at", "sin=1"), "sin is a function");
        assertError(Cli.run("grad", "x", "--at", "2x=1"), "not a variable name");
        assertError(Cli.run("grad", "x", "--at", "x=1e308*10"), "give a finite number");
    }

    @Test
    void commandLineMistakes() {
        assertError(Cli.run(), "missing a command");
        assertError(Cli.run("foo"), "Unmatched argument", "cotangent --help");
        assertError(Cli.run("grad"), "Missing required parameter: 'EXPR'", "cotangent grad --help");
        assertError(Cli.run("grad", "x", "--at", "x=1", "--bogus"), "Unknown option: '--bogus'");
        assertError(Cli.run("explain", "x", "--at", "x=1", "--mode", "sideways"), "--mode");
        assertError(Cli.run("explain", "x", "--at", "x=1", "--wrt", "q"), "--wrt q: not a variable");
        assertError(Cli.run("explain", "x; y", "--at", "x=1,y=2"), "explain takes one expression", "jacobian");
        assertError(Cli.run("grad", "x; y", "--at", "x=1,y=2"), "grad takes one expression");
        assertError(Cli.run("hessian", "x; y", "--at", "x=1,y=2"), "hessian takes one expression");
    }

    @Test
    void svgWithoutGraphvizSaysHowToInstallIt() {
        if (dev.cotangent.graph.Svg.dotAvailable()) return; // covered by ExplainTest when dot is installed
        assertError(Cli.run("explain", "x", "--at", "x=1", "--svg", "target/never.svg"),
                "apt-get install graphviz", "--dot FILE");
    }

    @Test
    void anOutputPlaceThatCannotBeWrittenIsRefusedBeforeTheWork(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        assertError(Cli.run("explain", "x", "--at", "x=1", "--dot", file.resolve("g.dot").toString()),
                "--dot " + file.resolve("g.dot"), "is a file, not a folder");
        assertError(Cli.run("explain", "x", "--at", "x=1", "--dot", dir.resolve("missing/g.dot").toString()),
                "the folder " + dir.resolve("missing") + " does not exist");
        assertError(Cli.run("explain", "x", "--at", "x=1", "--svg", dir.toString()), "--svg", "that is a folder");
        assertError(Cli.run("demo", "mds", "--quick", "--out", file.toString()), "--out " + file,
                "cannot write plots there", "is a file, not a folder");
        assertError(Cli.run("demo", "mds", "--quick", "--out", file.resolve("plots").toString()),
                "--out " + file.resolve("plots"), "cannot write plots there (");
    }

    @Test
    void svgOfAGraphTooLargeToLayOutIsRefusedWithAdvice() {
        StringBuilder e = new StringBuilder("sin(x)");
        for (int k = 1; k <= 1000; k++) e.append(" + sin(x + ").append(k).append(')');  // about 3 operations a term
        assertError(Cli.run("explain", e.toString(), "--at", "x=1", "--svg", "target/never.svg"),
                "--svg: the graph has", "more than " + ExplainCommand.SVG_MAX_OPERATIONS, "--dot FILE");
    }

    @Test
    void helpAndVersionSucceed() {
        Cli top = Cli.run("--help");
        assertEquals(0, top.code());
        assertTrue(top.out().contains("explain") && top.out().contains("jacobian") && top.out().contains("Examples:"));
        for (String cmd : new String[] {"explain", "grad", "hessian", "jacobian"}) {
            Cli r = Cli.run(cmd, "--help");
            assertEquals(0, r.code(), cmd);
            assertTrue(r.out().contains("Example"), cmd + ":\n" + r.out());
            assertTrue(r.out().contains("cotangent " + cmd + " \""), cmd + ":\n" + r.out());
        }
        assertEquals(0, Cli.run("help", "grad").code());
        assertTrue(Cli.run("--version").out().contains("cotangent"));
    }
}
