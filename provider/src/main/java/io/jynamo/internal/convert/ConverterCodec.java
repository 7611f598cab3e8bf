package io.jynamo.internal.convert;

import io.jynamo.jpql.ValueKind;
import jakarta.persistence.AttributeConverter;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** An {@link AttributeConverter} in front of the codec of its database type. */
public record ConverterCodec(AttributeConverter<Object, Object> converter, Codec database) implements Codec {

    @Override
    public AttributeValue write(Object value) {
        Object column = converter.convertToDatabaseColumn(value);
        return column == null ? null : database.write(column);
    }

    @Override
    public Object read(AttributeValue value) {
        return converter.convertToEntityAttribute(database.read(value));
    }

    @Override
    public ValueKind kind() {
        return database.kind();
    }
}
