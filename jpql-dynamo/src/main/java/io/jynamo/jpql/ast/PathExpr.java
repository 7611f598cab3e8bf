package io.jynamo.jpql.ast;

import io.jynamo.jpql.model.AttributeInfo;

import java.util.List;

/**
 * A dotted name such as {@code u.address.city}. After semantic analysis {@link #attribute()} is the
 * attribute below the identification variable ({@code null} in the parser's output).
 *
 * @param names     the segments, the identification variable first
 * @param pos       where it starts
 * @param attribute the resolved attribute, or {@code null} before analysis / for the bare variable
 */
public record PathExpr(List<String> names, Pos pos, AttributeInfo attribute) implements Expr {
    /** Copies the segment list. */
    public PathExpr {
        names = List.copyOf(names);
    }

    /** The JPQL path below the identification variable, e.g. {@code address.city}. */
    public String path() {
        return String.join(".", names.subList(1, names.size()));
    }

    /** The path as written, e.g. {@code u.address.city}. */
    public String text() {
        return String.join(".", names);
    }

    /** This path with its attribute resolved. */
    public PathExpr resolved(AttributeInfo attr) {
        return new PathExpr(names, pos, attr);
    }
}
