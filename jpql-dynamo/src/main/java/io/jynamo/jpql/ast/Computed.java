package io.jynamo.jpql.ast;

import java.util.List;

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
    /** Copies the arguments. */
    public Computed {
        arguments = List.copyOf(arguments);
    }

    /** Whether this is an operator ({@code + - * /}) rather than a function. */
    public boolean operator() {
        return function.length() == 1;
    }
}
