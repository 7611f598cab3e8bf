package io.jynamo.jpql.ast;

import io.jynamo.jpql.model.AttributeInfo;
import io.jynamo.jpql.model.EntityInfo;

import java.util.List;

/**
 * After analysis: an entity-valued path compared by key, {@code o.customer = :c}, {@code x <> :e},
 * {@code o.customer IN (:a, :b)}, {@code o.customer IS NULL}. The planner compares the stored key attributes
 * with the key of each entity bound.
 *
 * @param text          the path as written, e.g. {@code o.customer}
 * @param keyAttributes the stored attributes holding the key, in the order of {@code target.keyPaths()}: the
 *                      root's own key attributes, or an owning to-one's foreign-key attributes
 * @param target        the entity whose key is compared (its {@code keyOf} extracts the key of an argument)
 * @param op            what is tested
 * @param values        the parameters (or the NULL literal) compared with; empty for IS [NOT] NULL
 * @param pos           where the predicate is
 */
public record EntityComparison(String text, List<AttributeInfo> keyAttributes, EntityInfo target, Op op,
                               List<Expr> values, Pos pos) implements Condition {
    /** What an entity comparison tests. */
    public enum Op {
        /** {@code =} */
        EQ,
        /** {@code <>} */
        NE,
        /** {@code IN} */
        IN,
        /** {@code NOT IN} */
        NOT_IN,
        /** {@code IS NULL} */
        IS_NULL,
        /** {@code IS NOT NULL} */
        IS_NOT_NULL;

        /** The complement under NOT. */
        public Op negate() {
            return switch (this) {
                case EQ -> NE;
                case NE -> EQ;
                case IN -> NOT_IN;
                case NOT_IN -> IN;
                case IS_NULL -> IS_NOT_NULL;
                case IS_NOT_NULL -> IS_NULL;
            };
        }
    }

    /** Copies the lists. */
    public EntityComparison {
        keyAttributes = List.copyOf(keyAttributes);
        values = List.copyOf(values);
    }
}
