package io.jynamo.tck.relationship.model;

import io.jynamo.annotations.SortKey;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;

import java.io.Serializable;
import java.util.Objects;

/** A composite key target: its referrers store two attributes. */
@Entity
@IdClass(Shelf.Key.class)
public class Shelf {
    @Id
    public String room;
    @Id
    @SortKey
    public int position;
    public String label;

    public Shelf() {
    }

    public Shelf(String room, int position, String label) {
        this.room = room;
        this.position = position;
        this.label = label;
    }

    /** The id class. */
    public static class Key implements Serializable {
        public String room;
        public int position;

        public Key() {
        }

        public Key(String room, int position) {
            this.room = room;
            this.position = position;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(room, k.room) && position == k.position;
        }

        @Override
        public int hashCode() {
            return Objects.hash(room, position);
        }
    }
}
