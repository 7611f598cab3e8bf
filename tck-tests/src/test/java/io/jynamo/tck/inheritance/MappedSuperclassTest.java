package io.jynamo.tck.inheritance;

import io.jynamo.tck.support.TestUnit;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.RollbackException;
import jakarta.persistence.Version;
import jakarta.persistence.metamodel.EntityType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Ids, versions, attributes, callbacks and listeners declared on mapped superclasses anywhere in the hierarchy. */
class MappedSuperclassTest {

    static final List<String> EVENTS = new ArrayList<>();

    public static class AuditListener {
        @PrePersist
        void stamp(Object entity) {
            EVENTS.add("listener:" + entity.getClass().getSimpleName());
        }
    }

    /** The top of the hierarchy: the id, the version and a callback. */
    @MappedSuperclass
    @EntityListeners(AuditListener.class)
    public abstract static class Identified {
        @Id
        public String id;
        @Version
        public Long version;
        public String createdBy;

        @PrePersist
        void beforePersist() {
            EVENTS.add("base:" + id);
        }
    }

    /** A plain class in between: not persistent, its state is not stored. */
    public abstract static class Plain extends Identified {
        public String ignored;
    }

    /** A second mapped superclass below a plain one. */
    @MappedSuperclass
    @jakarta.persistence.NamedQuery(name = "Named.byTitle", query = "SELECT d FROM Document d WHERE d.title = :t")
    @jakarta.persistence.NamedNativeQuery(name = "Named.native", query = "SELECT * FROM Document")
    public abstract static class Named extends Plain {
        public String title;

        @PreUpdate
        void beforeUpdate() {
            EVENTS.add("named:update");
        }
    }

    @Entity
    @AttributeOverride(name = "createdBy", column = @Column(name = "author"))
    public static class Document extends Named {
        public int pages;

        @PrePersist
        void own() {
            EVENTS.add("own:" + id);
        }
    }

    private static TestUnit unit;

    @BeforeAll
    static void start() {
        unit = TestUnit.of(Identified.class, Named.class, Document.class).build();
    }

    @AfterAll
    static void stop() {
        unit.close();
    }

    private static Document document(String id) {
        Document d = new Document();
        d.id = id;
        d.createdBy = "ann";
        d.title = "T";
        d.pages = 3;
        d.ignored = "not stored";
        return d;
    }

    @Test
    void inheritedIdAndAttributesAreStoredUnderTheirNamesAndOverrides() {
        unit.inTransaction(em -> em.persist(document("d1")));
        Map<String, AttributeValue> item = TestUnit.sharedClient().getItem(b -> b.tableName(unit.prefix() + "Document")
                .key(Map.of("id", AttributeValue.fromS("d1"))).consistentRead(true)).item();
        assertEquals("ann", item.get("author").s());
        assertTrue(!item.containsKey("createdBy"), "the overridden name replaces the inherited one: " + item);
        assertTrue(!item.containsKey("ignored"), "a plain superclass's state is not persistent: " + item);
        assertEquals("T", item.get("title").s());
        assertEquals("3", item.get("pages").n());
        assertEquals("0", item.get("version").n(), "a new Long version starts at 0");

        unit.calls().reset();
        Document found = unit.withEntityManager(em -> em.find(Document.class, "d1"));
        assertEquals(1, unit.calls().count("getItem"));
        assertEquals("ann", found.createdBy);
        assertEquals(0L, found.version);
        assertNull(found.ignored);
    }

    @Test
    void namedQueriesOfAMappedSuperclassBelongToTheUnit() {
        unit.inTransaction(em -> em.persist(document("d9")));
        unit.withEntityManager(em -> {
            var d = em.createNamedQuery("Named.byTitle", Document.class).setParameter("t", "T").getResultList();
            assertTrue(d.stream().anyMatch(x -> x.id.equals("d9")));
            var e = assertThrows(UnsupportedOperationException.class, () -> em.createNamedQuery("Named.native"));
            assertTrue(e.getMessage().contains("Native queries are not supported"), e.getMessage());
            return null;
        });
    }

    @Test
    void inheritedCallbacksAndListenersRunSuperclassesFirst() {
        EVENTS.clear();
        unit.inTransaction(em -> em.persist(document("d2")));
        assertEquals(List.of("listener:Document", "base:d2", "own:d2"), EVENTS);
        EVENTS.clear();
        unit.inTransaction(em -> em.find(Document.class, "d2").title = "changed");
        assertEquals(List.of("named:update"), EVENTS);
    }

    @Test
    void inheritedVersionGuardsConcurrentUpdates() {
        unit.inTransaction(em -> em.persist(document("d3")));
        var em1 = unit.emf().createEntityManager();
        em1.getTransaction().begin();
        Document stale = em1.find(Document.class, "d3");
        unit.inTransaction(em -> em.find(Document.class, "d3").pages = 4);
        stale.pages = 5;
        RollbackException e = assertThrows(RollbackException.class, () -> em1.getTransaction().commit());
        assertTrue(e.getCause() instanceof OptimisticLockException, String.valueOf(e.getCause()));
        em1.close();
        assertEquals(1L, unit.withEntityManager(em -> em.find(Document.class, "d3")).version);
    }

    @Test
    void typeOfAnEntityOutsideAHierarchyIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> unit.withEntityManager(
                em -> em.createQuery("SELECT d FROM Document d WHERE TYPE(d) = Document")));
        assertTrue(e.getMessage().contains("TYPE(d): entity Document has no entity superclass"), e.getMessage());
    }

    @Test
    void theMetamodelShowsEachMappedSuperclassAsTheSupertypeDeclaringItsOwnAttributes() {
        var model = unit.emf().getMetamodel();
        EntityType<Document> type = model.entity(Document.class);
        assertEquals(Document.class, type.getJavaType());
        assertEquals(String.class, type.getId(String.class).getJavaType());
        assertEquals(Long.class, type.getVersion(Long.class).getJavaType());
        assertEquals(java.util.Set.of("id", "version", "createdBy", "title", "pages"),
                type.getAttributes().stream().map(a -> a.getName()).collect(java.util.stream.Collectors.toSet()));
        assertEquals(java.util.Set.of("pages"), names(type.getDeclaredAttributes()));

        var named = assertInstanceOf(jakarta.persistence.metamodel.MappedSuperclassType.class, type.getSupertype());
        assertEquals(Named.class, named.getJavaType());
        assertEquals(jakarta.persistence.metamodel.Type.PersistenceType.MAPPED_SUPERCLASS, named.getPersistenceType());
        assertSame(named, model.managedType(Named.class));
        assertEquals(java.util.Set.of("title"), names(named.getDeclaredAttributes()), "the plain class between adds nothing");
        var identified = assertInstanceOf(jakarta.persistence.metamodel.MappedSuperclassType.class, named.getSupertype());
        assertSame(identified, model.managedType(Identified.class));
        assertNull(identified.getSupertype());
        assertEquals(java.util.Set.of("id", "version", "createdBy"), names(identified.getDeclaredAttributes()));
        assertEquals(String.class, identified.getDeclaredId(String.class).getJavaType());
        assertEquals(Long.class, identified.getDeclaredVersion(Long.class).getJavaType());
        assertTrue(identified.hasSingleIdAttribute());
        assertEquals(String.class, identified.getIdType().getJavaType());
        assertThrows(IllegalArgumentException.class, () -> identified.getId(java.util.Date.class));
        assertThrows(IllegalArgumentException.class, () -> identified.getIdClassAttributes());
        assertThrows(IllegalArgumentException.class, () -> type.getDeclaredId(String.class), "declared by Identified");
        assertThrows(IllegalArgumentException.class, () -> named.getDeclaredVersion(Long.class), "declared by Identified");
        assertSame(identified, type.getAttribute("createdBy").getDeclaringType());
        assertSame(type.getAttribute("title"), named.getAttribute("title"), "the same attribute object");
        assertTrue(model.getManagedTypes().containsAll(java.util.List.of(type, named, identified)));
        assertFalse(model.getEntities().contains(named));
        assertThrows(IllegalArgumentException.class, () -> model.managedType(Plain.class), "a plain class is no type");
        assertThrows(IllegalArgumentException.class, () -> model.entity(Named.class));
    }

    private static java.util.Set<String> names(java.util.Set<? extends jakarta.persistence.metamodel.Attribute<?, ?>> attributes) {
        return attributes.stream().map(a -> a.getName()).collect(java.util.stream.Collectors.toSet());
    }
}
