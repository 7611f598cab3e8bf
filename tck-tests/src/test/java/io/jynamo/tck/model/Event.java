package io.jynamo.tck.model;

import io.jynamo.annotations.LocalIndex;
import io.jynamo.annotations.SortKey;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.util.Objects;

/** A composite key with a local index (same partition key, other sort key) and a two-key global index. */
@Entity
@IdClass(Event.Key.class)
@LocalIndex(name = "byKind", sortKey = "kind")
@Table(name = "event", indexes = @Index(name = "byKindAndTime", columnList = "kind, at"))
public class Event {
    @Id
    public String stream;
    @Id
    @SortKey
    public long at;
    public String kind;

    public Event() {
    }

    public Event(String stream, long at, String kind) {
        this.stream = stream;
        this.at = at;
        this.kind = kind;
    }

    /** The id class. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        public String stream;
        public long at;

        public Key() {
        }

        public Key(String stream, long at) {
            this.stream = stream;
            this.at = at;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.at == at && Objects.equals(k.stream, stream);
        }

        @Override
        public int hashCode() {
            return Objects.hash(stream, at);
        }
    }
}
