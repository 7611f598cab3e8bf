package io.jynamo.spring.joins;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

/** An owning lazy many-to-one: the foreign key account_id, with its fk_ index. */
@Entity
public class Invoice {
    @Id
    private String id;
    private int amount;
    @ManyToOne(fetch = FetchType.LAZY)
    private Account account;

    protected Invoice() {
    }

    public Invoice(String id, int amount, Account account) {
        this.id = id;
        this.amount = amount;
        this.account = account;
    }

    public String getId() {
        return id;
    }

    public int getAmount() {
        return amount;
    }

    public Account getAccount() {
        return account;
    }
}
