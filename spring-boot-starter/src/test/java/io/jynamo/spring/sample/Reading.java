package io.jynamo.spring.sample;

import io.jynamo.annotations.SortKey;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/** A table keyed by partition key (sensor) and sort key (seq), without a version: save merges. */
@Entity
@IdClass(Reading.Key.class)
@Table(name = "reading")
public class Reading {
    @Id
    private String sensor;
    @Id
    @SortKey
    private long seq;
    private double value;
    private String status;

    protected Reading() {
    }

    public Reading(String sensor, long seq, double value, String status) {
        this.sensor = sensor;
        this.seq = seq;
        this.value = value;
        this.status = status;
    }

    public String getSensor() {
        return sensor;
    }

    public long getSeq() {
        return seq;
    }

    public double getValue() {
        return value;
    }

    public void setValue(double value) {
        this.value = value;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    @Override
    public String toString() {
        return "Reading<" + sensor + "#" + seq + ">";
    }

    /** The id class: partition key and sort key. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        private String sensor;
        private long seq;

        public Key() {
        }

        public Key(String sensor, long seq) {
            this.sensor = sensor;
            this.seq = seq;
        }

        public String getSensor() {
            return sensor;
        }

        public long getSeq() {
            return seq;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.seq == seq && Objects.equals(k.sensor, sensor);
        }

        @Override
        public int hashCode() {
            return Objects.hash(sensor, seq);
        }
    }
}
