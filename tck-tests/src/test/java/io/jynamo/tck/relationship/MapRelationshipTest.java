package io.jynamo.tck.relationship;

import io.jynamo.tck.support.TestUnit;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MapKey;
import jakarta.persistence.OneToMany;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.metamodel.MapAttribute;
import jakarta.persistence.metamodel.Type;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Relationship collections that are Maps, keyed by an attribute of the targets (@MapKey), as the official TCK's schema uses. */
class MapRelationshipTest {

    @Entity
    public static class Dept {
        @Id
        public String id;
        @OneToMany(mappedBy = "dept", cascade = CascadeType.PERSIST)
        @MapKey(name = "lastName")
        public Map<String, Emp> byLastName = new HashMap<>();
        @ManyToMany
        public Map<String, Emp> mentorsById = new HashMap<>();

        public Dept() {
        }

        Dept(String id) {
            this.id = id;
        }
    }

    @Entity
    public static class Emp {
        @Id
        public String id;
        public String lastName;
        @ManyToOne
        public Dept dept;

        public Emp() {
        }

        Emp(String id, String lastName, Dept dept) {
            this.id = id;
            this.lastName = lastName;
            this.dept = dept;
        }
    }

    @Entity
    public static class BadKey {
        @Id
        public String id;
        @ManyToMany
        @MapKey(name = "nope")
        public Map<String, Emp> emps;
    }

    @Test
    void anInverseSideMapIsKeyedByTheTargetsAttributeAndALinkTableMapByTheTargetsKey() {
        try (TestUnit unit = TestUnit.of(Dept.class, Emp.class).build()) {
            unit.inTransaction(em -> {
                Dept d = new Dept("d1");
                Emp a = new Emp("e1", "Lovelace", d);
                Emp b = new Emp("e2", "Hopper", d);
                d.byLastName.put(a.lastName, a);
                d.byLastName.put(b.lastName, b);
                d.mentorsById.put(b.id, b);
                em.persist(d);
            });
            unit.calls().reset();
            unit.withEntityManager(em -> {
                Dept d = em.find(Dept.class, "d1");
                assertEquals(1, unit.calls().log().size(), "the map loads when first used");
                assertEquals("e1", d.byLastName.get("Lovelace").id);
                assertEquals(2, d.byLastName.size());
                assertSame(d.byLastName.get("Hopper"), d.mentorsById.get("e2"), "one instance per entity");
                return null;
            });
            MapAttribute<? super Dept, ?, ?> attribute = unit.emf().getMetamodel().entity(Dept.class).getMap("byLastName");
            assertEquals(String.class, attribute.getKeyJavaType());
            assertEquals(Type.PersistenceType.ENTITY, attribute.getElementType().getPersistenceType());
            assertTrue(attribute.isAssociation());
        }
    }

    @Test
    void aMapKeyNamingNoAttributeOfTheTargetFailsAtBootstrap() {
        PersistenceException e = assertThrows(PersistenceException.class,
                () -> TestUnit.of(BadKey.class, Emp.class, Dept.class).build().close());
        assertTrue(e.getMessage().contains("@MapKey(name = \"nope\")"), e.getMessage());
    }
}
