package com.example;

// The README's five-minute tour, as a user's project runs it. The lines between the markers are the README's code
// block, line for line (core's ReadmeTourTest checks that), and TourTest checks that every println prints what its
// comment says.
// README tour: imports
import dev.cotangent.AD;
import dev.cotangent.Aux;
import dev.cotangent.Tensor;
import static dev.cotangent.Ops.*;
import java.util.Map;
import java.util.function.Function;
// end of the README's imports

/** Runs the README's tour and prints each result. */
public final class Tour {
    private Tour() {}

    public static void main(String[] args) {
        // README tour: body
        Function<Tensor, Tensor> f = x -> x.mul(x).sum();               // f(x) = Σ x_i²
        Tensor x = Tensor.of(1, 2, 3);

        System.out.println(AD.grad(f).apply(x));                        // [2. 4. 6.]  reverse mode
        System.out.println(AD.valueAndGrad(f, x));                      // ValueAndGrad(value=14.0, grad=[2. 4. 6.])
        System.out.println(AD.jvp(f, x, Tensor.of(1, 0, 0)));           // JvpResult(value=14.0, tangent=2.0)  forward mode
        var r = AD.vjp(t -> t.mul(t), x);                               // x², recorded once, and its pullback
        System.out.println(r.pullback(Tensor.of(1, 0, 1)));             // [2. 0. 6.]  one tape, any number of cotangents

        Tensor A = Tensor.of(new double[][] {{1, 0, 2}, {0, 3, 0}});
        System.out.println(AD.jacobian(v -> A.matmul(v.square())).apply(x)); // [[2. 0. 12.] [0. 12. 0.]]  A·diag(2x)
        System.out.println(AD.hessian(f).apply(x));                     // [[2. 0. 0.] [0. 2. 0.] [0. 0. 2.]]
        System.out.println(AD.hvp(f, x, Tensor.of(1, 0, 0)));           // [2. 0. 0.]  without forming the Hessian
        System.out.println(AD.grad(AD.grad(t -> sin(t))).apply(Tensor.scalar(Math.PI / 2))); // -1.0  nesting: −sin
        System.out.println(AD.vmap(v -> A.matmul(v)).apply(Tensor.eye(3))); // [[1. 0.] [0. 3.] [2. 0.]]  A·e_i, one pass
        System.out.println(AD.vmap(v -> v.sum(), 1, 0).apply(A));       // [1. 3. 2.]  examples along axis 1
        var lin = AD.linearize(v -> v.sin(), Tensor.of(0, Math.PI));    // sin evaluated once ...
        System.out.println(lin.apply(Tensor.of(1, 1)));                 // [ 1. -1.]  ... then v ↦ cos(x)·v
        var seg = AD.checkpoint(xs -> xs[0].matmul(xs[1]).tanh());      // recomputed in the backward sweep, not stored
        var g = AD.stage(in -> new Tensor[] {AD.grad(f).apply(in[0])}, x); // the gradient program as a Graph
        System.out.println(g);                                          // (its listing, x_k = f_k(parents))

        // several inputs; chosen arguments; a loss with its metrics; a model's named weights; any tree
        var b = Tensor.of(4, 5, 6);
        System.out.println(Tensor.toString(AD.grad((Tensor p, Tensor q) -> p.mul(q).sum()).apply(x, b))); // [[4. 5. 6.], [1. 2. 3.]]
        System.out.println(Tensor.toString(AD.grad((Tensor[] a) -> a[0].mul(a[1]).sum(), 1).apply(new Tensor[] {x, b}))); // [[1. 2. 3.]]
        System.out.println(AD.valueAndGradWithAux((Tensor v) -> {
            Tensor err = A.matmul(v).sub(Tensor.of(6, 6));             // A·x − [6, 6] = [1, 0]
            return Aux.of(err.square().sum(), err.abs().max());         // the loss, and the largest error beside it
        }, x));                                                         // ValueAndGradAux(value=1.0, grad=[2. 0. 4.], aux=1.0)
        Map<String, Tensor> w = Map.of("W", Tensor.ones(3, 2), "b", Tensor.zeros(2));
        System.out.println(AD.valueAndGrad(p -> x.matmul(p.get("W")).add(p.get("b")).relu().sum(), w).grads().get("W")); // [[1. 1.] [2. 2.] [3. 3.]]
        record Layer(Tensor w, Tensor b) {}                             // records, lists, maps, arrays, nested
        System.out.println(AD.valueAndGrad(l -> x.matmul(l.w()).add(l.b()).sum(), new Layer(Tensor.ones(3, 2), Tensor.zeros(2)))
                .grad());                                               // Layer[w=[[1. 1.] [2. 2.] [3. 3.]], b=[1. 1.]]

        // your own derivative rule: forward mode calls it, reverse mode transposes it
        var softplus = AD.customJvp(xs -> xs[0].exp().add(1).log(), (p, t, y) -> t[0].mul(p[0].sigmoid()));
        System.out.println(AD.grad(v -> softplus.apply(new Tensor[] {v}).sum()).apply(x)); // [0.73105858 0.88079708 0.95257413]  sigmoid(x)
        Tensor batch = Tensor.randn(42, 4, 2, 3);                       // seeded: the same numbers everywhere
        System.out.println(batch.matmul(batch.mT()).dims());            // [4,2,2]  mT(): the last two axes
        // end of the README's body
    }
}
