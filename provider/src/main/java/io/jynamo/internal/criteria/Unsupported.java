package io.jynamo.internal.criteria;

/** The error of a Criteria API construct Jynamo refuses. */
final class Unsupported {
    private Unsupported() {
    }

    static IllegalArgumentException construct(String what) {
        return new IllegalArgumentException("The Criteria API construct " + what + "() is not supported by Jynamo:"
                + " it runs what its JPQL subset runs (conditions on one entity's attributes, one ORDER BY on a sort"
                + " key, COUNT; no joins, grouping, subqueries or SQL functions). See docs/criteria.md");
    }
}
