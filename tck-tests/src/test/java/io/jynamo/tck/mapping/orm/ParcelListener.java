package io.jynamo.tck.mapping.orm;

import jakarta.persistence.PostPersist;

/** Parcel's entity listener in callbacks-orm.xml, whose XML callback replaces the annotated one. */
public class ParcelListener {
    void saving(Object entity) {
        Parcel.EVENTS.add("listener:prePersist:" + DefaultListener.id(entity));
    }

    @PostPersist
    void saved(Object entity) {
        Parcel.EVENTS.add("listener:postPersist:" + DefaultListener.id(entity));
    }
}
