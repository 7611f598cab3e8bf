package io.jynamo.tck.proxy;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** Property access with a final setter, which a subclass cannot intercept. */
@Entity
public class Meter {
    private String id;
    private long total;

    public Meter() {
    }

    public Meter(String id, long total) {
        this.id = id;
        this.total = total;
    }

    @Id
    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public long getTotal() {
        return total;
    }

    public final void setTotal(long total) {
        this.total = total;
    }
}
