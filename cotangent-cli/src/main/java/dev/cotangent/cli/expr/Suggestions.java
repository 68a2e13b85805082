package dev.cotangent.cli.expr;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** "Did you mean ...?": the known names nearest to a misspelt one by edit (Levenshtein) distance. */
public final class Suggestions {
    private Suggestions() {}

    /** The names of {@code known} at the smallest edit distance from {@code word} (ties all given, sorted). */
    public static List<String> nearest(String word, Collection<String> known) {
        int best = Integer.MAX_VALUE;
        List<String> out = new ArrayList<>();
        for (String k : known) {
            int d = distance(word.toLowerCase(java.util.Locale.ROOT), k);
            if (d < best) {
                best = d;
                out.clear();
            }
            if (d == best) out.add(k);
        }
        return out;
    }

    /** The Levenshtein distance: insertions, deletions and substitutions of one character each cost 1. */
    public static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    /** {@code a}, {@code a or b}, {@code a, b or c}. */
    public static String orList(List<String> names) {
        if (names.size() == 1) return names.get(0);
        return String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
    }
}
