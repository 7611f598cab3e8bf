package io.jynamo.internal.convert;

import io.jynamo.jpql.ValueKind;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.function.BiFunction;
import java.util.function.Function;

/** A codec of one scalar value, made of a writer and a reader. */
record SimpleCodec(ValueKind kind, String expected, Function<Object, AttributeValue> writer,
                   Function<AttributeValue, Object> reader) implements Codec {

    /** A value stored as a string (S); {@code read} gets the string and the stored value for its errors. */
    static Codec string(Class<?> type, Function<Object, String> write, BiFunction<String, AttributeValue, Object> read) {
        String expected = "S (" + type.getName() + ")";
        return new SimpleCodec(ValueKind.STRING, expected, v -> AttributeValue.fromS(write.apply(v)), av -> {
            String s = av.s();
            if (s == null) {
                throw UnreadableValueException.wrongType(av, expected);
            }
            return read.apply(s, av);
        });
    }

    @Override
    public AttributeValue write(Object value) {
        return writer.apply(value);
    }

    @Override
    public Object read(AttributeValue value) {
        return reader.apply(value);
    }
}
