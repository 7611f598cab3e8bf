package io.jynamo.tck.query;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import java.math.BigDecimal;

/** An entity keyed by a decimal number, for keys written at another scale than stored ({@code 2.50} for {@code 2.5}). */
@Entity
public class Measure {
    @Id
    private BigDecimal id;
    private String label;

    protected Measure() {
    }

    public Measure(String id, String label) {
        this.id = new BigDecimal(id);
        this.label = label;
    }

    public BigDecimal getId() { return id; }
    public String getLabel() { return label; }
}
