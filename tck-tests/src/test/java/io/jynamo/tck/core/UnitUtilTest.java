package io.jynamo.tck.core;

import io.jynamo.tck.model.Account;
import io.jynamo.tck.model.Person;
import io.jynamo.tck.model.User;
import io.jynamo.tck.support.TestUnit;
import jakarta.persistence.PersistenceUnitUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** PersistenceUnitUtil, JPA 3.2 section 7.11. */
class UnitUtilTest {

    private static TestUnit unit;

    @BeforeAll
    static void start() {
        unit = TestUnit.of(User.class, Person.class, Account.class).build();
    }

    @AfterAll
    static void stop() {
        unit.close();
    }

    @Test
    void getIdentifierOfSimpleAndCompositeKeys() {
        PersistenceUnitUtil util = unit.emf().getPersistenceUnitUtil();
        assertEquals("u@x", util.getIdentifier(new User("u@x", "U", "X")));
        assertEquals(new Person.Key("Smith", "Jo"), util.getIdentifier(new Person("Smith", "Jo", null, null)));
    }

    @Test
    void getIdentifierOfNonEntityThrowsIllegalArgument() {
        assertThrows(IllegalArgumentException.class, () -> unit.emf().getPersistenceUnitUtil().getIdentifier("x"));
    }

    @Test
    void isLoadedOfLoadedEntityAndAttribute() {
        unit.inTransaction(em -> em.persist(new User("l@x", "L", "X")));
        User u = unit.fromTransaction(em -> em.find(User.class, "l@x"));
        PersistenceUnitUtil util = unit.emf().getPersistenceUnitUtil();
        assertTrue(util.isLoaded(u));
        assertTrue(util.isLoaded(u, "firstName"));
        assertThrows(IllegalArgumentException.class, () -> util.isLoaded(u, "noSuchAttribute"));
    }

    @Test
    void getVersionStartsAtZeroAndIncrements() {
        PersistenceUnitUtil util = unit.emf().getPersistenceUnitUtil();
        Account fresh = new Account("acc", 10);
        assertNull(util.getVersion(fresh));
        unit.inTransaction(em -> em.persist(fresh));
        Account stored = unit.fromTransaction(em -> em.find(Account.class, "acc"));
        Object v0 = util.getVersion(stored);
        unit.inTransaction(em -> em.find(Account.class, "acc").setBalance(20));
        Object v1 = util.getVersion(unit.fromTransaction(em -> em.find(Account.class, "acc")));
        assertEquals(((Number) v0).longValue() + 1, ((Number) v1).longValue());
    }

    @Test
    void getVersionOfUnversionedEntityThrowsIllegalArgument() {
        assertThrows(IllegalArgumentException.class,
                () -> unit.emf().getPersistenceUnitUtil().getVersion(new User("v@x", "V", "X")));
    }
}
