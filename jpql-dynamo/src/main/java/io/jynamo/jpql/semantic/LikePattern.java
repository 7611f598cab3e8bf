package io.jynamo.jpql.semantic;

import io.jynamo.jpql.ast.Pos;

/**
 * A LIKE pattern, as DynamoDB can evaluate it: exact text, {@code 'prefix%'}, {@code '%text%'} or {@code '%'}; any
 * other ({@code '%suffix'}, {@code 'a_c'}, {@code 'a%c'}) is {@link Shape#OTHER}, matched in Java after the read.
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
        ANY,
        /** '_', or '%' elsewhere than at the ends: DynamoDB cannot evaluate it, Java matches it after the read */
        OTHER
    }

    /**
     * Parses a pattern.
     *
     * @param pattern the pattern
     * @param escape  the ESCAPE character, or {@code null}: it makes the {@code %}, {@code _} or escape character
     *                after it a literal character
     * @param pos     where to report a problem
     * @param label   how to name the pattern in the message (the literal or the parameter)
     * @return the pattern's shape and text ({@link Shape#OTHER}: the text is the whole pattern)
     * @throws IllegalArgumentException for a misplaced escape character
     */
    public static LikePattern parse(String pattern, Character escape, Pos pos, String label) {
        StringBuilder text = new StringBuilder();
        // where the wildcards are: before any text, after all of it, or in between
        boolean leading = false;
        boolean trailing = false;
        boolean other = false;
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
                other |= trailing;
                text.append(next);
            } else if (c == '%') {
                if (text.length() == 0) {
                    leading = true;
                } else {
                    trailing = true;
                }
            } else if (c == '_') {
                other = true;
            } else {
                other |= trailing;
                text.append(c);
            }
        }
        if (other || leading && !trailing && text.length() > 0) {
            return new LikePattern(Shape.OTHER, pattern);
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
        return new LikePattern(Shape.PREFIX, text.toString());
    }

    /** Parses a pattern without an escape character. */
    public static LikePattern parse(String pattern, Pos pos, String label) {
        return parse(pattern, null, pos, label);
    }
}
