package io.jynamo.jpql.ast;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * A value DynamoDB cannot compute, evaluated in Java after the read: a string or numeric function
 * ({@code LENGTH}, {@code LOCATE}, {@code SUBSTRING}, {@code CONCAT}, {@code TRIM}, {@code ABS}, {@code MOD}) or
 * arithmetic ({@code +}, {@code -}, {@code *}, {@code /}, and {@code NEG} for a unary minus).
 *
 * @param function  the function's upper-case name or the operator
 * @param arguments its operands in order; {@code TRIM} has three: the side ({@code BOTH}, {@code LEADING},
 *                  {@code TRAILING}) as a string literal, the character trimmed (a literal, a parameter or a
 *                  NULL literal for blank) and the string
 * @param pos       where it starts
 */
public record Computed(String function, List<Expr> arguments, Pos pos) implements Expr {
    /**
     * The types {@code CAST(x AS type)} takes, by their upper-case name (the second argument's literal), and the Java
     * type of the value each gives: the parser, the typing and the evaluator read this one table.
     */
    public static final Map<String, Class<?>> CAST_TYPES = Map.of("STRING", String.class, "INTEGER", Integer.class,
            "LONG", Long.class, "FLOAT", Float.class, "DOUBLE", Double.class, "SHORT", Short.class,
            "BIGDECIMAL", BigDecimal.class, "BIGINTEGER", BigInteger.class);

    /** Copies the arguments. */
    public Computed {
        arguments = List.copyOf(arguments);
    }

    /** Whether this is an operator ({@code + - * /}) rather than a function. */
    /** The aggregate functions, computed over the rows read when they are select items. */
    public static final java.util.Set<String> AGGREGATES = java.util.Set.of("SUM", "AVG", "MIN", "MAX", "COUNT");

    /** The second argument of an aggregate over distinct values ({@code COUNT(DISTINCT x)}, {@code SUM(DISTINCT x)}). */
    public static final Literal DISTINCT = new Literal("DISTINCT", new Pos(1, 1));

    /** Whether {@code e} is an aggregate of the rows ({@code SUM(x)}, ...). */
    public static boolean aggregate(Expr e) {
        return e instanceof Computed c && AGGREGATES.contains(c.function());
    }

    public boolean operator() {
        return function.length() == 1;
    }
}
