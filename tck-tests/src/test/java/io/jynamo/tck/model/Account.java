package io.jynamo.tck.model;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/** A versioned entity: conditional writes and optimistic locking. */
@Entity
public class Account {
    @Id
    private String id;
    private long balance;
    private String owner;
    @Version
    private Long version;

    protected Account() {
    }

    public Account(String id, long balance) {
        this.id = id;
        this.balance = balance;
    }

    public String getId() {
        return id;
    }

    public long getBalance() {
        return balance;
    }

    public void setBalance(long balance) {
        this.balance = balance;
    }

    public String getOwner() {
        return owner;
    }

    public void setOwner(String owner) {
        this.owner = owner;
    }

    public Long getVersion() {
        return version;
    }
}
