package io.jynamo.tck.core;

import io.jynamo.tck.model.User;
import io.jynamo.tck.support.TestUnit;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SmokeTest {
    @Test
    void persistThenFindRoundTrips() {
        try (TestUnit unit = TestUnit.of(User.class).build()) {
            unit.inTransaction(em -> em.persist(new User("a@b.c", "Samuel", "Adams")));
            User u = unit.fromTransaction(em -> em.find(User.class, "a@b.c"));
            assertEquals("Samuel", u.getFirstName());
            assertEquals(1, unit.calls().count("batchWriteItem"));
            assertEquals(1, unit.calls().count("getItem"));
        }
    }
}
