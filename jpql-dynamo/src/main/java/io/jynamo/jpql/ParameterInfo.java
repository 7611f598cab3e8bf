package io.jynamo.jpql;

import io.jynamo.jpql.semantic.Types;

import java.util.Collection;

/**
 * A parameter a compiled query uses. Exactly one of {@code name} and {@code position} is non-null.
 *
 * @param name              the name of {@code :name}
 * @param position          the number of {@code ?1}
 * @param expectedType      the Java type an argument must have (wrapper types; String for LIKE patterns)
 * @param collectionAllowed {@code true} where a collection of such values may be bound ({@code IN :list})
 */
public record ParameterInfo(String name, Integer position, Class<?> expectedType, boolean collectionAllowed) {
    /** The key of the argument map: the name or the position. */
    public Object key() {
        return name != null ? name : position;
    }

    /** How the parameter is written: {@code :name} or {@code ?1}. */
    public String label() {
        return name != null ? ":" + name : "?" + position;
    }

    /**
     * Whether binding {@code value} would be accepted: a value of {@link #expectedType()} or one that converts to
     * it without loss (a Long in range for an Integer parameter), or, where {@link #collectionAllowed()}, a
     * collection of such values. Lets a caller refuse a bad argument when it is set rather than at execution.
     *
     * @param value the argument, not {@code null} (binding NULL is always accepted)
     */
    public boolean accepts(Object value) {
        return Types.coerce(value, expectedType) != null
                || collectionAllowed && value instanceof Collection<?> c
                && c.stream().allMatch(v -> v != null && Types.coerce(v, expectedType) != null);
    }
}
