package io.jynamo.internal.criteria;

/**
 * A criteria object as a statement node, with what it says in JPQL (for messages and EXPLAIN).
 *
 * @param node the expression or condition
 * @param text its JPQL text
 * @param <N>  the node type
 */
record Lowered<N>(N node, String text) {
}
