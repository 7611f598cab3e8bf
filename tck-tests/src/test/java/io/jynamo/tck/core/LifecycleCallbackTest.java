package io.jynamo.tck.core;

import io.jynamo.tck.model.Watched;
import io.jynamo.tck.model.WatchedListener;
import io.jynamo.tck.support.TestUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Lifecycle callbacks and entity listeners, JPA 3.2 section 3.6 (order: listeners first, section 3.6.4). */
class LifecycleCallbackTest {

    private static TestUnit unit;

    @BeforeAll
    static void start() {
        unit = TestUnit.of(Watched.class).build();
    }

    @AfterAll
    static void stop() {
        unit.close();
    }

    @BeforeEach
    void reset() {
        Watched.EVENTS.clear();
    }

    @Test
    void prePersistFiresAtPersistAndPostPersistAfterTheWrite() {
        unit.inTransaction(em -> {
            em.persist(new Watched("w1"));
            assertEquals(List.of("listener:PrePersist:w1", "entity:PrePersist:w1"), Watched.EVENTS);
        });
        assertEquals(List.of("listener:PrePersist:w1", "entity:PrePersist:w1", "entity:PostPersist:w1"), Watched.EVENTS);
    }

    @Test
    void postLoadFiresAfterFind() {
        unit.inTransaction(em -> em.persist(new Watched("w2")));
        Watched.EVENTS.clear();
        unit.inTransaction(em -> em.find(Watched.class, "w2"));
        assertEquals(List.of("listener:PostLoad:w2", "entity:PostLoad:w2"), Watched.EVENTS);
    }

    @Test
    void preRemoveFiresAtRemoveAndPostRemoveAfterTheDelete() {
        unit.inTransaction(em -> em.persist(new Watched("w3")));
        unit.inTransaction(em -> {
            Watched w = em.find(Watched.class, "w3");
            Watched.EVENTS.clear();
            em.remove(w);
            assertEquals(List.of("listener:PreRemove:w3", "entity:PreRemove:w3"), Watched.EVENTS);
        });
        assertEquals(List.of("listener:PreRemove:w3", "entity:PreRemove:w3", "entity:PostRemove:w3"), Watched.EVENTS);
    }

    @Test
    void prePersistCanSetStateThatIsStored() {
        unit.inTransaction(em -> {
            Watched w = new Watched("w4");
            em.persist(w);
            w.value = "set after persist, before flush";
        });
        assertEquals("set after persist, before flush", unit.fromTransaction(em -> em.find(Watched.class, "w4")).value);
    }

    @Test
    void listenerClassIsUsed() {
        assertEquals(WatchedListener.class, Watched.class.getAnnotation(jakarta.persistence.EntityListeners.class).value()[0]);
    }
}
