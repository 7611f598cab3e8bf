package io.jynamo.tck.model;

import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** Converters: {@link MoneyConverter} by autoApply, {@link UpperCaseConverter} by {@code @Convert}. */
@Entity
public class Invoice {
    @Id
    public String id;
    public Money total;
    @Convert(converter = UpperCaseConverter.class)
    public String code;
    public String note;

    public Invoice() {
    }

    public Invoice(String id, Money total, String code, String note) {
        this.id = id;
        this.total = total;
        this.code = code;
        this.note = note;
    }
}
