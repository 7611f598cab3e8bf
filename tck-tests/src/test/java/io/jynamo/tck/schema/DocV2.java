package io.jynamo.tck.schema;

import io.jynamo.annotations.Capacity;
import io.jynamo.annotations.TimeToLive;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

import java.time.Instant;

/** The next version of {@link DocV1}, same table: two global indexes and a time to live. */
@Entity(name = "Doc")
@Table(name = "doc", indexes = {@Index(name = "byOwner", columnList = "owner"), @Index(name = "byTitle", columnList = "title")})
@Capacity(read = 2, write = 3)
public class DocV2 {
    @Id
    private String id;
    private String owner;
    private String title;
    @TimeToLive
    private Instant expiresAt;

    protected DocV2() {
    }

    public String getId() {
        return id;
    }

    public String getOwner() {
        return owner;
    }

    public String getTitle() {
        return title;
    }
}
