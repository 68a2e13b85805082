package dev.cotangent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cotangent.NonFiniteException;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Misuse gets an exception whose message says what went wrong and what to do instead. */
class ErrorsTest {
    private static final Tensor V3 = Tensor.of(1, 2, 3);

    private static String message(Class<? extends Throwable> type, Executable e) {
        return assertThrows(type, e).getMessage();
    }

    private static void contains(String message, String... parts) {
        for (String p : parts) assertTrue(message.contains(p), "message lacks '" + p + "': " + message);
    }

    // ------------------------------------------------------------------ grad of a non-scalar

    @Test
    void gradOfANonScalarOutputPointsToVjpAndJacobian() {
        String m = message(IllegalArgumentException.class, () -> AD.grad((Tensor x) -> x.mul(x)).apply(V3));
        contains(m, "grad", "[3]", "scalar", "vjp", "jacobian");
        String n = message(IllegalArgumentException.class,
                () -> AD.grad(p -> p.get("w").mul(2), Map.of("w", Tensor.of(new double[][] {{1, 2}}))));
        contains(n, "grad", "[1,2]", "vjp", "jacobian");
        contains(message(IllegalArgumentException.class, () -> AD.hessian(Ops::sin).apply(V3)), "vjp", "jacobian");
    }

    @Test
    void aFunctionReturningNullIsNamed() {
        contains(message(IllegalArgumentException.class, () -> AD.grad((Tensor x) -> null).apply(V3)), "null");
        contains(message(IllegalArgumentException.class, () -> AD.jvp(x -> null, V3, V3)), "jvp", "null");
    }

    // ------------------------------------------------------------------ leaked tracers

    @Test
    void aTracerUsedAfterItsTransformReturnedIsALeakedTracer() {
        Tensor[] leak = new Tensor[1];
        AD.grad((Tensor x) -> {
            leak[0] = x;
            return x.sum();
        }).apply(V3);
        String m = message(IllegalStateException.class, () -> leak[0].mul(V3));
        contains(m, "mul", "leaked tracer", "traced by grad", "value()");

        AD.jvp(x -> {
            leak[0] = x.sin();
            return x;
        }, V3, V3);
        contains(message(IllegalStateException.class, () -> Ops.exp(leak[0])), "exp", "leaked tracer", "jvp");
        // reading its numbers is refused too: they belong to a computation that is over
        contains(message(IllegalStateException.class, () -> leak[0].toArray()), "leaked tracer", "traced by jvp",
                "after jvp returned");
    }

    @Test
    void theValueOfALeakedTracerCannotBeRead() {
        Tensor[] leak = new Tensor[1];
        AD.grad((Tensor x) -> {
            leak[0] = x.sum();
            assertEquals(6.0, leak[0].item(), 0.0); // inside the transform, the value is there
            return leak[0];
        }).apply(V3);
        String m = message(IllegalStateException.class, () -> leak[0].item());
        contains(m, "traced by grad", "after grad returned", "leaked tracer", "read its value inside");
        contains(message(IllegalStateException.class, () -> leak[0].get()), "leaked tracer");
        contains(message(IllegalStateException.class, () -> leak[0].value()), "leaked tracer");
    }

    @Test
    void aTracerUsedOnAnotherThreadIsRefused() throws Exception {
        var executor = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            Throwable[] error = {null};
            AD.grad((Tensor x) -> {
                try {
                    executor.submit(() -> x.mul(x)).get();
                } catch (java.util.concurrent.ExecutionException e) {
                    error[0] = e.getCause();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return x.sum();
            }).apply(V3);
            assertTrue(error[0] instanceof IllegalStateException, "no error, or the wrong one: " + error[0]);
            contains(error[0].getMessage(), "mul", "thread");
        } finally {
            executor.shutdown();
        }
    }

    // ------------------------------------------------------------------ shape errors name the op and the shapes

    @Test
    void matmulShapeErrorNamesBothShapes() {
        Tensor a = Tensor.zeros(3, 4);
        Tensor b = Tensor.zeros(5, 2);
        String expected = "matmul: [3,4] @ [5,2]: inner dimensions 4 and 5 differ";
        contains(message(IllegalArgumentException.class, () -> a.matmul(b)), expected);
        // the same message from inside transforms, where the operands are tracers
        contains(message(IllegalArgumentException.class, () -> AD.grad((Tensor x) -> x.matmul(b).sum()).apply(a)),
                expected);
        contains(message(IllegalArgumentException.class, () -> AD.jvp(x -> a.matmul(x), b, b)), expected);
        contains(message(IllegalArgumentException.class, () -> Ops.matmul(a, b, false, false)), expected);
    }

    @Test
    void broadcastingErrorsNameTheOpAndBothShapes() {
        Tensor a = Tensor.zeros(2, 3);
        Tensor b = Tensor.zeros(4);
        contains(message(IllegalArgumentException.class, () -> a.add(b)), "add", "[2,3]", "[4]");
        contains(message(IllegalArgumentException.class, () -> a.mul(b)), "mul", "[2,3]", "[4]");
        contains(message(IllegalArgumentException.class, () -> AD.grad((Tensor x) -> x.sub(b).sum()).apply(a)),
                "sub", "[2,3]", "[4]");
        contains(message(IllegalArgumentException.class, () -> Ops.where(b, a, a)), "where", "[4]", "[2,3]");
    }

    @Test
    void otherShapeErrorsNameTheOp() {
        Tensor a = Tensor.zeros(2, 3);
        contains(message(IllegalArgumentException.class, () -> a.reshape(4, 2)), "reshape", "[2,3]", "[4,2]");
        contains(message(IllegalArgumentException.class, () -> Ops.concat(0, a, Tensor.zeros(2, 4))),
                "concat", "[2,3]", "[2,4]");
        contains(message(IllegalArgumentException.class, () -> a.sum(2)), "sum", "axis 2", "[2,3]");
        contains(message(IllegalArgumentException.class, () -> a.broadcastTo(3, 3)), "broadcast", "[2,3]", "[3,3]");
        contains(message(IllegalArgumentException.class, () -> Ops.dot(V3, Tensor.of(1, 2))), "dot", "[3]", "[2]");
    }

    // ------------------------------------------------------------------ wrongly shaped tangents and cotangents

    @Test
    void jvpWithAWronglyShapedTangent() {
        String m = message(IllegalArgumentException.class, () -> AD.jvp(Ops::sin, V3, Tensor.of(1, 2)));
        contains(m, "jvp", "tangent", "[2]", "[3]");
    }

    @Test
    void pullbackWithAWronglyShapedCotangent() {
        VjpResult r = AD.vjp(x -> x.reshape(3, 1), V3);
        String m = message(IllegalArgumentException.class, () -> r.pullback(Tensor.of(1, 2, 3)));
        contains(m, "pullback", "cotangent", "[3]", "[3,1]");
        // the recording stays usable after the error
        assertEquals(6.0, r.pullback(Tensor.of(new int[] {3, 1}, 1, 2, 3)).sum().item(), 0.0);
    }

    // ------------------------------------------------------------------ anomaly mode

    @Test
    void anomalyModeNamesTheOpThatMadeANaN() {
        Tensor x = Tensor.of(4, -1);
        NonFiniteException e = assertThrows(NonFiniteException.class,
                () -> AD.detectAnomaly(() -> x.sqrt().add(x.exp())));
        assertEquals("sqrt", e.op());
        contains(e.getMessage(), "sqrt", "NaN", "flat index 1", "[2]");
        // the same computation outside anomaly mode just gives NaN
        assertTrue(Double.isNaN(x.sqrt().toArray()[1]));
    }

    @Test
    void anomalyModeSeesOpsUnderTransformsAndInTheBackwardPass() {
        // forward, under grad: log(0) = −∞ from a finite operand
        NonFiniteException f = assertThrows(NonFiniteException.class,
                () -> AD.detectAnomaly(() -> AD.grad((Tensor x) -> x.sub(1).log().sum()).apply(V3)));
        assertEquals("log", f.op());
        // backward only: asin(1) = π/2 is finite, its derivative 1/√(1 − x²) is not
        assertThrows(NonFiniteException.class,
                () -> AD.detectAnomaly(() -> AD.grad((Tensor x) -> Ops.asin(x).sum()).apply(Tensor.of(0.5, 1.0))));
        // anomaly mode is off again afterwards
        assertTrue(Double.isInfinite(AD.grad((Tensor x) -> Ops.asin(x).sum()).apply(Tensor.of(0.5, 1.0)).toArray()[1]));
    }

    @Test
    void anomalyInTheBackwardPassNamesThePrimitiveWhoseRuleMadeIt() {
        NonFiniteException e = assertThrows(NonFiniteException.class,
                () -> AD.detectAnomaly(() -> AD.grad((Tensor x) -> Ops.asin(x).sum()).apply(Tensor.of(0.5, 1.0))));
        assertEquals("asin", e.op());
        contains(e.getMessage(), "asin");
    }

    @Test
    void sqrtDerivativeAtZeroIsOnlyAWarningInAnomalyMode() {
        Function<Tensor, Tensor> g = AD.grad((Tensor x) -> x.sqrt().sum());
        Tensor grad = AD.detectAnomaly(() -> g.apply(Tensor.of(0.0, 4.0)));
        assertEquals(Double.POSITIVE_INFINITY, grad.toArray()[0]);
        assertEquals(0.25, grad.toArray()[1], 0.0);
    }
}
