package io.jynamo.internal.convert;

import io.jynamo.jpql.ValueKind;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A {@code Map<K, V>} element collection as a DynamoDB map (M). DynamoDB map keys are strings, so a key is
 * stored by the string its codec writes: a string-stored key (String, char, enum by name, UUID, java.time)
 * as that string, a number-stored key (numbers, enum ordinals, Duration) as the number's text. Reading
 * takes a key only in the form writing gives it, so that each Java key has exactly one stored name.
 *
 * @param key   the codec of the keys; it stores them as S or N
 * @param value the codec of the values
 */
public record MapCodec(Codec key, Codec value) implements MapForm {

    /** Whether keys of that codec have a string form (they store as S or N) and so can name map entries. */
    static boolean takes(Codec key) {
        return key.kind() == ValueKind.STRING || key.kind() == ValueKind.NUMBER;
    }

    @Override
    public AttributeValue write(Object object) {
        Map<String, AttributeValue> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : ((Map<?, ?>) object).entrySet()) {
            if (e.getKey() == null) {
                throw new IllegalArgumentException("A map attribute holds a null key; DynamoDB map keys are strings");
            }
            String name = keyString(e.getKey());
            if (e.getValue() == null) {
                throw new IllegalArgumentException("A map attribute holds a null value for key '" + name
                        + "'; DynamoDB cannot store it: remove the entry");
            }
            AttributeValue v = value.write(e.getValue());
            if (out.containsKey(name)) {
                throw new IllegalArgumentException("A map attribute holds two keys stored as '" + name + "'");
            }
            out.put(name, v);
        }
        return AttributeValue.fromM(out);
    }

    private String keyString(Object k) {
        AttributeValue stored = key.write(k);
        return key.kind() == ValueKind.STRING ? stored.s() : stored.n();
    }

    @Override
    public Object read(AttributeValue stored) {
        if (!stored.hasM()) {
            throw UnreadableValueException.wrongType(stored, expected());
        }
        Map<Object, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, AttributeValue> e : stored.m().entrySet()) {
            String name = e.getKey();
            AttributeValue keyValue = key.kind() == ValueKind.STRING ? AttributeValue.fromS(name) : AttributeValue.fromN(name);
            Object k;
            try {
                k = key.read(keyValue);
                if (!keyString(k).equals(name)) {
                    throw UnreadableValueException.badContent(keyValue, "a map key as " + key.expected(),
                            "not in the form Jynamo writes ('" + keyString(k) + "'); another form of one key would be"
                                    + " a second entry", null);
                }
            } catch (UnreadableValueException ex) {
                throw ex.in("[key '" + name + "']");
            } catch (RuntimeException ex) {
                throw UnreadableValueException.badContent(keyValue, "a map key as " + key.expected(),
                        "the key's conversion failed: " + ex.getMessage(), ex).in("[key '" + name + "']");
            }
            AttributeValue v = e.getValue();
            try {
                if (Boolean.TRUE.equals(v.nul())) {
                    // A Java map entry of null could not have been written: the key would load as present.
                    throw UnreadableValueException.wrongType(v, value.expected());
                }
                out.put(k, value.read(v));
            } catch (UnreadableValueException ex) {
                throw ex.in("['" + name + "']");
            }
        }
        return out;
    }

    @Override
    public String expected() {
        return "M, a map of " + value.expected() + " by " + key.expected() + " keys";
    }

    @Override
    public ValueKind kind() {
        return ValueKind.MAP;
    }
}
