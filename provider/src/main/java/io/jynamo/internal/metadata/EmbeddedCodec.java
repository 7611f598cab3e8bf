package io.jynamo.internal.metadata;

import io.jynamo.internal.convert.Codec;
import io.jynamo.internal.convert.UnreadableValueException;
import io.jynamo.jpql.ValueKind;
import jakarta.persistence.PersistenceException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.LinkedHashMap;
import java.util.Map;

/** An {@code @Embedded} object as a DynamoDB map (M) of its attributes. */
final class EmbeddedCodec implements Codec {

    private AttributeMeta.EmbeddableMeta meta;
    private RecordShape record;

    void init(AttributeMeta.EmbeddableMeta meta) {
        this.meta = meta;
        this.record = RecordShape.of(meta.javaClass());
    }

    AttributeMeta.EmbeddableMeta meta() {
        return meta;
    }

    @Override
    public AttributeValue write(Object value) {
        Map<String, AttributeValue> map = new LinkedHashMap<>();
        for (AttributeMeta a : meta.attributes()) {
            AttributeValue v = a.write(value);
            if (v != null) {
                map.put(a.storedName(), v);
            }
        }
        return AttributeValue.fromM(map);
    }

    @Override
    public Object read(AttributeValue value) {
        if (!value.hasM()) {
            throw UnreadableValueException.wrongType(value, expected());
        }
        Map<String, AttributeValue> map = value.m();
        if (record != null) {
            // The attributes are the record's components in canonical-constructor order.
            Object[] values = new Object[meta.attributes().size()];
            for (int i = 0; i < values.length; i++) {
                AttributeMeta a = meta.attributes().get(i);
                values[i] = a.valueOf(map.get(a.storedName()));
            }
            return record.create(values);
        }
        Object object;
        try {
            object = meta.constructor().invoke();
        } catch (Throwable e) {
            throw new PersistenceException("Cannot instantiate embeddable " + meta.javaClass().getName(), e);
        }
        for (AttributeMeta a : meta.attributes()) {
            a.read(object, map.get(a.storedName()));
        }
        return object;
    }

    @Override
    public String expected() {
        return "M (" + meta.javaClass().getName() + ")";
    }

    @Override
    public ValueKind kind() {
        return ValueKind.MAP;
    }
}
