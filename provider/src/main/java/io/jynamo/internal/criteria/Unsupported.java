package io.jynamo.internal.criteria;

/** The error of a Criteria API construct Jynamo refuses. */
final class Unsupported {
    private Unsupported() {
    }

    static IllegalArgumentException construct(String what) {
        return new IllegalArgumentException("The Criteria API construct " + what + "() is not supported by Jynamo:"
                + " it runs what its JPQL subset runs (conditions on one entity's attributes and its relationships' keys,"
                + " joins and fetches of that entity's relationships, ORDER BY, COUNT and other aggregates of the rows"
                + " read; no grouping or subqueries). See docs/criteria.md");
    }
}
