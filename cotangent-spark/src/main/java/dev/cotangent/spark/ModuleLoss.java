package dev.cotangent.spark;

import dev.cotangent.Tensor;
import dev.cotangent.nn.Losses;
import dev.cotangent.nn.Module;
import java.io.Serializable;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The softmax cross-entropy of a classifier {@link Module} as a {@link BatchLoss}: the loss
 * {@code dev.cotangent.nn.train.Trainer} minimises (without its L2 term), in a form Spark can ship. Modules are
 * architectures, not data, and need not be serializable: the executors rebuild the module from a serializable
 * factory, once per deserialized copy of this loss.
 */
public final class ModuleLoss implements BatchLoss {
    private static final long serialVersionUID = 1L;

    /** A serializable way to build the module (for instance {@code () -> new MLP(sizes, RELU, IDENTITY)}). */
    @FunctionalInterface
    public interface Factory extends Supplier<Module>, Serializable {}

    private final Factory factory;
    private transient Module module;

    private ModuleLoss(Factory factory) {
        this.factory = factory;
    }

    /** Mean softmax cross-entropy of the module's logits against the batch's class labels. */
    public static ModuleLoss crossEntropy(Factory factory) {
        return new ModuleLoss(factory);
    }

    /** The module (built on first use in this JVM). */
    public Module module() {
        if (module == null) module = factory.get();
        return module;
    }

    @Override
    public Tensor loss(Map<String, Tensor> params, Batch batch) {
        return Losses.softmaxCrossEntropy(module().apply(params, batch.features()), batch.classes());
    }
}
