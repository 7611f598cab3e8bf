package io.jynamo.internal.query;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * DynamoDB rejects expression names and values a request does not use; an UPDATE's read and write share
 * one plan's maps, so each request carries only the placeholders its own expressions name.
 */
final class Placeholders {

    private Placeholders() {
    }

    /**
     * The placeholders an expression (or several, joined with spaces) names: each {@code #} or {@code :} followed by
     * letters, digits or underscores. (Read by hand, not with a regular expression: every query page asks.)
     */
    static Set<String> in(String expression) {
        Set<String> out = new HashSet<>();
        int n = expression.length();
        for (int i = 0; i < n; i++) {
            char c = expression.charAt(i);
            if (c == '#' || c == ':') {
                int end = i + 1;
                while (end < n && isNamePart(expression.charAt(end))) {
                    end++;
                }
                if (end > i + 1) {
                    out.add(expression.substring(i, end));
                }
                i = end - 1;
            }
        }
        return out;
    }

    private static boolean isNamePart(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_';
    }

    /** The entries whose placeholders are used, or {@code null} for none (DynamoDB rejects an empty map). */
    static <V> Map<String, V> usedOnly(Map<String, V> all, Set<String> used) {
        Map<String, V> out = copyUsed(all, used, new LinkedHashMap<>());
        return out.isEmpty() ? null : out;
    }

    /** Puts the entries whose placeholders are used into {@code into}, and returns it. */
    static <V> Map<String, V> copyUsed(Map<String, V> all, Set<String> used, Map<String, V> into) {
        all.forEach((k, v) -> {
            if (used.contains(k)) {
                into.put(k, v);
            }
        });
        return into;
    }
}
