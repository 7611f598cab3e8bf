package io.jynamo.tck.model;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Applied automatically to every {@link Money} attribute: stored as "cents currency". */
@Converter(autoApply = true)
public class MoneyConverter implements AttributeConverter<Money, String> {
    @Override
    public String convertToDatabaseColumn(Money money) {
        return money == null ? null : money.cents() + " " + money.currency();
    }

    @Override
    public Money convertToEntityAttribute(String text) {
        if (text == null) {
            return null;
        }
        String[] parts = text.split(" ");
        return new Money(Long.parseLong(parts[0]), parts[1]);
    }
}
