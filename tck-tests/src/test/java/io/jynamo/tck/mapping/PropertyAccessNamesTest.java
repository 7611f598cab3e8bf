package io.jynamo.tck.mapping;

import io.jynamo.tck.support.TestUnit;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Property access pairs a getter with the setter of the same spelling, as other providers do. */
class PropertyAccessNamesTest {

    /** Getters and setters spelt {@code getdescription}/{@code setdescription}, as in the official TCK's models. */
    @Entity
    public static class Note {
        private String id;
        private String description;

        @Id
        public String getId() {
            return id;
        }

        public void setId(String id) {
            this.id = id;
        }

        public String getdescription() {
            return description;
        }

        public void setdescription(String description) {
            this.description = description;
        }
    }

    @Test
    void aLowerCaseGetterPairsWithTheSetterOfTheSameSpelling() {
        try (TestUnit unit = TestUnit.of(Note.class).build()) {
            Note n = new Note();
            n.setId("n1");
            n.setdescription("first");
            unit.inTransaction(em -> em.persist(n));
            unit.inTransaction(em -> em.find(Note.class, "n1").setdescription("second"));
            assertEquals("second", unit.fromTransaction(em -> em.find(Note.class, "n1")).getdescription());
        }
    }
}
