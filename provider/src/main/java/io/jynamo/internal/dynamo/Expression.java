package io.jynamo.internal.dynamo;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds the placeholders of DynamoDB expressions: every attribute name becomes {@code #nK} and
 * every value {@code :vK}, so reserved words never need care. One instance serves one request.
 */
public final class Expression {

    private final Map<String, String> names = new LinkedHashMap<>();
    private final Map<String, String> nameByAttribute = new LinkedHashMap<>();
    private final Map<String, AttributeValue> values = new LinkedHashMap<>();

    /** The placeholder of an attribute name. */
    public String name(String attribute) {
        return nameByAttribute.computeIfAbsent(attribute, a -> {
            String placeholder = "#n" + names.size();
            names.put(placeholder, a);
            return placeholder;
        });
    }

    /** The placeholder of a new value. */
    public String value(AttributeValue value) {
        String placeholder = ":v" + values.size();
        values.put(placeholder, value);
        return placeholder;
    }

    /** The names map, or {@code null} when empty (DynamoDB rejects an empty map). */
    public Map<String, String> names() {
        return names.isEmpty() ? null : names;
    }

    /** The values map, or {@code null} when empty. */
    public Map<String, AttributeValue> values() {
        return values.isEmpty() ? null : values;
    }
}
