package dev.cotangent.tree;

import dev.cotangent.Ops;
import dev.cotangent.Tensor;
import dev.cotangent.tensor.Shape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Where each leaf of a tree sits in one flat vector: the tree's structure and the shape of every leaf, leaf i
 * taking the {@code shapes.get(i).size()} elements after those of leaves 0..i−1, in row-major order.
 *
 * <p>Two ways to use it. On ops, differentiable: {@link #ravel} and {@link #unravel} are reshape + concat and
 * slice + reshape, so a transform of {@code v -> f(layout.unravel(v))} sees every leaf as its tracer. On plain
 * numbers, for optimisers and solvers that work on {@code double[]}: {@link #toDoubles} and
 * {@link #fromDoubles} (not differentiable: they read values and make concrete tensors).
 *
 * @param def    the structure of the tree
 * @param shapes the shape of each leaf, in leaf order (unmodifiable)
 */
public record Layout(TreeDef def, List<Shape> shapes) {
    /** Checks that there is one shape per leaf of {@code def}, and keeps an unmodifiable copy of the shapes. */
    public Layout {
        shapes = List.copyOf(shapes);
        if (shapes.size() != def.leafCount()) {
            throw new IllegalArgumentException("Layout: " + shapes.size() + " shapes for " + def + ", which has "
                    + def.leafCount() + " leaves");
        }
    }

    /** The layout of {@code tree}: its structure and the shapes of its leaves. */
    public static Layout of(Object tree) {
        return of(Flattener.flatten(tree));
    }

    static Layout of(Flattened f) {
        List<Shape> s = new ArrayList<>(f.leaves().size());
        for (Tensor t : f.leaves()) s.add(t.dims());
        return new Layout(f.def(), s);
    }

    /** The length of the flat vector: the number of elements of all leaves together. */
    public int size() {
        int n = 0;
        for (Shape s : shapes) n += s.size();
        return n;
    }

    /**
     * The leaves of {@code tree}, which must have this layout, as one 1-d tensor (reshape + concat, so
     * differentiable); a tree without leaves gives a 0-length vector.
     */
    public Tensor ravel(Object tree) {
        return ravelLeaves(conform(tree, "ravel"));
    }

    static Tensor ravelLeaves(List<Tensor> leaves) {
        if (leaves.isEmpty()) return Tensor.zeros(0);
        Tensor[] parts = new Tensor[leaves.size()];
        for (int i = 0; i < parts.length; i++) parts[i] = Ops.reshape(leaves.get(i), leaves.get(i).size());
        return Ops.concat(0, parts);
    }

    /**
     * The tree of this layout whose leaves are cut from the 1-d tensor {@code flat} (slice + reshape, so
     * differentiable: under a transform the leaves are tracers of it).
     *
     * @throws IllegalArgumentException if {@code flat} is not 1-d of {@link #size()} elements
     */
    public <T> T unravel(Tensor flat) {
        int total = size();
        if (flat.rank() != 1 || flat.size() != total) {
            throw new IllegalArgumentException("unravel: a tensor of shape " + flat.dims() + " cannot be cut into "
                    + this + "; give a 1-d tensor of " + total + " elements");
        }
        List<Tensor> leaves = new ArrayList<>(shapes.size());
        int off = 0;
        for (Shape s : shapes) {
            int n = s.size();
            leaves.add(Ops.reshape(Ops.slice(flat, 0, off, off + n), s.dims()));
            off += n;
        }
        return def.unflatten(leaves);
    }

    /**
     * The values of the leaves of {@code tree}, which must have this layout, one after the other in row-major
     * order (for a tracer, the value it carries; not differentiable).
     */
    public double[] toDoubles(Object tree) {
        return doubles(conform(tree, "toDoubles"), size());
    }

    static double[] doubles(List<Tensor> leaves, int total) {
        double[] out = new double[total];
        int off = 0;
        for (Tensor t : leaves) {
            double[] v = t.value().unsafeData();
            System.arraycopy(v, 0, out, off, v.length);
            off += v.length;
        }
        return out;
    }

    /**
     * The tree of this layout whose leaves are concrete tensors holding copies of consecutive runs of
     * {@code values}.
     *
     * @throws IllegalArgumentException if {@code values} does not have {@link #size()} elements
     */
    public <T> T fromDoubles(double[] values) {
        int total = size();
        if (values.length != total) {
            throw new IllegalArgumentException("fromDoubles: " + values.length + " numbers for " + this
                    + ", which needs " + total);
        }
        List<Tensor> leaves = new ArrayList<>(shapes.size());
        int off = 0;
        for (Shape s : shapes) {
            leaves.add(Tensor.of(s.dims(), Arrays.copyOfRange(values, off, off + s.size())));
            off += s.size();
        }
        return def.unflatten(leaves);
    }

    /** The leaves of {@code tree}, after checking that it has this structure and these shapes. */
    private List<Tensor> conform(Object tree, String op) {
        Flattened f = Flattener.flatten(tree);
        if (!f.def().equals(def)) {
            throw new IllegalArgumentException(op + ": the tree " + f.def() + " does not have the structure " + def
                    + " of this layout");
        }
        List<String> paths = null;
        for (int i = 0; i < shapes.size(); i++) {
            Shape s = f.leaves().get(i).dims();
            if (!s.equals(shapes.get(i))) {
                if (paths == null) paths = def.leafPaths();
                throw new IllegalArgumentException(op + ": leaf " + paths.get(i) + " has shape " + s
                        + ", but this layout has " + shapes.get(i) + " there");
            }
        }
        return f.leaves();
    }

    /** As the tree with each leaf written as {@code *} and its shape: {@code Layout {W: *[2,3], b: *[3]}}. */
    @Override
    public String toString() {
        return "Layout " + def.render(i -> "*" + shapes.get(i));
    }
}
