package io.jynamo.jpql.ast;

/**
 * A literal. The parser produces String, Long/BigInteger, BigDecimal, Boolean or {@code null} (NULL);
 * semantic analysis converts it to the Java type of the attribute it is compared with (for example an
 * enum constant, an Integer, a UUID).
 *
 * @param value the value, {@code null} for NULL
 * @param pos   where it starts
 */
public record Literal(Object value, Pos pos) implements Expr {
}
