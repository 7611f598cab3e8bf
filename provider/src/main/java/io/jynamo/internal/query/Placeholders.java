package io.jynamo.internal.query;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * DynamoDB rejects expression names and values a request does not use; an UPDATE's read and write share
 * one plan's maps, so each request carries only the placeholders its own expressions name.
 */
final class Placeholders {

    private static final Pattern PLACEHOLDER = Pattern.compile("[#:][A-Za-z0-9_]+");

    private Placeholders() {
    }

    /** The placeholders an expression (or several, joined with spaces) names. */
    static Set<String> in(String expression) {
        Set<String> out = new HashSet<>();
        Matcher m = PLACEHOLDER.matcher(expression);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    /** The entries whose placeholders are used, or {@code null} for none (DynamoDB rejects an empty map). */
    static <V> Map<String, V> usedOnly(Map<String, V> all, Set<String> used) {
        Map<String, V> out = new LinkedHashMap<>();
        all.forEach((k, v) -> {
            if (used.contains(k)) {
                out.put(k, v);
            }
        });
        return out.isEmpty() ? null : out;
    }
}
