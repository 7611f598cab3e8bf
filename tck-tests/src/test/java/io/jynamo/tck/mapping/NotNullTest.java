package io.jynamo.tck.mapping;

import io.jynamo.tck.support.TestUnit;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.RollbackException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code @Column(nullable = false)} and {@code @Basic(optional = false)}: a null is refused before any call. */
class NotNullTest {

    @Entity
    public static class Parcel {
        @Id
        private String id;
        @Column(nullable = false)
        private String recipient;
        @Basic(optional = false)
        private Integer weight;
        private String note;

        protected Parcel() {
        }

        Parcel(String id, String recipient, Integer weight) {
            this.id = id;
            this.recipient = recipient;
            this.weight = weight;
        }

        public void setRecipient(String recipient) {
            this.recipient = recipient;
        }
    }

    @Test
    void persistingANullInANotNullAttributeIsRefusedBeforeAnyCallNamingEntityKeyAndAttribute() {
        try (TestUnit unit = TestUnit.of(Parcel.class).build()) {
            RollbackException e = assertThrows(RollbackException.class,
                    () -> unit.inTransaction(em -> em.persist(new Parcel("p1", null, 3))));
            String m = e.getCause().getMessage();
            assertTrue(m.contains("Parcel{id=p1}") && m.contains("'recipient'") && m.contains("nullable = false"), m);
            RollbackException basic = assertThrows(RollbackException.class,
                    () -> unit.inTransaction(em -> em.persist(new Parcel("p2", "Ann", null))));
            assertTrue(basic.getCause().getMessage().contains("'weight'"), basic.getCause().getMessage());
            assertEquals(0, unit.calls().total());
        }
    }

    @Test
    void settingANotNullAttributeToNullOnAManagedEntityIsRefused() {
        try (TestUnit unit = TestUnit.of(Parcel.class).build()) {
            unit.inTransaction(em -> em.persist(new Parcel("p1", "Ann", 3)));
            unit.calls().reset();
            assertThrows(RollbackException.class, () -> unit.inTransaction(em -> em.find(Parcel.class, "p1").setRecipient(null)));
            assertEquals(1, unit.calls().total(), "the find, and no write");
            assertNotNull(unit.fromTransaction(em -> em.find(Parcel.class, "p1")).recipient);
        }
    }

    @Test
    void anOptionalAttributeMayBeNull() {
        try (TestUnit unit = TestUnit.of(Parcel.class).build()) {
            unit.inTransaction(em -> em.persist(new Parcel("p1", "Ann", 3)));
            assertEquals(null, unit.fromTransaction(em -> em.find(Parcel.class, "p1")).note);
        }
    }
}
