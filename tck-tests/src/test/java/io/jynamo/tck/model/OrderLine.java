package io.jynamo.tck.model;

import io.jynamo.annotations.SortKey;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;

import java.io.Serializable;
import java.util.Objects;

/** A composite key as an {@code @EmbeddedId}: order id (partition) and line number (sort). */
@Entity
public class OrderLine {
    @EmbeddedId
    public Key key;
    public String product;

    public OrderLine() {
    }

    public OrderLine(String order, int line, String product) {
        this.key = new Key(order, line);
        this.product = product;
    }

    /** The embedded key. */
    @Embeddable
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        public String orderId;
        @SortKey
        public int line;

        public Key() {
        }

        public Key(String orderId, int line) {
            this.orderId = orderId;
            this.line = line;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.line == line && Objects.equals(k.orderId, orderId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(orderId, line);
        }
    }
}
