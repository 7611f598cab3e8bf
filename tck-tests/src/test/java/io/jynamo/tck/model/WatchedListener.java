package io.jynamo.tck.model;

import jakarta.persistence.PostLoad;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreRemove;

/** The entity listener of {@link Watched}. */
public class WatchedListener {
    @PrePersist
    void prePersist(Object entity) {
        Watched.EVENTS.add("listener:PrePersist:" + ((Watched) entity).id);
    }

    @PostLoad
    void postLoad(Watched entity) {
        Watched.EVENTS.add("listener:PostLoad:" + entity.id);
    }

    @PreRemove
    void preRemove(Watched entity) {
        Watched.EVENTS.add("listener:PreRemove:" + entity.id);
    }
}
