package dev.cotangent.tree;

import dev.cotangent.Tensor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * One node of a {@link TreeDef}: plain immutable data with value equality (the records' own), able to print
 * itself, to rebuild the container it describes from leaves, and to list the paths of its leaves.
 */
sealed interface Node {
    /** The number of leaves below (and including) this node. */
    int leafCount();

    /** The container this node describes, its leaves taken in order from {@code leaves}. */
    Object build(Iterator<Tensor> leaves);

    /** Appends the text of this node; leaf number i (counted from {@code first}) prints as {@code leaf.apply(i)}. */
    int render(StringBuilder out, int first, IntFunction<String> leaf);

    /** Appends the path of every leaf below this node, this node being at {@code path}. */
    void paths(String path, List<String> out);

    /** A leaf: one tensor. */
    record Leaf() implements Node {
        public int leafCount() { return 1; }
        public Object build(Iterator<Tensor> leaves) { return leaves.next(); }
        public int render(StringBuilder out, int first, IntFunction<String> leaf) {
            out.append(leaf.apply(first));
            return first + 1;
        }
        public void paths(String path, List<String> out) { out.add(path); }
    }

    /** Static data: null, a string, a boxed primitive, an enum or a Shape, kept as it is and given back. */
    record Static(Object value) implements Node {
        public int leafCount() { return 0; }
        public Object build(Iterator<Tensor> leaves) { return value; }
        public int render(StringBuilder out, int first, IntFunction<String> leaf) {
            if (value instanceof String s) out.append('"').append(s).append('"');
            else if (value instanceof Character c) out.append('\'').append(c).append('\'');
            else out.append(value);
            return first;
        }
        public void paths(String path, List<String> out) {}
    }

    /** A Java array of reference type (Tensor[], Object[], ...), rebuilt with the same component type. */
    record ArrayNode(Class<?> component, List<Node> children) implements Node {
        public int leafCount() { return count(children); }
        public Object build(Iterator<Tensor> leaves) {
            Object[] a = (Object[]) java.lang.reflect.Array.newInstance(component, children.size());
            for (int i = 0; i < a.length; i++) a[i] = children.get(i).build(leaves);
            return a;
        }
        public int render(StringBuilder out, int first, IntFunction<String> leaf) {
            out.append(component.getSimpleName()).append("[]");
            return renderAll(out, "{", children, null, first, leaf, "}");
        }
        public void paths(String path, List<String> out) {
            for (int i = 0; i < children.size(); i++) children.get(i).paths(path + "[" + i + "]", out);
        }
    }

    /** A {@code List}, rebuilt as an unmodifiable list. */
    record ListNode(List<Node> children) implements Node {
        public int leafCount() { return count(children); }
        public Object build(Iterator<Tensor> leaves) {
            List<Object> l = new ArrayList<>(children.size());
            for (Node c : children) l.add(c.build(leaves));
            return Collections.unmodifiableList(l);
        }
        public int render(StringBuilder out, int first, IntFunction<String> leaf) {
            return renderAll(out, "[", children, null, first, leaf, "]");
        }
        public void paths(String path, List<String> out) {
            for (int i = 0; i < children.size(); i++) children.get(i).paths(path + "[" + i + "]", out);
        }
    }

    /** A {@code Map<String, ?>} in its iteration order, rebuilt as an unmodifiable map of the same order. */
    record MapNode(List<String> keys, List<Node> children) implements Node {
        public int leafCount() { return count(children); }
        public Object build(Iterator<Tensor> leaves) {
            Map<String, Object> m = new LinkedHashMap<>();
            for (int i = 0; i < keys.size(); i++) m.put(keys.get(i), children.get(i).build(leaves));
            return Collections.unmodifiableMap(m);
        }
        public int render(StringBuilder out, int first, IntFunction<String> leaf) {
            List<String> names = new ArrayList<>();
            for (String k : keys) names.add(Paths.isName(k) ? k : Paths.quote(k));
            return renderAll(out, "{", children, names, first, leaf, "}");
        }
        public void paths(String path, List<String> out) {
            for (int i = 0; i < keys.size(); i++) children.get(i).paths(Paths.key(path, keys.get(i)), out);
        }
    }

    /** A record, its components in declaration order, rebuilt with its canonical constructor. */
    record RecordNode(Class<?> type, List<Node> children) implements Node {
        public int leafCount() { return count(children); }
        public Object build(Iterator<Tensor> leaves) {
            Object[] args = new Object[children.size()];
            for (int i = 0; i < args.length; i++) args[i] = children.get(i).build(leaves);
            return Records.of(type).construct(args);
        }
        public int render(StringBuilder out, int first, IntFunction<String> leaf) {
            out.append(type.getSimpleName());
            return renderAll(out, "(", children, Records.of(type).names(), first, leaf, ")");
        }
        public void paths(String path, List<String> out) {
            List<String> names = Records.of(type).names();
            for (int i = 0; i < names.size(); i++) children.get(i).paths(path + "." + names.get(i), out);
        }
    }

    private static int count(List<Node> children) {
        int n = 0;
        for (Node c : children) n += c.leafCount();
        return n;
    }

    private static int renderAll(StringBuilder out, String open, List<Node> children, List<String> names, int first,
            IntFunction<String> leaf, String close) {
        out.append(open);
        int next = first;
        for (int i = 0; i < children.size(); i++) {
            if (i > 0) out.append(", ");
            if (names != null) out.append(names.get(i)).append(": ");
            next = children.get(i).render(out, next, leaf);
        }
        out.append(close);
        return next;
    }
}
