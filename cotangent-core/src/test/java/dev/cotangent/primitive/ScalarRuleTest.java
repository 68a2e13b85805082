package dev.cotangent.primitive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cotangent.Tensor;
import dev.cotangent.tensor.NDArray;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link ScalarRule}: at 0-d operands, {@code value} is the array implementation's number and
 * {@code ȳ · partial(i, …)} the VJP rule's number for operand i, bit for bit (signed zeros, infinities and NaN
 * included), at the registry's random points and at special points (0, −0, ±1, the kinks' conventions). The
 * compact scalar tape relies on this to give the general tape's gradients.
 */
class ScalarRuleTest {
    private static final double[] SPECIAL = {0.0, -0.0, 1.0, -1.0, 0.5, 2.0, 1e-300, -3.5};

    @Test
    void valueAndPartialsAreTheImplementationsAndTheVjpRulesNumbers() {
        Random r = new Random(13);
        int checked = 0;
        for (Registry.Case c : Registry.cases()) {
            if (!(c.primitive() instanceof ScalarRule)) continue;
            ScalarRule p = (ScalarRule) c.primitive();
            for (int draw = 0; draw < 200; draw++) {
                NDArray[] in = c.inputs().apply(r);
                double a = in[0].unsafeData()[0];
                double b = in.length > 1 ? in[1].unsafeData()[0] : 0.0;
                check(c.label(), p, a, b, r.nextGaussian());
            }
            for (double a : SPECIAL) {
                for (double b : p.arity() > 1 ? SPECIAL : new double[] {0.0}) check(c.label(), p, a, b, -1.25);
            }
            checked++;
        }
        // the arithmetic and the common one-operand functions: a primitive that drops the trait shows up here
        assertEquals(19, checked, "primitives with a scalar rule");
    }

    @Test
    void theDocumentedConventionsAtKinksHold() {
        assertEquals(0.0, Relu.INSTANCE.partial(0, 0.0, 0, 0.0));
        assertEquals(0.0, Abs.INSTANCE.partial(0, 0.0, 0, 0.0));
        assertEquals(Double.POSITIVE_INFINITY, Sqrt.INSTANCE.partial(0, 0.0, 0, 0.0));
        // closed forms away from kinks: d/dx tanh at y = tanh x is 1 − y², d/db (a/b) = −a/b²
        double y = Math.tanh(0.3);
        assertEquals(1 / (Math.cosh(0.3) * Math.cosh(0.3)), Tanh.INSTANCE.partial(0, 0.3, 0, y), 1e-15);
        assertEquals(-3.0 / 4.0, Div.INSTANCE.partial(1, 3.0, 2.0, 1.5));
    }

    private static void check(String label, ScalarRule p, double a, double b, double ct) {
        int n = p.arity();
        NDArray[] in = n == 1 ? new NDArray[] {NDArray.scalar(a)} : new NDArray[] {NDArray.scalar(a), NDArray.scalar(b)};
        NDArray out = p.applyAll(in)[0];
        double y = out.unsafeData()[0];
        String at = label + " at (" + a + (n > 1 ? ", " + b : "") + ")";
        assertSame(y, p.value(a, b), at + ": value");
        Tensor[] primals = new Tensor[n];
        for (int i = 0; i < n; i++) primals[i] = Tensor.from(in[i]);
        boolean[] needed = new boolean[n];
        java.util.Arrays.fill(needed, true);
        Tensor[] back = p.vjpAll(new Tensor[] {Tensor.scalar(ct)}, primals, new Tensor[] {Tensor.from(out)}, needed);
        for (int i = 0; i < n; i++) {
            assertTrue(back[i] != null, at + ": the VJP rule gave no cotangent for operand " + i);
            assertSame(back[i].item(), ct * p.partial(i, a, b, y), at + ": ct·∂/∂" + (i == 0 ? "a" : "b"));
        }
    }

    private static void assertSame(double want, double got, String what) {
        assertTrue(Double.compare(want, got) == 0, what + ": the rule gives " + want + ", the scalar rule " + got);
    }

    @Test
    void everyScalarRuleHasTwoOperandsAtMost() {
        List<Registry.Case> cases = Registry.cases();
        for (Registry.Case c : cases) {
            if (c.primitive() instanceof ScalarRule) {
                assertTrue(c.primitive().arity() <= 2 && c.primitive().results() == 1, c.label());
            }
        }
    }
}
