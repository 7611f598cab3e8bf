package io.jynamo.spring.joins;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import java.util.ArrayList;
import java.util.List;

/** The target of the invoices' many-to-one; its inverse side makes schema generation create the fk_ index. */
@Entity
public class Account {
    @Id
    private String id;
    private String email;
    @OneToMany(mappedBy = "account")
    private List<Invoice> invoices = new ArrayList<>();

    protected Account() {
    }

    public Account(String id, String email) {
        this.id = id;
        this.email = email;
    }

    public String getId() {
        return id;
    }

    public String getEmail() {
        return email;
    }

    public List<Invoice> getInvoices() {
        return invoices;
    }
}
