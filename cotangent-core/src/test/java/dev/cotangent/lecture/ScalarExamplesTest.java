package dev.cotangent.lecture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cotangent.AD;
import dev.cotangent.Ops;
import dev.cotangent.Tensor;
import dev.cotangent.VjpResult;
import dev.cotangent.check.FiniteDifferences;
import dev.cotangent.check.Packing;
import dev.cotangent.tensor.Shape;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The scalar worked examples of the lecture notes (seeds 000, 001, 002, 004): each program's intermediate values,
 * its forward-mode tangent table and its reverse-mode adjoint table, against the formulas of the slides
 * evaluated by hand in plain Java (never against numbers the engine produced).
 *
 * <p>How a table entry is obtained from the engine: the tangent ∂v/∂x of an intermediate v is the JVP of the
 * program's prefix x ↦ v; the adjoint ∂f/∂v is the gradient of the program's suffix v ↦ f, in which the
 * variables computed before v are held fixed (that is what the backward sweep propagates).
 */
class ScalarExamplesTest {
    private static final double TOL = 1e-14;

    private static Tensor s(double v) {
        return Tensor.scalar(v);
    }

    private static double d(Function<Tensor, Tensor> f, double at) {
        return AD.jvp(f, s(at), s(1)).tangent().item();
    }

    private static double g(Function<Tensor, Tensor> f, double at) {
        return AD.grad(f).apply(s(at)).item();
    }

    // ------------------------------------------------------------------ f(x, y) = y log x + sqrt(y log x)

    @Test
    void ylogxPlusSqrtValuesAndForwardTables() {
        double x = 2;
        double y = 3;
        // the graph: a = log x, b = y·a, c = sqrt(b), f = b + c
        double a = Math.log(x);
        double b = y * a;
        double c = Math.sqrt(b);
        double f = b + c;
        Tensor ty = s(y);
        Tensor tx = s(x);
        Function<Tensor, Tensor> fa = t -> t.log();
        Function<Tensor, Tensor> fb = t -> ty.mul(t.log());
        Function<Tensor, Tensor> fc = t -> ty.mul(t.log()).sqrt();
        Function<Tensor, Tensor> ff = t -> ty.mul(t.log()).add(ty.mul(t.log()).sqrt());
        assertEquals(a, fa.apply(tx).item(), TOL);
        assertEquals(b, fb.apply(tx).item(), TOL);
        assertEquals(c, fc.apply(tx).item(), TOL);
        assertEquals(f, ff.apply(tx).item(), TOL);

        // column ∂/∂x: ∂x/∂x = 1, ∂y/∂x = 0
        double ax = 1 / x;                        // ∂a/∂x = 1/x · ∂x/∂x
        double bx = y * ax + a * 0;               // ∂b/∂x = y ∂a/∂x + a ∂y/∂x
        double cx = bx / (2 * Math.sqrt(b));      // ∂c/∂x = 1/(2√b) ∂b/∂x
        double fx = bx + cx;                      // ∂f/∂x = 1·∂b/∂x + 1·∂c/∂x
        assertEquals(ax, d(fa, x), TOL);
        assertEquals(bx, d(fb, x), TOL);
        assertEquals(cx, d(fc, x), TOL);
        assertEquals(fx, d(ff, x), TOL);

        // column ∂/∂y: ∂x/∂y = 0, ∂y/∂y = 1
        Function<Tensor, Tensor> gb = t -> t.mul(tx.log());
        Function<Tensor, Tensor> gc = t -> t.mul(tx.log()).sqrt();
        Function<Tensor, Tensor> gf = t -> t.mul(tx.log()).add(t.mul(tx.log()).sqrt());
        double ay = 0;                            // ∂a/∂y = [∂a/∂x] ∂x/∂y = 0
        double by = y * ay + a * 1;               // ∂b/∂y = y ∂a/∂y + a ∂y/∂y
        double cy = by / (2 * Math.sqrt(b));
        double fy = by + cy;
        assertEquals(0.0, AD.jvp(t -> tx.log(), s(y), s(1)).tangent().item(), 0.0);
        assertEquals(by, d(gb, y), TOL);
        assertEquals(cy, d(gc, y), TOL);
        assertEquals(fy, d(gf, y), TOL);

        // the same numbers in closed form: ∂f/∂x = (y/x)(1 + 1/(2√(y log x))), ∂f/∂y = log x (1 + 1/(2√(y log x)))
        assertEquals(y / x * (1 + 1 / (2 * Math.sqrt(y * Math.log(x)))), fx, TOL);
        assertEquals(Math.log(x) * (1 + 1 / (2 * Math.sqrt(y * Math.log(x)))), fy, TOL);
    }

    @Test
    void ylogxPlusSqrtBackwardTable() {
        double x = 2;
        double y = 3;
        double a = Math.log(x);
        double b = y * a;
        // ∂f/∂f = 1; ∂f/∂c = ∂f/∂f·1; ∂f/∂b = ∂f/∂c·1/(2√b) + ∂f/∂f·1; ∂f/∂a = ∂f/∂b·y;
        // ∂f/∂y = ∂f/∂b·a; ∂f/∂x = ∂f/∂a·1/x
        double fc = 1;
        double fb = fc / (2 * Math.sqrt(b)) + 1;
        double fa = fb * y;
        double fy = fb * a;
        double fx = fa / x;
        Tensor tb = s(b);
        Tensor ty = s(y);
        assertEquals(fc, g(c -> tb.add(c), Math.sqrt(b)), TOL);               // f = b + c, b fixed
        assertEquals(fb, g(t -> t.add(t.sqrt()), b), TOL);                    // f = b + √b
        assertEquals(fa, g(t -> ty.mul(t).add(ty.mul(t).sqrt()), a), TOL);     // f = ya + √(ya)

        // the whole program, both inputs at once (one backward sweep) and by the two-argument grad
        Function<Map<String, Tensor>, Tensor> f = p -> {
            Tensor ya = p.get("y").mul(p.get("x").log());
            return ya.add(ya.sqrt());
        };
        Map<String, Tensor> grads = AD.grad(f, Map.of("x", s(x), "y", s(y)));
        assertEquals(fx, grads.get("x").item(), TOL);
        assertEquals(fy, grads.get("y").item(), TOL);
        Tensor[] g2 = AD.grad((Tensor u, Tensor v) -> v.mul(u.log()).add(v.mul(u.log()).sqrt())).apply(s(x), s(y));
        assertEquals(fx, g2[0].item(), TOL);
        assertEquals(fy, g2[1].item(), TOL);
    }

    @Test
    void backwardTableByChainingElementaryPullbacks() {
        // the backward sweep of the slides done by hand: one vjp per elementary function, adjoints summed over
        // children, as in ∂f/∂b = ∂f/∂c·[∂c/∂b] + ∂f/∂f·[∂f/∂b]
        double x = 2;
        double y = 3;
        Tensor a = s(x).log();
        Tensor b = s(y).mul(a);
        Tensor c = b.sqrt();
        VjpResult cOfB = AD.vjp(Ops::sqrt, b);
        VjpResult bOfA = AD.vjp(t -> s(y).mul(t), a);
        VjpResult bOfY = AD.vjp(t -> t.mul(a), s(y));
        VjpResult aOfX = AD.vjp(Ops::log, s(x));
        VjpResult fOfB = AD.vjp(t -> t.add(c), b);
        VjpResult fOfC = AD.vjp(t -> b.add(t), c);
        Tensor fbar = s(1);
        Tensor cbar = fOfC.pullback(fbar);
        Tensor bbar = cOfB.pullback(cbar).add(fOfB.pullback(fbar));
        Tensor abar = bOfA.pullback(bbar);
        Tensor ybar = bOfY.pullback(bbar);
        Tensor xbar = aOfX.pullback(abar);
        double fb = 1 / (2 * Math.sqrt(y * Math.log(x))) + 1;
        assertEquals(1.0, cbar.item(), TOL);
        assertEquals(fb, bbar.item(), TOL);
        assertEquals(fb * y, abar.item(), TOL);
        assertEquals(fb * Math.log(x), ybar.item(), TOL);
        assertEquals(fb * y / x, xbar.item(), TOL);
    }

    // ------------------------------------------------------------------ p(x) = log x + sqrt(log x)

    @ParameterizedTest
    @ValueSource(doubles = {1.5, 3.0, 10.0})
    void logxPlusSqrtLogx(double x) {
        // y = log x, z = √y, p = y + z
        double y = Math.log(x);
        double yx = 1 / x;                       // ∂y/∂x
        double zx = yx / (2 * Math.sqrt(y));     // ∂z/∂x = 1/(2√y) ∂y/∂x
        double px = zx + yx;                     // ∂p/∂x = 1·∂z/∂x + 1·∂y/∂x
        assertEquals(yx, d(Ops::log, x), TOL);
        assertEquals(zx, d(t -> t.log().sqrt(), x), TOL);
        Function<Tensor, Tensor> p = t -> t.log().add(t.log().sqrt());
        assertEquals(y + Math.sqrt(y), p.apply(s(x)).item(), TOL);
        assertEquals(px, d(p, x), TOL);
        // backward: ∂p/∂z = 1, ∂p/∂y = ∂p/∂z·1/(2√y) + 1, ∂p/∂x = ∂p/∂y·∂y/∂x
        double pz = 1;
        double py = pz / (2 * Math.sqrt(y)) + 1;
        assertEquals(pz, g(z -> s(y).add(z), Math.sqrt(y)), TOL);
        assertEquals(py, g(t -> t.add(t.sqrt()), y), TOL);
        assertEquals(py / x, g(p, x), TOL);
        assertEquals(px, py / x, TOL);
    }

    // ------------------------------------------------ f(x) = log(x + √(x²+1))/x² − log³(x + √(x²+1))/√(x²+1)

    /** The program of the slide: y = x², z = √(y+1), n = log(x+z), t = n³, s = n/y, u = t/z, f = s − u. */
    private static Tensor asinhExample(Tensor x) {
        Tensor y = x.mul(x);
        Tensor z = y.add(1).sqrt();
        Tensor n = x.add(z).log();
        Tensor t = n.mul(n).mul(n);
        Tensor sv = n.div(y);
        Tensor u = t.div(z);
        return sv.sub(u);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.7, 1.5, -1.2, 3.0})
    void asinhExampleAgainstTheDerivativeByHand(double x) {
        // By hand: r = √(x²+1), n = log(x + r) = asinh x, n' = 1/r.
        //   s = n/x²  ⇒ s' = 1/(r x²) − 2n/x³
        //   u = n³/r  ⇒ u' = 3n²/r² − n³x/r³
        double r = Math.sqrt(x * x + 1);
        double n = Math.log(x + r);
        double value = n / (x * x) - n * n * n / r;
        double derivative = 1 / (r * x * x) - 2 * n / (x * x * x) - (3 * n * n / (r * r) - n * n * n * x / (r * r * r));
        assertEquals(value, asinhExample(s(x)).item(), 1e-14);
        assertEquals(derivative, d(ScalarExamplesTest::asinhExample, x), 1e-13);
        assertEquals(derivative, g(ScalarExamplesTest::asinhExample, x), 1e-13);
        // and the hand derivation itself against finite differences
        assertEquals(derivative, FiniteDifferences.directional(ScalarExamplesTest::asinhExample, s(x), s(1)).item(),
                1e-8 * Math.max(1, Math.abs(derivative)));
    }

    @Test
    void asinhExampleForwardAndBackwardTables() {
        double x = 0.7;
        double y = x * x;
        double z = Math.sqrt(y + 1);
        double n = Math.log(x + z);
        double t = n * n * n;
        // forward table (∂·/∂x), each row from the rows above, as on the slide
        double yx = 2 * x;
        double zx = yx / (2 * Math.sqrt(y + 1));
        double nx = (1 + zx) / (x + z);                      // ∂n/∂x·∂x/∂x + ∂n/∂z·∂z/∂x, ∂n/∂x = ∂n/∂z = 1/(x+z)
        double sx = nx / y - n / (y * y) * yx;               // s = n/y
        double tx = 3 * n * n * nx;
        double ux = tx / z - t / (z * z) * zx;               // u = t/z
        double fx = sx - ux;
        assertEquals(yx, d(v -> v.mul(v), x), TOL);
        assertEquals(zx, d(v -> v.mul(v).add(1).sqrt(), x), TOL);
        assertEquals(nx, d(v -> v.add(v.mul(v).add(1).sqrt()).log(), x), TOL);
        assertEquals(sx, d(v -> v.add(v.mul(v).add(1).sqrt()).log().div(v.mul(v)), x), 1e-13);
        assertEquals(tx, d(v -> v.add(v.mul(v).add(1).sqrt()).log().pow(3), x), 1e-13);
        assertEquals(fx, d(ScalarExamplesTest::asinhExample, x), 1e-13);

        // backward table: adjoints from f down to x, each a gradient of the program's suffix
        double fu = -1;                                      // f = s − u
        double fs = 1;
        double ft = fu / z;                                  // u = t/z
        double fn = ft * 3 * n * n + fs / y;                 // t = n³, s = n/y
        double fz = fn / (x + z) + fu * (-t / (z * z));      // n = log(x+z), u = t/z
        double fy = fz / (2 * Math.sqrt(y + 1)) + fs * (-n / (y * y)); // z = √(y+1), s = n/y
        double fxb = fy * 2 * x + fn / (x + z);              // y = x², n = log(x+z)
        Tensor X = s(x);
        Tensor Y = s(y);
        Tensor Z = s(z);
        Tensor N = s(n);
        Tensor T = s(t);
        assertEquals(fu, g(u -> N.div(Y).sub(u), t / z), TOL);
        assertEquals(ft, g(v -> N.div(Y).sub(v.div(Z)), t), TOL);
        assertEquals(fn, g(v -> v.div(Y).sub(v.pow(3).div(Z)), n), 1e-13);
        assertEquals(fz, g(v -> {
            Tensor nn = X.add(v).log();
            return nn.div(Y).sub(nn.pow(3).div(v));
        }, z), 1e-13);
        assertEquals(fy, g(v -> {
            Tensor zz = v.add(1).sqrt();
            Tensor nn = X.add(zz).log();
            return nn.div(v).sub(nn.pow(3).div(zz));
        }, y), 1e-13);
        assertEquals(fxb, g(ScalarExamplesTest::asinhExample, x), 1e-13);
        assertEquals(fx, fxb, 1e-13);
        assertEquals(T.item(), t, 0.0);
    }

    // ------------------------------------------------------------------ dual numbers (seed 002)

    @ParameterizedTest
    @ValueSource(doubles = {-1.3, 0.4, 2.5})
    void dualNumberRules(double x) {
        double xp = 0.75; // the tangent x'
        // (x + εx')(y + εy') = xy + ε(xy' + yx')
        double y = 1.9;
        double yp = -0.5;
        Function<Tensor, Tensor> product = Packing.packed(xy -> xy[0].mul(xy[1]), Shape.of(), Shape.of());
        var xy = AD.jvp(product, Tensor.of(x, y), Tensor.of(xp, yp));
        assertEquals(x * y, xy.value().item(), 1e-15);
        assertEquals(x * yp + y * xp, xy.tangent().item(), 1e-14);
        // 1/(x + εx') = 1/x − ε x'/x²
        assertEquals(-xp / (x * x), AD.jvp(Ops::reciprocal, s(x), s(xp)).tangent().item(), 1e-14);
        // cos(x + εx') = cos x − ε x' sin x
        assertEquals(-xp * Math.sin(x), AD.jvp(Ops::cos, s(x), s(xp)).tangent().item(), 1e-15);
        // P(x + ε) = P(x) + ε P'(x) for P(x) = 2x³ − x² + 5x − 7
        Function<Tensor, Tensor> p = t -> t.pow(3).mul(2).sub(t.mul(t)).add(t.mul(5)).sub(7);
        var r = AD.jvp(p, s(x), s(1));
        assertEquals(2 * x * x * x - x * x + 5 * x - 7, r.value().item(), 1e-13);
        assertEquals(6 * x * x - 2 * x + 5, r.tangent().item(), 1e-13);
        // (f ∘ g)(x + ε) = f(g(x)) + ε f'(g(x)) g'(x) with f = exp, g = sin
        assertEquals(Math.exp(Math.sin(x)) * Math.cos(x), d(t -> t.sin().exp(), x), 1e-14);
    }

    // ------------------------------------------------------------------ the regularised loss (seed 003/004)

    @Test
    void regularisedLogisticLossBackwardTable() {
        // z = wx + b, y = σ(z), L = ½(y − t)², R = ½w², ℒ = L + λR
        double w = 0.8;
        double b = -0.3;
        double x = 1.5;
        double t = 0.2;
        double lambda = 0.1;
        double z = w * x + b;
        double y = 1 / (1 + Math.exp(-z));
        double loss = 0.5 * (y - t) * (y - t) + lambda * 0.5 * w * w;
        // the slide's table: ℒ̄ = 1, R̄ = ℒ̄λ, L̄ = ℒ̄, ȳ = L̄(y − t), z̄ = ȳσ'(z), w̄ = z̄x + R̄w, b̄ = z̄, x̄ = z̄w
        double rbar = lambda;
        double ybar = y - t;
        double zbar = ybar * y * (1 - y);
        double wbar = zbar * x + rbar * w;
        double bbar = zbar;
        double xbar = zbar * w;
        Tensor tx = s(x);
        Tensor tt = s(t);
        Function<Map<String, Tensor>, Tensor> f = p -> {
            Tensor zz = p.get("w").mul(p.get("x")).add(p.get("b"));
            Tensor yy = zz.sigmoid();
            Tensor l = yy.sub(tt).square().mul(0.5);
            Tensor reg = p.get("w").square().mul(0.5);
            return l.add(reg.mul(lambda));
        };
        var vg = AD.valueAndGrad(f, new java.util.LinkedHashMap<>(Map.of("w", s(w), "b", s(b), "x", tx)));
        assertEquals(loss, vg.value().item(), 1e-15);
        assertEquals(wbar, vg.grads().get("w").item(), 1e-15);
        assertEquals(bbar, vg.grads().get("b").item(), 1e-15);
        assertEquals(xbar, vg.grads().get("x").item(), 1e-15);
        // the two-argument form, gradient in (w, b)
        Tensor[] wb = AD.grad((Tensor ww, Tensor bb) -> {
            Tensor yy = ww.mul(tx).add(bb).sigmoid();
            return yy.sub(tt).square().mul(0.5).add(ww.square().mul(0.5 * lambda));
        }).apply(s(w), s(b));
        assertEquals(wbar, wb[0].item(), 1e-15);
        assertEquals(bbar, wb[1].item(), 1e-15);
        // an intermediate adjoint: z̄ is the gradient of the suffix z ↦ ℒ (w held fixed)
        assertEquals(zbar, g(zz -> zz.sigmoid().sub(tt).square().mul(0.5).add(0.5 * lambda * w * w), z), 1e-15);
    }
}
