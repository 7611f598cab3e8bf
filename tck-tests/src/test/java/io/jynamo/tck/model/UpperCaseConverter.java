package io.jynamo.tck.model;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Applied with {@code @Convert} only: stores strings upper-case, reads them back lower-case. */
@Converter
public class UpperCaseConverter implements AttributeConverter<String, String> {
    @Override
    public String convertToDatabaseColumn(String value) {
        return value == null ? null : value.toUpperCase(java.util.Locale.ROOT);
    }

    @Override
    public String convertToEntityAttribute(String stored) {
        return stored == null ? null : stored.toLowerCase(java.util.Locale.ROOT);
    }
}
