package io.jynamo.tck.model;

import io.jynamo.annotations.TimeToLive;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import java.time.Instant;

/** An entity whose items expire: {@code @TimeToLive} on an {@code Instant}. */
@Entity
public class Lease {
    @Id
    private String id;
    @TimeToLive
    private Instant expiresAt;

    protected Lease() {
    }

    public Lease(String id, Instant expiresAt) {
        this.id = id;
        this.expiresAt = expiresAt;
    }

    public String getId() {
        return id;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }
}
