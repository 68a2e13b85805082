package dev.cotangent.gradbench;

import dev.cotangent.AD;
import dev.cotangent.Tensor;
import java.util.List;
import java.util.function.Function;

/** hello: {@code square} is x², {@code double} its derivative 2x by reverse mode. The input is a bare number. */
final class Hello implements Eval {
    private static final Function<Tensor, Tensor> SQUARE = x -> x.mul(x);
    private static final Function<Tensor, Tensor> DERIVATIVE = AD.grad(SQUARE);

    @Override
    public String name() {
        return "hello";
    }

    @Override
    public List<String> functions() {
        return List.of("square", "double");
    }

    @Override
    public Prepared<?> prepare(String function, In input) {
        Function<Tensor, Tensor> f = switch (function) {
            case "square" -> SQUARE;
            case "double" -> DERIVATIVE;
            default -> throw unknownFunction(function);
        };
        Tensor x = Tensor.scalar(input.number());
        return Prepared.of(() -> f.apply(x).item(), (r, out) -> out.number(r));
    }
}
