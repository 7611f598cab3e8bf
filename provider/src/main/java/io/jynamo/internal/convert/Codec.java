package io.jynamo.internal.convert;

import io.jynamo.jpql.ValueKind;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Turns one Java value into a DynamoDB attribute value and back. Never sees {@code null}. */
public interface Codec {

    /** The DynamoDB value of a non-null Java value; {@code null} when nothing should be stored (an empty set). */
    AttributeValue write(Object value);

    /**
     * The Java value of a stored attribute (never a DynamoDB NULL: the attribute reads that as null).
     *
     * @throws UnreadableValueException if the value is of another DynamoDB type than this codec writes, or
     *                                  its content does not fit the Java type exactly
     */
    Object read(AttributeValue value);

    /** What {@link #read} accepts, for error messages: the DynamoDB type and the Java type, e.g. {@code S (java.lang.String)}. */
    default String expected() {
        return kind().name();
    }

    /** How values are stored, as queries see them. */
    ValueKind kind();
}
