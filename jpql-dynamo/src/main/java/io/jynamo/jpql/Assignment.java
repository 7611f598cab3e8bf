package io.jynamo.jpql;

import io.jynamo.jpql.model.AttributeInfo;

/**
 * One assignment of a bulk UPDATE.
 *
 * @param attribute the attribute to change
 * @param value     the new value, or {@code null} to remove the attribute (JPQL NULL)
 */
public record Assignment(AttributeInfo attribute, BoundValue value) {
}
