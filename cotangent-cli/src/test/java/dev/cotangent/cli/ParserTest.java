package dev.cotangent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cotangent.Tensor;
import dev.cotangent.cli.expr.Expression;
import dev.cotangent.cli.expr.Instruction;
import dev.cotangent.cli.expr.ParseException;
import dev.cotangent.cli.expr.Parser;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Precedence, associativity, numbers and spans of the expression language. */
class ParserTest {
    static List<String> postfix(String s) throws ParseException {
        return Parser.parse(s).postfix();
    }

    static double eval(String s, double x) throws ParseException {
        return Parser.parse(s).evaluate(Map.of("x", Tensor.scalar(x))).item();
    }

    @Test
    void powerBindsTighterThanUnaryMinus() throws ParseException {
        assertEquals(List.of("x", "2", "^", "neg"), postfix("-x^2"));
        assertEquals(-4.0, eval("-2^2", 0));
        assertEquals(-9.0, eval("-x^2", 3));
        assertEquals(List.of("2", "x", "neg", "^"), postfix("2^-x"));
        assertEquals(0.5, eval("2^-x", 1));
    }

    @Test
    void powerIsRightAssociative() throws ParseException {
        assertEquals(List.of("2", "x", "2", "^", "^"), postfix("2^x^2"));
        assertEquals(512.0, eval("2^3^2", 0));
        assertEquals(Math.pow(2, -9), eval("2^-x^2", 3)); // 2^(-(x^2))
    }

    @Test
    void otherOperatorsAreLeftAssociative() throws ParseException {
        assertEquals(List.of("a", "b", "-", "c", "-"), postfix("a-b-c"));
        assertEquals(List.of("a", "b", "/", "c", "/"), postfix("a/b/c"));
        assertEquals(2.0, eval("8/2/2", 0));
        assertEquals(-4.0, eval("1-2-3", 0));
    }

    @Test
    void productsBindTighterThanSums() throws ParseException {
        assertEquals(List.of("a", "b", "c", "*", "+"), postfix("a+b*c"));
        assertEquals(List.of("a", "b", "+", "c", "*"), postfix("(a+b)*c"));
        assertEquals(List.of("a", "neg", "b", "*"), postfix("-a*b"));
        assertEquals(List.of("a", "b", "neg", "*"), postfix("a*-b"));
        assertEquals(List.of("x", "neg", "neg"), postfix("--x"));
        assertEquals(List.of("x"), postfix("+x"));
        assertEquals(14.0, eval("2+3*4", 0));
        assertEquals(-1.0, eval("-x+2", 3));
    }

    @Test
    void functionsTakeExpressionsAsArguments() throws ParseException {
        assertEquals(List.of("a", "b", "1", "+", "pow"), postfix("pow(a, b+1)"));
        assertEquals(List.of("y", "x", "atan2"), postfix("atan2(y, x)"));
        assertEquals(List.of("x", "sin", "2", "x", "max", "^", "neg"), postfix("-sin(x)^max(2, x)"));
        // log runs on Cotangent's own kernel (within 1 ulp of StrictMath), not Math.log: equal to a few ulp
        assertEquals(Math.sqrt(Math.log(3)), eval("sqrt(log(x))", 3), 1e-15);
    }

    @Test
    void numbersAndConstants() throws ParseException {
        assertEquals(2.0, eval("2", 0));
        assertEquals(2.5, eval("2.5", 0));
        assertEquals(0.5, eval(".5", 0));
        assertEquals(1e-3, eval("1e-3", 0));
        assertEquals(1000.0, eval("1E+3", 0));
        assertEquals(250.0, eval("2.5e2", 0));
        assertEquals(5.0, eval("5.", 0));
        assertEquals(Math.PI, eval("pi", 0));
        assertEquals(Math.E, eval("e", 0));
        assertEquals(Math.PI * Math.E, eval("pi*e", 0));
    }

    @Test
    void semicolonsSeparateExpressions() throws ParseException {
        List<Expression> all = Parser.parseAll("x*y; sin(x) + y^2 ;z");
        assertEquals(3, all.size());
        assertEquals("x*y", all.get(0).text());
        assertEquals("sin(x) + y^2", all.get(1).text());
        assertEquals(List.of("z"), all.get(2).variables());
        assertEquals(List.of("x", "y"), all.get(1).variables());
    }

    @Test
    void instructionsKnowTheirSubexpression() throws ParseException {
        Expression e = Parser.parse("y*log(x) + sqrt((y*x))");
        List<String> texts = e.code().stream().filter(i -> i.operands() > 0).map(e::text).toList();
        assertEquals(List.of("log(x)", "y*log(x)", "y*x", "sqrt((y*x))", "y*log(x) + sqrt((y*x))"), texts);
        Instruction neg = Parser.parse("1 + -x^2").code().get(4);
        assertEquals("-x^2", Parser.parse("1 + -x^2").text(neg));
    }

    @Test
    void veryLongAndDeepExpressionsParseWithoutRecursion() throws ParseException {
        int n = 200_000;
        String chain = "x" + "+x".repeat(n);
        assertEquals(n + 1.0, eval(chain, 1), 0.0);
        String deep = "(".repeat(n) + "x" + ")".repeat(n);
        assertEquals(3.0, eval(deep, 3));
        String nested = "sin(".repeat(50_000) + "x" + ")".repeat(50_000);
        assertEquals(50_000, Parser.parse(nested).operationCount());
        String powers = "x" + "^x".repeat(10_000);
        assertEquals(1.0, eval(powers, 1));
    }

    @Test
    void errorsCarryTheirPosition() {
        ParseException e = assertThrows(ParseException.class, () -> Parser.parse("y*log(*x)"));
        assertEquals(6, e.position());
        assertEquals("'*' needs an operand on its left (column 7)\n  y*log(*x)\n        ^", e.display());
    }

    @Test
    void generatedExpressionsHaveTheRequestedSize() throws ParseException {
        for (int n : new int[] {10, 100, 10_000}) {
            assertEquals(n, Parser.parse(GenerateExpression.generate(n, 42)).operationCount());
        }
    }
}
