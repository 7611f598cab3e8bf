package io.jynamo.internal.dynamo;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Primary keys compared as DynamoDB compares them. DynamoDB normalises numbers, so a key written
 * {@code 2.50} comes back as {@code 2.5}: matching the items of a BatchGetItem to the keys asked for by
 * their text would lose them. Normalise both sides before comparing.
 *
 * <pre>{@code found.put(Keys.normalize(meta.keyOfItem(item)), item); ... found.get(Keys.normalize(key)); }</pre>
 */
public final class Keys {
    private Keys() {
    }

    /**
     * The key with every N value in canonical form ({@code 2.50} and {@code 2.5E0} become {@code 2.5},
     * {@code 3.0} becomes {@code 3}, any zero {@code 0}); other values are kept as they are.
     *
     * @param key a key (or any map of attribute values); not changed
     * @return an equal-valued key that equals every other key of the same numeric values
     */
    public static Map<String, AttributeValue> normalize(Map<String, AttributeValue> key) {
        Map<String, AttributeValue> out = new LinkedHashMap<>(key.size() * 2);
        key.forEach((name, value) -> out.put(name, value != null && value.n() != null ? AttributeValue.fromN(canonical(value.n())) : value));
        return out;
    }

    /** The canonical text of a DynamoDB number, or the text itself if it is not a number. */
    static String canonical(String n) {
        try {
            BigDecimal d = new BigDecimal(n.trim());
            return d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
        } catch (NumberFormatException e) {
            return n;
        }
    }
}
