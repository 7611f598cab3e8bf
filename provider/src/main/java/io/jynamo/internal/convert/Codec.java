package io.jynamo.internal.convert;

import io.jynamo.jpql.ValueKind;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Turns one Java value into a DynamoDB attribute value and back. Never sees {@code null}. */
public interface Codec {

    /** The DynamoDB value of a non-null Java value; {@code null} when nothing should be stored (an empty set). */
    AttributeValue write(Object value);

    /** The Java value of a stored attribute. */
    Object read(AttributeValue value);

    /** How values are stored, as queries see them. */
    ValueKind kind();
}
