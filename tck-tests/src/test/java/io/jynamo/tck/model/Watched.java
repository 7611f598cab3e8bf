package io.jynamo.tck.model;

import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreRemove;

import java.util.ArrayList;
import java.util.List;

/** Records every lifecycle callback, from its listener and its own methods, into {@link #EVENTS}. */
@Entity
@EntityListeners(WatchedListener.class)
public class Watched {
    /** What fired, in order: "listener:PrePersist:id", "entity:PrePersist:id"... */
    public static final List<String> EVENTS = java.util.Collections.synchronizedList(new ArrayList<>());

    @Id
    public String id;
    public String value;

    public Watched() {
    }

    public Watched(String id) {
        this.id = id;
    }

    @PrePersist
    void prePersist() {
        EVENTS.add("entity:PrePersist:" + id);
    }

    @PostPersist
    void postPersist() {
        EVENTS.add("entity:PostPersist:" + id);
    }

    @PostLoad
    void postLoad() {
        EVENTS.add("entity:PostLoad:" + id);
    }

    @PreRemove
    void preRemove() {
        EVENTS.add("entity:PreRemove:" + id);
    }

    @PostRemove
    void postRemove() {
        EVENTS.add("entity:PostRemove:" + id);
    }
}
