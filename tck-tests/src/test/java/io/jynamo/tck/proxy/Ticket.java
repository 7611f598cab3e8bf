package io.jynamo.tck.proxy;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** Field access with getters that assign fields: a side effect hidden behind an immutable return type. */
@Entity
public class Ticket {
    @Id
    private String id;
    private int issued;
    private String code;

    protected Ticket() {
    }

    public Ticket(String id) {
        this.id = id;
    }

    public String getId() {
        return id;
    }

    public int getIssued() {
        return issued;
    }

    /** Hands out the next number. */
    public int getNextNumber() {
        return ++issued;
    }

    /** Assigns a code on first read, through a private helper. */
    public String getCode() {
        if (code == null) {
            assignCode();
        }
        return code;
    }

    private void assignCode() {
        code = "T-" + id;
    }

    /** Changes a ticket without calling any of its methods. */
    public static void reissue(Ticket t) {
        t.issued = 0;
    }
}
