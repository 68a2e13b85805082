package dev.cotangent.gradbench;

import java.util.List;

/**
 * One GradBench eval (a module of the protocol): its functions, each prepared from an {@code evaluate} message's
 * input (decoding and conversion, not timed) into a computation that the server runs and times as often as the
 * message asks, and whose result it then writes (not timed).
 */
public interface Eval {
    /** The module name, as in {@code define} and {@code evaluate} messages. */
    String name();

    /** The function names this eval answers. */
    List<String> functions();

    /**
     * Decodes {@code input} for {@code function} (one of {@link #functions()}); throws {@link BadMessage} naming the
     * field when the input is missing something or has the wrong shape.
     */
    Prepared<?> prepare(String function, In input);

    /** A decoded evaluation: {@link #run()} is what is timed, {@link #write} encodes one run's result. */
    interface Prepared<R> {
        R run();

        void write(R result, Out out);

        /** A prepared evaluation from its two halves. */
        static <R> Prepared<R> of(java.util.function.Supplier<R> run, java.util.function.BiConsumer<R, Out> write) {
            return new Prepared<>() {
                @Override
                public R run() {
                    return run.get();
                }

                @Override
                public void write(R result, Out out) {
                    write.accept(result, out);
                }
            };
        }
    }

    /** The BadMessage for a function this eval does not have. */
    default BadMessage unknownFunction(String function) {
        return new BadMessage("message.function: unknown function '" + function + "' of module " + name() + " (it has "
                + String.join(", ", functions()) + ")");
    }
}
