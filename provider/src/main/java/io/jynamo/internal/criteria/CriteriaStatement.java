package io.jynamo.internal.criteria;

import io.jynamo.internal.query.Shaping;
import io.jynamo.jpql.ast.Statement;

/**
 * A criteria query lowered to the statement the JPQL parser would produce, with its JPQL text (for messages
 * and EXPLAIN; never parsed) and what the criteria add to it.
 *
 * @param statement the statement; equal criteria give equal statements, whatever values they carry
 * @param text      the statement in JPQL
 * @param shaping   carried values, parameter objects, result rows
 */
public record CriteriaStatement(Statement statement, String text, Shaping shaping) {

    /** The lowered form of a query built by Jynamo's {@code CriteriaBuilder}. */
    public static CriteriaStatement of(Object criteria) {
        if (criteria instanceof Lowerable q) {
            return q.lower();
        }
        throw new IllegalArgumentException("The criteria query " + criteria + " was not built by Jynamo's CriteriaBuilder;"
                + " build it with EntityManager.getCriteriaBuilder() (or the factory's)");
    }

    /** A criteria query that can be lowered. */
    interface Lowerable {
        CriteriaStatement lower();
    }
}
