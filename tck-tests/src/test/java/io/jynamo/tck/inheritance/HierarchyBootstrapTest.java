package io.jynamo.tck.inheritance;

import io.jynamo.tck.support.TestUnit;
import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorColumn;
import jakarta.persistence.DiscriminatorType;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.PersistenceException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Hierarchies Jynamo cannot store fail the factory, saying what to change; a numeric discriminator is stored as N. */
class HierarchyBootstrapTest {

    @Entity
    public static class Base {
        @Id
        public String id;
    }

    @Entity
    public static class OwnKey extends Base {
        @Id
        public String other;
    }

    @Entity(name = "Same")
    @DiscriminatorValue("X")
    public static class First extends Base {
    }

    @Entity
    @DiscriminatorValue("X")
    public static class Second extends Base {
    }

    @Entity
    public static class Clash extends Base {
        @Column(name = "DTYPE")
        public String type;
    }

    @Entity
    @Inheritance
    public static class InheritanceBelowRoot extends Base {
    }

    @Entity
    public abstract static class Lonely {
        @Id
        public String id;
    }

    @Entity
    @DiscriminatorColumn(name = "t", discriminatorType = DiscriminatorType.INTEGER)
    public static class Numbered {
        @Id
        public String id;
    }

    @Entity
    @DiscriminatorValue("7")
    public static class Seven extends Numbered {
    }

    @Entity
    public static class Unnumbered extends Numbered {
    }

    private static String failure(Class<?>... classes) {
        return assertThrows(PersistenceException.class, () -> TestUnit.of(classes).build().close()).getMessage();
    }

    @Test
    void aSubclassWithItsOwnKeyIsRefused() {
        String m = failure(Base.class, OwnKey.class);
        assertTrue(m.contains(OwnKey.class.getName()) && m.contains("remove the @Id"), m);
    }

    @Test
    void twoClassesWithOneDiscriminatorValueAreRefused() {
        String m = failure(Base.class, First.class, Second.class);
        assertTrue(m.contains("same discriminator value"), m);
    }

    @Test
    void anAttributeStoredUnderTheDiscriminatorsNameIsRefused() {
        String m = failure(Base.class, Clash.class);
        assertTrue(m.contains("'DTYPE'") && m.contains("@DiscriminatorColumn"), m);
    }

    @Test
    void inheritanceDeclaredBelowTheRootIsRefused() {
        String m = failure(Base.class, InheritanceBelowRoot.class);
        assertTrue(m.contains("only the root"), m);
    }

    @Test
    void anAbstractEntityNothingExtendsIsRefused() {
        String m = failure(Lonely.class);
        assertTrue(m.contains("abstract") && m.contains(Lonely.class.getName()), m);
    }

    @Test
    void anEntitySuperclassMissingFromTheUnitIsRefused() {
        String m = failure(First.class);
        assertTrue(m.contains(Base.class.getName()) && m.contains("list it too"), m);
    }

    @Entity
    @DiscriminatorColumn(name = "t", discriminatorType = DiscriminatorType.INTEGER)
    public abstract static class Counted {
        @Id
        public String id;
    }

    @Entity
    @DiscriminatorValue("8")
    public static class Eight extends Counted {
    }

    @Test
    void anIntegerDiscriminatorNeedsNumericValuesAndIsStoredAsANumber() {
        String m = failure(Numbered.class, Seven.class, Unnumbered.class);
        assertTrue(m.contains("INTEGER") && m.contains("Entity " + Numbered.class.getName())
                || m.contains("Entity " + Unnumbered.class.getName()), m);
        try (TestUnit unit = TestUnit.of(Counted.class, Eight.class).build()) {
            unit.inTransaction(em -> {
                Eight e = new Eight();
                e.id = "e";
                em.persist(e);
            });
            Map<String, AttributeValue> item = TestUnit.sharedClient().getItem(b -> b.tableName(unit.prefix() + "Counted")
                    .key(Map.of("id", AttributeValue.fromS("e"))).consistentRead(true)).item();
            assertEquals(AttributeValue.fromN("8"), item.get("t"));
            assertInstanceOf(Eight.class, unit.withEntityManager(em -> em.find(Counted.class, "e")));
        }
    }
}
