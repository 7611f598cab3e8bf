package io.jynamo.tck.mapping.orm;

import java.util.ArrayList;
import java.util.List;

/** Mapped only in orm.xml, with callbacks and listeners declared there (callbacks-orm.xml). */
public class Parcel {
    /** What fired, in order, across every parcel. */
    public static final List<String> EVENTS = new ArrayList<>();

    private String id;

    public Parcel() {
    }

    public Parcel(String id) {
        this.id = id;
    }

    void beforeSave() {
        EVENTS.add("entity:prePersist:" + id);
    }

    void afterLoad() {
        EVENTS.add("entity:postLoad:" + id);
    }

    public String getId() {
        return id;
    }
}
