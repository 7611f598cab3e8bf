package io.jynamo.tck.cache;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/** A cacheable versioned entity: its changes are conditional UpdateItem calls. */
@Entity
@Cacheable(true)
public class Wallet {
    @Id
    private String id;
    private long balance;
    private String owner;
    @Version
    private Long version;

    protected Wallet() {
    }

    public Wallet(String id, long balance) {
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
