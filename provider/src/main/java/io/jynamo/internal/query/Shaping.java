package io.jynamo.internal.query;

import jakarta.persistence.Parameter;

import java.util.Map;
import java.util.function.Function;

/**
 * What a query built with the Criteria API adds to its compiled statement: the values it carries itself
 * (bound already and not shown as parameters), the parameter objects the application holds, and how a
 * row of selected values becomes a result (a {@code Tuple}, an array, a constructed object).
 *
 * @param preset  values bound by the query itself, by parameter name
 * @param visible the application's parameter objects, by the name the statement gives them
 * @param rows    turns a row (a value, or an {@code Object[]} of several) into a result, or {@code null}
 * @param rowType the Java type of a result when {@code rows} is set
 */
public record Shaping(Map<String, Object> preset, Map<String, Parameter<?>> visible, Function<Object, Object> rows,
                      Class<?> rowType) {
    /** A JPQL query: nothing added. */
    public static final Shaping NONE = new Shaping(Map.of(), Map.of(), null, null);

    public Shaping {
        preset = Map.copyOf(preset);
        visible = Map.copyOf(visible);
    }

    /** A parameter object whose statement name differs from {@link Parameter#getName()} (an unnamed one). */
    public interface Named {
        /** The name the statement gives it. */
        String statementName();
    }
}
