package io.jynamo.jpql.ast;

/**
 * A parameter: exactly one of {@code name} ({@code :name}) and {@code position} ({@code ?1}) is set.
 *
 * @param name     the name of a named parameter
 * @param position the number of a positional parameter
 * @param pos      where it starts
 */
public record Param(String name, Integer position, Pos pos) implements Expr {
    /** The key under which the argument is bound: the name (String) or the position (Integer). */
    public Object key() {
        return name != null ? name : position;
    }

    /** How the parameter is written, {@code :name} or {@code ?1}. */
    public String label() {
        return name != null ? ":" + name : "?" + position;
    }
}
