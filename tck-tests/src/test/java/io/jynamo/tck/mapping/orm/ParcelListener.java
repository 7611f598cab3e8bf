package io.jynamo.tck.mapping.orm;

import jakarta.persistence.PostPersist;
import jakarta.persistence.PrePersist;

/**
 * Parcel's entity listener in callbacks-orm.xml: the XML's pre-persist callback replaces the annotated one,
 * the annotated post-persist callback stays.
 */
public class ParcelListener {
    @PrePersist
    void replaced(Object entity) {
        Parcel.EVENTS.add("listener:annotatedPrePersist:" + DefaultListener.id(entity));
    }

    void saving(Object entity) {
        Parcel.EVENTS.add("listener:prePersist:" + DefaultListener.id(entity));
    }

    @PostPersist
    void saved(Object entity) {
        Parcel.EVENTS.add("listener:postPersist:" + DefaultListener.id(entity));
    }
}
