package dev.cotangent.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * {@link NDArray#toString()} against NumPy itself: every expected string below is what {@code str(a)} gives
 * for the same array in NumPy 2.4 with default print options (recorded once, by hand, from a Python
 * session; not produced by this code).
 */
class ArrayPrinterTest {
    private static final double NAN = Double.NaN;
    private static final double INF = Double.POSITIVE_INFINITY;

    private record Case(NDArray array, String numpy) {}

    /** NumPy's {@code np.arange(n) % 7}. */
    private static NDArray mod7(int n) {
        double[] d = new double[n];
        for (int i = 0; i < n; i++) d[i] = i % 7;
        return NDArray.of(d);
    }

    private static final List<Map.Entry<String, Case>> CASES = List.of(
        Map.entry("ints", new Case(NDArray.of(1, 2, 3),
                "[1. 2. 3.]")),
        Map.entry("matrix", new Case(NDArray.of(new double[][] {{1, 2}, {3, 4}}),
                "[[1. 2.]\n [3. 4.]]")),
        Map.entry("aligned", new Case(NDArray.of(1.5, 2.25, -3),
                "[ 1.5   2.25 -3.  ]")),
        Map.entry("thirds", new Case(NDArray.of(1.0 / 3, 2.0 / 3),
                "[0.33333333 0.66666667]")),
        Map.entry("precision", new Case(NDArray.of(123.456789012, 0.5),
                "[123.45678901   0.5       ]")),
        Map.entry("tieEven", new Case(NDArray.of(Math.pow(2, -9), 1),
                "[0.00195312 1.        ]")),
        Map.entry("small", new Case(NDArray.of(1e-5, 1),
                "[1.e-05 1.e+00]")),
        Map.entry("ratio", new Case(NDArray.of(1, 2000),
                "[1.e+00 2.e+03]")),
        Map.entry("big", new Case(NDArray.of(1e16, -2.5),
                "[ 1.0e+16 -2.5e+00]")),
        Map.entry("sciDigits", new Case(NDArray.of(1.5e-5, 1, -2.25e10),
                "[ 1.50e-05  1.00e+00 -2.25e+10]")),
        Map.entry("sci3", new Case(NDArray.of(1e-100, 1),
                "[1.e-100 1.e+000]")),
        Map.entry("nonFinite", new Case(NDArray.of(NAN, 1, -INF),
                "[ nan   1. -inf]")),
        Map.entry("nonFiniteSci", new Case(NDArray.of(NAN, 1e-9, INF),
                "[   nan 1.e-09    inf]")),
        Map.entry("allNaN", new Case(NDArray.of(NAN, NAN),
                "[nan nan]")),
        Map.entry("nanNegInf", new Case(NDArray.of(NAN, -INF),
                "[ nan -inf]")),
        // the one departure from NumPy (which prints "[-0.  1.]" and "-0.0"): −0.0 prints as 0
        Map.entry("negZero", new Case(NDArray.of(-0.0, 1),
                "[0. 1.]")),
        Map.entry("negZeroMatrix", new Case(NDArray.of(new double[][] {{-0.0, -2}, {0.5, -0.0}}),
                "[[ 0.  -2. ]\n [ 0.5  0. ]]")),
        Map.entry("zeros", new Case(NDArray.zeros(2, 2),
                "[[0. 0.]\n [0. 0.]]")),
        Map.entry("cube", new Case(NDArray.arange(24).reshape(2, 3, 4),
                "[[[ 0.  1.  2.  3.]\n  [ 4.  5.  6.  7.]\n  [ 8.  9. 10. 11.]]\n\n [[12. 13. 14. 15.]\n  [16. 17. 18. 19.]\n  [20. 21. 22. 23.]]]")),
        Map.entry("wrap", new Case(NDArray.arange(30),
                "[ 0.  1.  2.  3.  4.  5.  6.  7.  8.  9. 10. 11. 12. 13. 14. 15. 16. 17.\n 18. 19. 20. 21. 22. 23. 24. 25. 26. 27. 28. 29.]")),
        Map.entry("wrapMatrix", new Case(NDArray.arange(40).reshape(2, 20).div(NDArray.scalar(7)),
                "[[0.         0.14285714 0.28571429 0.42857143 0.57142857 0.71428571\n  0.85714286 1.         1.14285714 1.28571429 1.42857143 1.57142857\n  1.71428571 1.85714286 2.         2.14285714 2.28571429 2.42857143\n  2.57142857 2.71428571]\n [2.85714286 3.         3.14285714 3.28571429 3.42857143 3.57142857\n  3.71428571 3.85714286 4.         4.14285714 4.28571429 4.42857143\n  4.57142857 4.71428571 4.85714286 5.         5.14285714 5.28571429\n  5.42857143 5.57142857]]")),
        Map.entry("column", new Case(NDArray.of(Shape.of(3, 1), 1, 22, 333),
                "[[  1.]\n [ 22.]\n [333.]]")),
        Map.entry("truncLinspace", new Case(NDArray.linspace(0, 1, 1001),
                "[0.    0.001 0.002 ... 0.998 0.999 1.   ]")),
        Map.entry("truncMatrix", new Case(NDArray.arange(2000).reshape(40, 50),
                "[[0.000e+00 1.000e+00 2.000e+00 ... 4.700e+01 4.800e+01 4.900e+01]\n [5.000e+01 5.100e+01 5.200e+01 ... 9.700e+01 9.800e+01 9.900e+01]\n [1.000e+02 1.010e+02 1.020e+02 ... 1.470e+02 1.480e+02 1.490e+02]\n ...\n [1.850e+03 1.851e+03 1.852e+03 ... 1.897e+03 1.898e+03 1.899e+03]\n [1.900e+03 1.901e+03 1.902e+03 ... 1.947e+03 1.948e+03 1.949e+03]\n [1.950e+03 1.951e+03 1.952e+03 ... 1.997e+03 1.998e+03 1.999e+03]]")),
        Map.entry("truncCube", new Case(mod7(1100).reshape(10, 10, 11),
                "[[[0. 1. 2. ... 1. 2. 3.]\n  [4. 5. 6. ... 5. 6. 0.]\n  [1. 2. 3. ... 2. 3. 4.]\n  ...\n  [0. 1. 2. ... 1. 2. 3.]\n  [4. 5. 6. ... 5. 6. 0.]\n  [1. 2. 3. ... 2. 3. 4.]]\n\n [[5. 6. 0. ... 6. 0. 1.]\n  [2. 3. 4. ... 3. 4. 5.]\n  [6. 0. 1. ... 0. 1. 2.]\n  ...\n  [5. 6. 0. ... 6. 0. 1.]\n  [2. 3. 4. ... 3. 4. 5.]\n  [6. 0. 1. ... 0. 1. 2.]]\n\n [[3. 4. 5. ... 4. 5. 6.]\n  [0. 1. 2. ... 1. 2. 3.]\n  [4. 5. 6. ... 5. 6. 0.]\n  ...\n  [3. 4. 5. ... 4. 5. 6.]\n  [0. 1. 2. ... 1. 2. 3.]\n  [4. 5. 6. ... 5. 6. 0.]]\n\n ...\n\n [[0. 1. 2. ... 1. 2. 3.]\n  [4. 5. 6. ... 5. 6. 0.]\n  [1. 2. 3. ... 2. 3. 4.]\n  ...\n  [0. 1. 2. ... 1. 2. 3.]\n  [4. 5. 6. ... 5. 6. 0.]\n  [1. 2. 3. ... 2. 3. 4.]]\n\n [[5. 6. 0. ... 6. 0. 1.]\n  [2. 3. 4. ... 3. 4. 5.]\n  [6. 0. 1. ... 0. 1. 2.]\n  ...\n  [5. 6. 0. ... 6. 0. 1.]\n  [2. 3. 4. ... 3. 4. 5.]\n  [6. 0. 1. ... 0. 1. 2.]]\n\n [[3. 4. 5. ... 4. 5. 6.]\n  [0. 1. 2. ... 1. 2. 3.]\n  [4. 5. 6. ... 5. 6. 0.]\n  ...\n  [3. 4. 5. ... 4. 5. 6.]\n  [0. 1. 2. ... 1. 2. 3.]\n  [4. 5. 6. ... 5. 6. 0.]]]")),
        Map.entry("empty", new Case(NDArray.zeros(0),
                "[]")),
        Map.entry("empty2", new Case(NDArray.zeros(2, 0),
                "[]")),
        Map.entry("vec1", new Case(NDArray.of(7),
                "[7.]")),
        Map.entry("s25", new Case(NDArray.scalar(2.5),
                "2.5")),
        Map.entry("s1", new Case(NDArray.scalar(1),
                "1.0")),
        Map.entry("sNeg0", new Case(NDArray.scalar(-0.0),
                "0.0")),
        Map.entry("sTiny", new Case(NDArray.scalar(1e-5),
                "1e-05")),
        Map.entry("sHuge", new Case(NDArray.scalar(1.5e16),
                "1.5e+16")),
        Map.entry("sThird", new Case(NDArray.scalar(1.0 / 3),
                "0.3333333333333333")),
        Map.entry("sNaN", new Case(NDArray.scalar(NAN),
                "nan")),
        Map.entry("sInf", new Case(NDArray.scalar(-INF),
                "-inf")),
        Map.entry("s1e4", new Case(NDArray.scalar(1e-4),
                "0.0001"))
    );

    @TestFactory
    Stream<DynamicTest> printsLikeNumPy() {
        return CASES.stream().map(e -> DynamicTest.dynamicTest(e.getKey(),
                () -> assertEquals(e.getValue().numpy(), e.getValue().array().toString(), e.getKey())));
    }

    @Test
    void summarisesOnlyAboveAThousandElements() {
        // 1000 elements print in full (NumPy's threshold is "more than 1000"), 1001 are summarised
        String full = NDArray.zeros(1000).toString();
        assertEquals(1000, full.split("0\\.", -1).length - 1);
        assertEquals("[0. 0. 0. ... 0. 0. 0.]", NDArray.zeros(1001).toString());
    }

    @Test
    void aLargeArrayPrintsFromItsEdges() {
        // 10^7 elements; only the 36 shown are formatted (a debugger calls toString on anything it displays)
        assertEquals("[[0. 0. 0. ... 0. 0. 0.]\n [0. 0. 0. ... 0. 0. 0.]\n [0. 0. 0. ... 0. 0. 0.]\n ...\n"
                + " [0. 0. 0. ... 0. 0. 0.]\n [0. 0. 0. ... 0. 0. 0.]\n [0. 0. 0. ... 0. 0. 0.]]",
                NDArray.zeros(2000, 5000).toString());
    }

    @Test
    void formatIsChosenFromTheShownElementsOnly() {
        // the hidden middle value 1e9 would force scientific notation if it were looked at (NumPy ignores it)
        double[] d = new double[2000];
        for (int i = 0; i < d.length; i++) d[i] = 1;
        d[1000] = 1e9;
        assertEquals("[1. 1. 1. ... 1. 1. 1.]", NDArray.of(d).toString());
    }
}
