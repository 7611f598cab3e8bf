package io.jynamo.internal.convert;

import io.jynamo.jpql.ValueKind;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@code Map<K, V>} element collection whose keys have no string form (an embeddable, a boolean), which
 * therefore cannot name the entries of a DynamoDB map: a list (L) of entries, each a map (M) of exactly
 * {@code key} and {@code value}, in the map's iteration order.
 *
 * @param key   the codec of the keys
 * @param value the codec of the values
 */
public record EntryListCodec(Codec key, Codec value) implements MapForm {
    static final String KEY = "key";
    static final String VALUE = "value";

    @Override
    public AttributeValue write(Object object) {
        List<AttributeValue> entries = new ArrayList<>();
        int i = 0;
        for (Map.Entry<?, ?> e : ((Map<?, ?>) object).entrySet()) {
            if (e.getKey() == null || e.getValue() == null) {
                throw new IllegalArgumentException("A map attribute holds a null " + (e.getKey() == null ? "key" : "value")
                        + " (entry " + i + "); DynamoDB cannot store it: remove the entry");
            }
            entries.add(AttributeValue.fromM(Map.of(KEY, key.write(e.getKey()), VALUE, value.write(e.getValue()))));
            i++;
        }
        return AttributeValue.fromL(entries);
    }

    @Override
    public Object read(AttributeValue stored) {
        if (!stored.hasL()) {
            throw UnreadableValueException.wrongType(stored, expected());
        }
        Map<Object, Object> out = new LinkedHashMap<>();
        List<AttributeValue> entries = stored.l();
        for (int i = 0; i < entries.size(); i++) {
            AttributeValue entry = entries.get(i);
            if (!entry.hasM() || entry.m().size() != 2 || !entry.m().containsKey(KEY) || !entry.m().containsKey(VALUE)) {
                throw UnreadableValueException.badContent(entry, "a map entry M of 'key' and 'value'",
                        "it is not one", null).in("[" + i + "]");
            }
            Object k = part(key, entry.m().get(KEY), i, KEY);
            Object v = part(value, entry.m().get(VALUE), i, VALUE);
            if (out.put(k, v) != null) {
                throw UnreadableValueException.badContent(entry, "one entry per key", "the key of this entry ("
                        + k + ") equals an earlier one's", null).in("[" + i + "]");
            }
        }
        return out;
    }

    private static Object part(Codec codec, AttributeValue v, int i, String name) {
        try {
            if (Boolean.TRUE.equals(v.nul())) {
                throw UnreadableValueException.wrongType(v, codec.expected());
            }
            return codec.read(v);
        } catch (UnreadableValueException e) {
            throw e.in("[" + i + "]." + name);
        }
    }

    @Override
    public String expected() {
        return "L, a list of {key: " + key.expected() + ", value: " + value.expected() + "} map entries";
    }

    /** A map to queries (which refuse to compare it), whatever list it is stored as. */
    @Override
    public ValueKind kind() {
        return ValueKind.MAP;
    }
}
