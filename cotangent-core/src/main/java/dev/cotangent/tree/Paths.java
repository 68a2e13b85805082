package dev.cotangent.tree;

/** How a place in a tree is written in messages: {@code root.layers[2].w}, {@code root["a key"]}. */
final class Paths {
    static final String ROOT = "root";

    private Paths() {}

    /** The path of map entry {@code key} below {@code path}: {@code .key} for a Java name, else {@code ["key"]}. */
    static String key(String path, String key) {
        return isName(key) ? path + "." + key : path + "[" + quote(key) + "]";
    }

    /** Whether {@code s} is a Java identifier (so it can be printed bare). */
    static boolean isName(String s) {
        if (s.isEmpty() || !Character.isJavaIdentifierStart(s.charAt(0))) return false;
        for (int i = 1; i < s.length(); i++) if (!Character.isJavaIdentifierPart(s.charAt(i))) return false;
        return true;
    }

    /** {@code s} in double quotes, with quotes and backslashes escaped. */
    static String quote(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
