package io.jynamo.tck.mapping.orm;

/** Mapped only in orm.xml, which excludes the unit's default listeners for it (callbacks-orm.xml). */
public class Crate {
    private String id;

    public Crate() {
    }

    public Crate(String id) {
        this.id = id;
    }

    public String getId() {
        return id;
    }
}
