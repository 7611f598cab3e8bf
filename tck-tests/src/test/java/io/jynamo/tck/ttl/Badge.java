package io.jynamo.tck.ttl;

import io.jynamo.annotations.TimeToLive;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import java.time.Instant;

/** A versioned expiring entity: its inserts are conditional on no item of the key existing. */
@Entity
public class Badge {
    @Id
    private String id;
    @Version
    private Long version;
    private String owner;
    @TimeToLive
    private Instant expiresAt;

    protected Badge() {
    }

    public Badge(String id, String owner, Instant expiresAt) {
        this.id = id;
        this.owner = owner;
        this.expiresAt = expiresAt;
    }

    public String getOwner() {
        return owner;
    }
}
