package io.jynamo.tck.inheritance;

import io.jynamo.tck.support.TestUnit;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code find} and {@code getReference} of a SINGLE_TABLE root for a key stored as a subclass: find returns
 * the subclass; a reference is of the class asked for, and writing through it keeps the item a subclass's.
 */
class PolymorphicReferenceTest {

    @Entity
    @Inheritance(strategy = InheritanceType.SINGLE_TABLE)
    public static class Account {
        @Id
        private String id;
        private String owner;

        public String getId() {
            return id;
        }

        public void setId(String id) {
            this.id = id;
        }

        public String getOwner() {
            return owner;
        }

        public void setOwner(String owner) {
            this.owner = owner;
        }
    }

    @Entity
    public static class Savings extends Account {
        private double rate;

        public double getRate() {
            return rate;
        }

        public void setRate(double rate) {
            this.rate = rate;
        }
    }

    private static TestUnit unit;
    private static int ids;

    @BeforeAll
    static void start() {
        unit = TestUnit.of(Account.class, Savings.class).build();
    }

    @AfterAll
    static void stop() {
        unit.close();
    }

    private static String savings() {
        String id = "s" + (++ids);
        Savings s = new Savings();
        s.setId(id);
        s.setOwner("ann");
        s.setRate(1.5);
        unit.inTransaction(em -> em.persist(s));
        unit.calls().reset();
        return id;
    }

    private static Map<String, AttributeValue> raw(String id) {
        return TestUnit.sharedClient().getItem(b -> b.tableName(unit.prefix() + "Account").consistentRead(true)
                .key(Map.of("id", AttributeValue.fromS(id)))).item();
    }

    @Test
    void findOfTheRootReturnsTheStoredSubclass() {
        String id = savings();
        Account found = unit.withEntityManager(em -> em.find(Account.class, id));
        assertEquals(1.5, assertInstanceOf(Savings.class, found).getRate());
    }

    @Test
    void aReferenceOfTheRootIsOfTheClassAskedForAndReadsLazily() {
        String id = savings();
        unit.withEntityManager(em -> {
            Account ref = em.getReference(Account.class, id);
            assertFalse(ref instanceof Savings, "nothing is read, so the stored class is unknown");
            assertEquals(0, unit.calls().total());
            assertEquals("ann", ref.getOwner());
            assertEquals(1, unit.calls().count("getItem"));
            return null;
        });
    }

    @Test
    void afterARootReferenceTheContextHoldsTheKeyAsTheRoot() {
        String id = savings();
        unit.withEntityManager(em -> {
            Account ref = em.getReference(Account.class, id);
            assertSame(ref, em.find(Account.class, id), "find returns the reference, now read");
            assertEquals("ann", ref.getOwner());
            assertNull(em.find(Savings.class, id), "the context holds the key as an Account");
            return null;
        });
        assertInstanceOf(Savings.class, unit.withEntityManager(em -> em.find(Savings.class, id)), "a fresh context finds it");
    }

    @Test
    void writingThroughARootReferenceKeepsTheItemTheSubclasss() {
        String id = savings();
        unit.inTransaction(em -> em.getReference(Account.class, id).setOwner("bob"));
        Map<String, AttributeValue> item = raw(id);
        assertEquals("bob", item.get("owner").s());
        assertEquals("Savings", item.get("DTYPE").s(), "the discriminator is not rewritten as the root's");
        assertEquals("1.5", item.get("rate").n(), "the subclass's attributes stay");
        assertInstanceOf(Savings.class, unit.withEntityManager(em -> em.find(Account.class, id)));
    }

    @Test
    void removingARootReferenceDeletesTheSubclasssItem() {
        String id = savings();
        unit.inTransaction(em -> em.remove(em.getReference(Account.class, id)));
        assertTrue(raw(id).isEmpty());
    }
}
