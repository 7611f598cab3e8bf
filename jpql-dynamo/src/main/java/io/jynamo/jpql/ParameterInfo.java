package io.jynamo.jpql;

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
}
