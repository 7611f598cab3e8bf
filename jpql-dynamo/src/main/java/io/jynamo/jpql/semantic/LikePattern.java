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
     * @param pos     where to report a problem
     * @param label   how to name the pattern in the message (the literal or the parameter)
     * @throws IllegalArgumentException for patterns DynamoDB cannot evaluate
     */
    public static LikePattern parse(String pattern, Pos pos, String label) {
        if (pattern.indexOf('_') >= 0) {
            throw pos.error("LIKE pattern " + label + " uses '_', which DynamoDB cannot evaluate",
                    "use 'prefix%' (begins_with) or '%text%' (contains)");
        }
        int first = pattern.indexOf('%');
        if (first < 0) {
            return new LikePattern(Shape.EQUALS, pattern);
        }
        if (pattern.equals("%") || pattern.equals("%%")) {
            return new LikePattern(Shape.ANY, "");
        }
        String inner;
        Shape shape;
        if (pattern.length() >= 2 && pattern.startsWith("%") && pattern.endsWith("%")) {
            inner = pattern.substring(1, pattern.length() - 1);
            shape = Shape.CONTAINS;
        } else if (pattern.endsWith("%")) {
            inner = pattern.substring(0, pattern.length() - 1);
            shape = Shape.PREFIX;
        } else {
            throw pos.error("LIKE pattern " + label + " has '%' where DynamoDB cannot evaluate it",
                    "only 'prefix%' (begins_with) and '%text%' (contains) are supported; for a suffix store a reversed copy");
        }
        if (inner.indexOf('%') >= 0) {
            throw pos.error("LIKE pattern " + label + " has '%' inside the text, which DynamoDB cannot evaluate",
                    "only 'prefix%' (begins_with) and '%text%' (contains) are supported");
        }
        return new LikePattern(shape, inner);
    }
}
