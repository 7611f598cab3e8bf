package io.jynamo.tck.query;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

/** An entity named like a JPQL keyword, with attributes named like keywords and an enum with a constant NEW. */
@Entity
public class Order {
    /** Constants named like JPQL keywords. */
    public enum State { NEW, OPEN, ALL }

    @Id
    private String id;
    private Integer value;
    private String key;
    private Long count;
    @Enumerated(EnumType.STRING)
    private State state;

    protected Order() {
    }

    public Order(String id, int value, String key, State state) {
        this.id = id;
        this.value = value;
        this.key = key;
        this.count = (long) value;
        this.state = state;
    }

    public String getId() { return id; }
    public Integer getValue() { return value; }
    public String getKey() { return key; }
    public State getState() { return state; }
}
