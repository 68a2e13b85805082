package dev.cotangent.tree;

import dev.cotangent.Tensor;
import dev.cotangent.tensor.NDArray;
import dev.cotangent.tensor.Shape;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One depth-first walk of a tree: collects its leaves in order and describes its structure as {@link Node}s,
 * or fails with a message naming the path and class of what it cannot hold.
 */
final class Flattener {
    static final String SUPPORTED = "a tree holds Tensor leaves in arrays of a reference type (Tensor[], Object[]),"
            + " Lists, Map<String, ?>s and records, with null, strings, boxed primitives, enums and Shapes as"
            + " static data";

    private final List<Tensor> leaves = new ArrayList<>();
    private final Set<Object> onPath = Collections.newSetFromMap(new IdentityHashMap<>());

    private Flattener() {}

    /** The leaves and structure of {@code tree}. */
    static Flattened flatten(Object tree) {
        Flattener f = new Flattener();
        Node root = f.walk(tree, Paths.ROOT);
        return new Flattened(f.leaves, new TreeDef(root));
    }

    /** Whether {@code x} is static data: kept in the TreeDef, given back unchanged, never a leaf. */
    static boolean isStatic(Object x) {
        return x == null || x instanceof String || x instanceof Boolean || x instanceof Character
                || x instanceof Integer || x instanceof Long || x instanceof Double || x instanceof Float
                || x instanceof Short || x instanceof Byte || x instanceof Enum<?> || x instanceof Shape;
    }

    private Node walk(Object x, String path) {
        if (x instanceof Tensor t) {
            leaves.add(t);
            return new Node.Leaf();
        }
        if (isStatic(x)) return new Node.Static(x);
        boolean array = x.getClass().isArray() && !x.getClass().getComponentType().isPrimitive();
        boolean record = x.getClass().isRecord();
        if (!array && !record && !(x instanceof List<?>) && !(x instanceof Map<?, ?>)) {
            throw new IllegalArgumentException("flatten: " + path + " is a " + x.getClass().getTypeName()
                    + ", which a tree cannot hold" + hint(x) + "; " + SUPPORTED);
        }
        if (!onPath.add(x)) {
            throw new IllegalArgumentException("flatten: " + path + " (a " + x.getClass().getTypeName()
                    + ") contains itself; a tree must be finite, without cycles");
        }
        try {
            if (array) return array((Object[]) x, path);
            if (record) return record(x, path);
            if (x instanceof List<?> l) return list(l, path);
            return map((Map<?, ?>) x, path);
        } finally {
            onPath.remove(x);
        }
    }

    private Node array(Object[] a, String path) {
        Class<?> component = a.getClass().getComponentType();
        List<Node> children = new ArrayList<>(a.length);
        for (int i = 0; i < a.length; i++) {
            String p = path + "[" + i + "]";
            Node c = walk(a[i], p);
            checkSlot(component, c, a[i], p);
            children.add(c);
        }
        return new Node.ArrayNode(component, List.copyOf(children));
    }

    private Node list(List<?> l, String path) {
        List<Node> children = new ArrayList<>(l.size());
        int i = 0;
        for (Object e : l) children.add(walk(e, path + "[" + i++ + "]"));
        return new Node.ListNode(List.copyOf(children));
    }

    private Node map(Map<?, ?> m, String path) {
        List<String> keys = new ArrayList<>(m.size());
        List<Node> children = new ArrayList<>(m.size());
        for (Map.Entry<?, ?> e : m.entrySet()) {
            if (!(e.getKey() instanceof String k)) {
                throw new IllegalArgumentException("flatten: " + path + " is a " + m.getClass().getTypeName()
                        + " with the key " + e.getKey() + " of class "
                        + (e.getKey() == null ? "null" : e.getKey().getClass().getTypeName())
                        + "; the keys of a map in a tree must be Strings");
            }
            keys.add(k);
            children.add(walk(e.getValue(), Paths.key(path, k)));
        }
        return new Node.MapNode(List.copyOf(keys), List.copyOf(children));
    }

    private Node record(Object r, String path) {
        Records info = Records.of(r.getClass());
        List<String> names = info.names();
        List<Node> children = new ArrayList<>(names.size());
        for (int i = 0; i < names.size(); i++) {
            String p = path + "." + names.get(i);
            Object v = info.get(r, i, p);
            Node c = walk(v, p);
            checkSlot(info.type(i), c, v, p);
            children.add(c);
        }
        return new Node.RecordNode(r.getClass(), List.copyOf(children));
    }

    /** Fails now, not at unflatten, when what unflatten would rebuild at {@code path} does not fit its slot. */
    private static void checkSlot(Class<?> slot, Node child, Object value, String path) {
        Class<?> rebuilt;
        if (child instanceof Node.Leaf) rebuilt = Tensor.class;
        else if (child instanceof Node.ListNode) rebuilt = List.class;
        else if (child instanceof Node.MapNode) rebuilt = Map.class;
        else if (child instanceof Node.Static) return; // given back as it is, so it fits
        else rebuilt = value.getClass(); // an array or a record: rebuilt of the same class
        if (!slot.isAssignableFrom(rebuilt)) {
            throw new IllegalArgumentException("flatten: " + path + " is declared as " + slot.getTypeName()
                    + ", but unflatten rebuilds it as a " + rebuilt.getTypeName()
                    + " (lists come back as unmodifiable List, maps as unmodifiable Map); declare it as "
                    + rebuilt.getSimpleName());
        }
    }

    private static String hint(Object x) {
        if (x instanceof NDArray) return " (wrap it with Tensor.from to make it a leaf)";
        if (x.getClass().isArray()) return " (an array of primitives: make it a Tensor with Tensor.of)";
        if (x instanceof Set<?>) return " (a set has no order to flatten in: use a List)";
        return "";
    }
}
