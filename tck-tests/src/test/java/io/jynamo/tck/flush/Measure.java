package io.jynamo.tck.flush;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import java.math.BigDecimal;

/** An entity keyed by a decimal number: DynamoDB normalises numbers, so 2.50 and 2.5 are one key. */
@Entity
public class Measure {
    @Id
    private BigDecimal id;
    private String unit;

    protected Measure() {
    }

    public Measure(BigDecimal id, String unit) {
        this.id = id;
        this.unit = unit;
    }

    public BigDecimal getId() {
        return id;
    }

    public String getUnit() {
        return unit;
    }
}
