package io.jynamo.tck.ttl;

import io.jynamo.annotations.SortKey;
import io.jynamo.annotations.TimeToLive;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** An expiring item with a composite key (so JPQL plans Query and keyed reads) and a global index. */
@Entity
@IdClass(Pass.Key.class)
@Table(name = "pass", indexes = @Index(name = "byColor", columnList = "color"))
public class Pass {
    @Id
    private String holder;
    @Id
    @SortKey
    private Integer seq;
    private String color;
    private String note;
    @TimeToLive
    private Instant expiresAt;

    protected Pass() {
    }

    public Pass(String holder, int seq, String color, Instant expiresAt) {
        this.holder = holder;
        this.seq = seq;
        this.color = color;
        this.expiresAt = expiresAt;
    }

    public String getHolder() {
        return holder;
    }

    public Integer getSeq() {
        return seq;
    }

    public String getColor() {
        return color;
    }

    public String getNote() {
        return note;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    /** The composite key. */
    public static class Key implements Serializable {
        private String holder;
        private Integer seq;

        public Key() {
        }

        public Key(String holder, int seq) {
            this.holder = holder;
            this.seq = seq;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(holder, k.holder) && Objects.equals(seq, k.seq);
        }

        @Override
        public int hashCode() {
            return Objects.hash(holder, seq);
        }
    }
}
