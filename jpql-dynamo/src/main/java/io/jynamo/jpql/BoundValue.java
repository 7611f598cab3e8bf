package io.jynamo.jpql;

import io.jynamo.jpql.model.AttributeInfo;

/**
 * The content of a value placeholder ({@code :v0}).
 *
 * @param value     the Java value
 * @param attribute {@code null}: a plain value the provider converts String to S, Number to N, Boolean to BOOL;
 *                  otherwise convert {@code value} with this attribute's converter
 * @param element   {@code true} when {@code value} is an element of the collection {@code attribute}
 *                  (MEMBER OF), converted as one element
 */
public record BoundValue(Object value, AttributeInfo attribute, boolean element) {
}
