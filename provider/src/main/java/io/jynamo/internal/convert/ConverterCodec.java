package io.jynamo.internal.convert;

import io.jynamo.jpql.ValueKind;
import jakarta.persistence.AttributeConverter;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** An {@link AttributeConverter} in front of the codec of its database type. */
public record ConverterCodec(AttributeConverter<Object, Object> converter, Codec database) implements Codec {

    @Override
    public AttributeValue write(Object value) {
        Object column;
        try {
            column = converter.convertToDatabaseColumn(value);
        } catch (RuntimeException e) {
            // JPA 3.2 section 3.9: a converter's exception reaches the application wrapped in a PersistenceException.
            throw new jakarta.persistence.PersistenceException("Converter " + converter.getClass().getName()
                    + " refused to convert " + value + " for storing: " + e, e);
        }
        return column == null ? null : database.write(column);
    }

    @Override
    public Object read(AttributeValue value) {
        Object column = database.read(value);
        try {
            return converter.convertToEntityAttribute(column);
        } catch (RuntimeException e) {
            // JPA 3.2 section 3.9: a converter's exception reaches the application wrapped in a PersistenceException.
            throw UnreadableValueException.badContent(value, expected(),
                    "converter " + converter.getClass().getName() + " refused it: " + e, e);
        }
    }

    @Override
    public ValueKind kind() {
        return database.kind();
    }

    @Override
    public String expected() {
        return database.expected() + " for converter " + converter.getClass().getSimpleName();
    }
}
