package io.jynamo.tck.mapping;

import io.jynamo.tck.model.UpperCaseConverter;
import io.jynamo.tck.support.TestUnit;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Convert;
import jakarta.persistence.Converts;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PersistenceException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code @Convert} wherever JPA 3.2 section 11.1.10 allows it: on an embedded attribute naming an attribute of its
 * embeddable, on the entity class naming an inherited attribute; and a converter that throws.
 */
class ConverterPlacementTest {

    /** Stores a street with dots for spaces; refuses "forbidden" (as the official TCK's converters do). */
    public static class DotConverter implements AttributeConverter<String, String> {
        @Override
        public String convertToDatabaseColumn(String value) {
            if ("forbidden".equals(value)) {
                throw new IllegalStateException("no forbidden streets");
            }
            return value == null ? null : value.replace(' ', '.');
        }

        @Override
        public String convertToEntityAttribute(String stored) {
            return stored == null ? null : stored.replace('.', ' ');
        }
    }

    @Embeddable
    public static class Address {
        public String street;
        public String city;

        public Address() {
        }

        Address(String street, String city) {
            this.street = street;
            this.city = city;
        }
    }

    @Entity
    public static class Shop {
        @Id
        public String id;
        @Embedded
        @Converts({@Convert(attributeName = "street", converter = DotConverter.class),
                @Convert(attributeName = "city", converter = UpperCaseConverter.class)})
        public Address address;
    }

    @MappedSuperclass
    public abstract static class Person {
        @Id
        public String id;
        @Convert(converter = DotConverter.class)
        public String name;
    }

    /** Overrides the converter of the attribute its mapped superclass declares. */
    @Entity
    @Convert(attributeName = "name", converter = UpperCaseConverter.class)
    public static class Clerk extends Person {
    }

    private static Map<String, AttributeValue> stored(TestUnit unit, String table, String id) {
        return TestUnit.sharedClient().getItem(b -> b.tableName(unit.prefix() + table)
                .key(Map.of("id", AttributeValue.fromS(id))).consistentRead(true)).item();
    }

    @Test
    void aConvertOnAnEmbeddedAttributeConvertsTheAttributeOfTheEmbeddableItNames() {
        try (TestUnit unit = TestUnit.of(Shop.class).build()) {
            unit.inTransaction(em -> {
                Shop s = new Shop();
                s.id = "s1";
                s.address = new Address("1 Main Street", "Springfield");
                em.persist(s);
            });
            Map<String, AttributeValue> address = stored(unit, "Shop", "s1").get("address").m();
            assertEquals("1.Main.Street", address.get("street").s());
            assertEquals("SPRINGFIELD", address.get("city").s());
            Shop read = unit.withEntityManager(em -> em.find(Shop.class, "s1"));
            assertEquals("1 Main Street", read.address.street);
            assertEquals("springfield", read.address.city);
        }
    }

    @Test
    void aConvertOnTheEntityClassWinsOverTheOneItsMappedSuperclassDeclares() {
        try (TestUnit unit = TestUnit.of(Clerk.class).build()) {
            unit.inTransaction(em -> {
                Clerk c = new Clerk();
                c.id = "c1";
                c.name = "Ann Lee";
                em.persist(c);
            });
            assertEquals("ANN LEE", stored(unit, "Clerk", "c1").get("name").s());
        }
    }

    @Test
    void aConverterThatThrowsWhileStoringFailsTheFlushAsPersistenceExceptionAndWritesNothing() {
        try (TestUnit unit = TestUnit.of(Shop.class).build()) {
            EntityManager em = unit.emf().createEntityManager();
            try {
                em.getTransaction().begin();
                Shop s = new Shop();
                s.id = "s2";
                s.address = new Address("forbidden", "X");
                em.persist(s);
                PersistenceException e = assertThrows(PersistenceException.class, em::flush);
                assertTrue(e.getMessage().contains("DotConverter"), e.getMessage());
                assertTrue(em.getTransaction().getRollbackOnly());
                em.getTransaction().rollback();
            } finally {
                em.close();
            }
            assertEquals(0, unit.calls().count("batchWriteItem"));
            assertFalse(TestUnit.sharedClient().getItem(b -> b.tableName(unit.prefix() + "Shop")
                    .key(Map.of("id", AttributeValue.fromS("s2")))).hasItem());
        }
    }

    @Test
    void aConvertNamingNoAttributeOfTheEmbeddableIsRefusedAtBootstrap() {
        var e = assertThrows(PersistenceException.class, () -> TestUnit.of(Misnamed.class).build());
        assertTrue(e.getMessage().contains("attributeName = \"stret\""), e.getMessage());
    }

    @Entity
    public static class Misnamed {
        @Id
        public String id;
        @Embedded
        @Convert(attributeName = "stret", converter = DotConverter.class)
        public Address address;
    }
}
