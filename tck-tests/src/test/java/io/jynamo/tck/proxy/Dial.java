package io.jynamo.tck.proxy;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import java.util.concurrent.atomic.AtomicInteger;

/** Property access, counting the reads of one persistent property: how many items a flush builds. */
@Entity
public class Dial {
    /** Calls of {@link #getPosition()} so far. */
    public static final AtomicInteger READS = new AtomicInteger();

    private String id;
    private int position;

    public Dial() {
    }

    public Dial(String id, int position) {
        this.id = id;
        this.position = position;
    }

    @Id
    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public int getPosition() {
        READS.incrementAndGet();
        return position;
    }

    public void setPosition(int position) {
        this.position = position;
    }
}
