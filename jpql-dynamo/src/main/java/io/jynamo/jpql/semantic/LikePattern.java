package io.jynamo.jpql.semantic;

import io.jynamo.jpql.ast.Pos;

/**
 * A LIKE pattern DynamoDB can evaluate: exact text, {@code 'prefix%'}, {@code '%text%'} or {@code '%'}.
 *
 * @param shape what the pattern tests
 * @param text  the text without wildcards
 */
public record LikePattern(Shape shape, String text) {

    /** What a LIKE pattern tests. */
    public enum Shape {
        /** no wildcard: equality */
        EQUALS,
        /** 'p%': begins_with */
        PREFIX,
        /** '%s%': contains */
        CONTAINS,
        /** '%' or '%%': any non-null string */
        ANY
    }

    /**
     * Parses a pattern.
     *
     * @param pattern the pattern
     * @param escape  the ESCAPE character, or {@code null}: it makes the {@code %}, {@code _} or escape character
     *                after it a literal character
     * @param pos     where to report a problem
     * @param label   how to name the pattern in the message (the literal or the parameter)
     * @throws IllegalArgumentException for patterns DynamoDB cannot evaluate
     */
    public static LikePattern parse(String pattern, Character escape, Pos pos, String label) {
        StringBuilder text = new StringBuilder();
        // where the wildcards are: before any text, after all of it, or in between
        boolean leading = false;
        boolean trailing = false;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (escape != null && c == escape) {
                if (i + 1 == pattern.length()) {
                    throw pos.error("LIKE pattern " + label + " ends with its escape character '" + escape + "'",
                            "escape only %, _ or the escape character itself");
                }
                char next = pattern.charAt(++i);
                if (next != '%' && next != '_' && next != escape) {
                    throw pos.error("LIKE pattern " + label + " escapes '" + next + "', which needs no escape",
                            "escape only %, _ or the escape character itself");
                }
                if (trailing) {
                    throw wildcardInside(pos, label);
                }
                text.append(next);
            } else if (c == '%') {
                if (text.length() == 0) {
                    leading = true;
                } else {
                    trailing = true;
                }
            } else if (c == '_') {
                throw pos.error("LIKE pattern " + label + " uses '_', which DynamoDB cannot evaluate",
                        "use 'prefix%' (begins_with) or '%text%' (contains)");
            } else {
                if (trailing) {
                    throw wildcardInside(pos, label);
                }
                text.append(c);
            }
        }
        if (!leading && !trailing) {
            return new LikePattern(Shape.EQUALS, text.toString());
        }
        if (text.length() == 0) {
            return new LikePattern(Shape.ANY, "");
        }
        if (leading && trailing) {
            return new LikePattern(Shape.CONTAINS, text.toString());
        }
        if (trailing) {
            return new LikePattern(Shape.PREFIX, text.toString());
        }
        throw pos.error("LIKE pattern " + label + " has '%' where DynamoDB cannot evaluate it",
                "only 'prefix%' (begins_with) and '%text%' (contains) are supported; for a suffix store a reversed copy");
    }

    private static IllegalArgumentException wildcardInside(Pos pos, String label) {
        return pos.error("LIKE pattern " + label + " has '%' inside the text, which DynamoDB cannot evaluate",
                "only 'prefix%' (begins_with) and '%text%' (contains) are supported");
    }

    /** Parses a pattern without an escape character. */
    public static LikePattern parse(String pattern, Pos pos, String label) {
        return parse(pattern, null, pos, label);
    }
}
