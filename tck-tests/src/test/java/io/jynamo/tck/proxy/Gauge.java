package io.jynamo.tck.proxy;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** Property access: the mapping is on the getters, changes go through setters. */
@Entity
public class Gauge {
    private String id;
    private int reading;
    private String label;

    public Gauge() {
    }

    public Gauge(String id, int reading, String label) {
        this.id = id;
        this.reading = reading;
        this.label = label;
    }

    @Id
    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public int getReading() {
        return reading;
    }

    public void setReading(int reading) {
        this.reading = reading;
    }

    public String getLabel() {
        return label;
    }

    public void setLabel(String label) {
        this.label = label;
    }
}
