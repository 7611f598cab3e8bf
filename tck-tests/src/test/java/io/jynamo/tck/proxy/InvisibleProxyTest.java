package io.jynamo.tck.proxy;

import io.jynamo.tck.support.TestUnit;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceUnitUtil;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Proxies are as invisible as a subclass can be: {@code instanceof}, the entity's own methods,
 * {@code PersistenceUnitUtil} (JPA 3.2 section 7.11) and the metamodel see the entity class.
 */
class InvisibleProxyTest {

    @Test
    void findReturnsAProxyThatLooksLikeTheEntity() {
        try (TestUnit unit = TestUnit.of(Book.class).build()) {
            unit.inTransaction(em -> em.persist(new Book("1", "Dune", 412)));
            PersistenceUnitUtil util = unit.emf().getPersistenceUnitUtil();
            unit.inTransaction(em -> {
                Object found = em.find(Book.class, "1");
                assertInstanceOf(Book.class, found);
                assertNotEquals(Book.class, found.getClass());
                assertTrue(found.getClass().getName().startsWith(Book.class.getName() + "$JynamoProxy"));
                assertEquals(Book.class, util.getClass(found));
                assertEquals("1", util.getIdentifier(found));
                assertTrue(util.isInstance(found, Book.class));
                assertTrue(em.contains(found));
                assertEquals(Book.class, em.getMetamodel().entity(Book.class).getJavaType());
            });
        }
    }

    @Test
    void entityEqualsHashCodeAndToStringWorkOnProxies() {
        try (TestUnit unit = TestUnit.of(Book.class).build()) {
            unit.inTransaction(em -> em.persist(new Book("1", "Dune", 412)));
            Book found = unit.fromTransaction(em -> em.find(Book.class, "1"));
            Book plain = new Book("1", "Dune", 412);
            assertEquals(plain, found);
            assertEquals(found, plain);
            assertEquals(plain.hashCode(), found.hashCode());
            assertEquals("Book<1:Dune>", found.toString());
            Set<Book> set = new HashSet<>(Set.of(plain));
            assertTrue(set.contains(found));
        }
    }

    @Test
    void serializedDetachedProxyDeserializesAsThePlainEntity() throws Exception {
        try (TestUnit unit = TestUnit.of(Book.class).build()) {
            unit.inTransaction(em -> {
                Book b = new Book("1", "Dune", 412);
                b.getTags().add("classic");
                em.persist(b);
            });
            Book found = unit.fromTransaction(em -> em.find(Book.class, "1"));
            Object copy = roundTrip(found);
            assertSame(Book.class, copy.getClass());
            Book book = (Book) copy;
            assertEquals("1", book.getIsbn());
            assertEquals("Dune", book.getTitle());
            assertEquals(412, book.getPages());
            assertEquals(List.of("classic"), book.getTags());
        }
    }

    @Test
    void serializingAnUnloadedReferenceLoadsItFirst() throws Exception {
        try (TestUnit unit = TestUnit.of(Book.class).build()) {
            unit.inTransaction(em -> em.persist(new Book("1", "Dune", 412)));
            EntityManager em = unit.emf().createEntityManager();
            Book ref;
            try {
                ref = em.getReference(Book.class, "1");
            } finally {
                em.close();
            }
            Book copy = (Book) roundTrip(ref);
            assertSame(Book.class, copy.getClass());
            assertEquals("Dune", copy.getTitle());
        }
    }

    private static Object roundTrip(Object o) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(o);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return in.readObject();
        }
    }
}
