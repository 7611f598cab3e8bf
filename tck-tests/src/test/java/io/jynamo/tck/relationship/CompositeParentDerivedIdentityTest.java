package io.jynamo.tck.relationship;

import io.jynamo.tck.support.TestUnit;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinColumns;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MapsId;
import jakarta.persistence.OneToOne;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.metamodel.SingularAttribute;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Derived identities from parents with composite keys, in the shapes of the TCK's derivedid ex2a, ex2b, ex3a and
 * ex5a/ex6a: the parent's two key attributes become two of the child's, and with a key attribute of the child's
 * own the key has three (the first partitions, the others form the sort key).
 */
class CompositeParentDerivedIdentityTest {

    /** The parent's id class; not an embeddable, as in the TCK's ex2b, where an @EmbeddedId holds it. */
    public static class PersonKey implements Serializable {
        public String first;
        public String last;

        public PersonKey() {
        }

        PersonKey(String first, String last) {
            this.first = first;
            this.last = last;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof PersonKey k && Objects.equals(first, k.first) && Objects.equals(last, k.last);
        }

        @Override
        public int hashCode() {
            return Objects.hash(first, last);
        }
    }

    @Entity
    @IdClass(PersonKey.class)
    public static class Person {
        @Id
        public String first;
        @Id
        public String last;
        public String ssn;

        public Person() {
        }

        Person(String first, String last, String ssn) {
            this.first = first;
            this.last = last;
            this.ssn = ssn;
        }
    }

    public static class ChildKey implements Serializable {
        public String name;
        public PersonKey parent;

        public ChildKey() {
        }

        ChildKey(String name, PersonKey parent) {
            this.name = name;
            this.parent = parent;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof ChildKey k && Objects.equals(name, k.name) && Objects.equals(parent, k.parent);
        }

        @Override
        public int hashCode() {
            return Objects.hash(name, parent);
        }
    }

    /** As ex2a: an @IdClass holding the parent's id class, and @Id on the @ManyToOne with @JoinColumns. */
    @Entity
    @IdClass(ChildKey.class)
    public static class Child {
        @Id
        public String name;
        @Id
        @ManyToOne
        @JoinColumns({@JoinColumn(name = "LAST", referencedColumnName = "LAST"),
                @JoinColumn(name = "FIRST", referencedColumnName = "FIRST")})
        public Person parent;
        public int age;

        public Child() {
        }

        Child(String name, Person parent, int age) {
            this.name = name;
            this.parent = parent;
            this.age = age;
        }
    }

    @Embeddable
    public static class PetKey implements Serializable {
        public String name;
        public PersonKey owner;

        public PetKey() {
        }

        PetKey(String name, PersonKey owner) {
            this.name = name;
            this.owner = owner;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof PetKey k && Objects.equals(name, k.name) && Objects.equals(owner, k.owner);
        }

        @Override
        public int hashCode() {
            return Objects.hash(name, owner);
        }
    }

    /** As ex2b: an @EmbeddedId holding the parent's id as an embeddable, filled by @MapsId. */
    @Entity
    public static class Pet {
        @EmbeddedId
        public PetKey id;
        @MapsId("owner")
        @ManyToOne
        public Person owner;
        public String kind;
    }

    @Embeddable
    public static class HullKey implements Serializable {
        public String yard;
        public int number;

        public HullKey() {
        }

        HullKey(String yard, int number) {
            this.yard = yard;
            this.number = number;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof HullKey k && Objects.equals(yard, k.yard) && number == k.number;
        }

        @Override
        public int hashCode() {
            return Objects.hash(yard, number);
        }
    }

    @Entity
    public static class Ship {
        @EmbeddedId
        public HullKey hull;
        public String name;
    }

    public static class CabinKey implements Serializable {
        public String deck;
        public HullKey ship;

        public CabinKey() {
        }

        CabinKey(String deck, HullKey ship) {
            this.deck = deck;
            this.ship = ship;
        }
    }

    /** As ex3a: the parent keyed by an @EmbeddedId, the child's @IdClass holding it. */
    @Entity
    @IdClass(CabinKey.class)
    public static class Cabin {
        @Id
        public String deck;
        @Id
        @ManyToOne
        public Ship ship;
        public int berths;
    }

    @Embeddable
    public static class BerthKey implements Serializable {
        public String no;
        public HullKey hull;

        public BerthKey() {
        }

        BerthKey(String no, HullKey hull) {
            this.no = no;
            this.hull = hull;
        }
    }

    /** As ex3b: an @EmbeddedId holding the parent's @EmbeddedId (an embeddable), filled by @MapsId. */
    @Entity
    public static class Berth {
        @EmbeddedId
        public BerthKey id;
        @MapsId("hull")
        @ManyToOne
        public Ship ship;
    }

    /** As ex5a/ex6a: the parent's whole composite key is the child's, through @Id on a @OneToOne. */
    @Entity
    @IdClass(PersonKey.class)
    public static class Chart {
        @Id
        @OneToOne
        public Person patient;
        public String doctor;
    }

    private TestUnit unit;

    @AfterEach
    void stop() {
        if (unit != null) {
            unit.close();
        }
    }

    private List<Map<String, AttributeValue>> items(String table) {
        return TestUnit.sharedClient().scan(s -> s.tableName(unit.prefix() + table)).items();
    }

    @Test
    void anIdClassHoldingTheParentsIdClassStoresThreeKeyAttributes() {
        unit = TestUnit.of(Person.class, Child.class).build();
        unit.inTransaction(em -> {
            Person ada = new Person("Ada", "Lovelace", "1");
            Person bob = new Person("Bob", "Smith", "2");
            em.persist(ada);
            em.persist(bob);
            em.persist(new Child("Ann", ada, 7));
            em.persist(new Child("Ben", ada, 5));
            em.persist(new Child("Ann", bob, 9));
        });
        Map<String, AttributeValue> item = items("Child").stream()
                .filter(i -> i.get("LAST").s().equals("Lovelace") && i.get("name").s().equals("Ann")).findFirst().orElseThrow();
        assertEquals(Set.of("name", "FIRST#LAST", "FIRST", "LAST", "age"), item.keySet(),
                "the parent's key is stored once as the child's key attributes, joined into its sort key in the parent's key order");
        assertEquals("Ada#Lovelace", item.get("FIRST#LAST").s());
        unit.calls().reset();
        unit.inTransaction(em -> {
            Child c = em.find(Child.class, new ChildKey("Ann", new PersonKey("Bob", "Smith")));
            assertEquals(9, c.age);
            assertEquals("2", c.parent.ssn);
            assertSame(c.parent, em.find(Person.class, new PersonKey("Bob", "Smith")));
            ChildKey id = (ChildKey) em.getEntityManagerFactory().getPersistenceUnitUtil().getIdentifier(c);
            assertEquals(new ChildKey("Ann", new PersonKey("Bob", "Smith")), id);
        });
        assertEquals(1, unit.calls().count("getItem"));
        unit.withEntityManager(em -> {
            List<Child> found = em.createQuery("SELECT c FROM Child c WHERE c.name = 'Ann' AND c.parent.first = 'Ada'",
                    Child.class).getResultList();
            assertEquals(1, found.size());
            assertEquals(7, found.get(0).age);
            assertSame(found.get(0), em.find(Child.class, new ChildKey("Ann", new PersonKey("Ada", "Lovelace"))));
            return null;
        });
        unit.inTransaction(em -> em.remove(em.find(Child.class, new ChildKey("Ben", new PersonKey("Ada", "Lovelace")))));
        assertNull(unit.withEntityManager(em -> em.find(Child.class, new ChildKey("Ben", new PersonKey("Ada", "Lovelace")))));
        assertEquals(2, items("Child").size());
    }

    @Test
    void mapsIdOnAnEmbeddableInsideTheEmbeddedIdCopiesTheParentsCompositeKey() {
        unit = TestUnit.of(Person.class, Pet.class).build();
        unit.inTransaction(em -> {
            Person ada = new Person("Ada", "Lovelace", "1");
            em.persist(ada);
            Pet pet = new Pet();
            pet.id = new PetKey("Rex", null);
            pet.owner = ada;
            pet.kind = "dog";
            em.persist(pet);
        });
        Map<String, AttributeValue> item = items("Pet").get(0);
        assertEquals(Set.of("name", "first#last", "first", "last", "kind"), item.keySet());
        unit.inTransaction(em -> {
            Pet pet = em.find(Pet.class, new PetKey("Rex", new PersonKey("Ada", "Lovelace")));
            assertEquals("dog", pet.kind);
            assertEquals(new PersonKey("Ada", "Lovelace"), pet.id.owner);
            assertSame(pet.owner, em.find(Person.class, new PersonKey("Ada", "Lovelace")));
            List<Pet> byOwner = em.createQuery("SELECT p FROM Pet p WHERE p.id.name = 'Rex' AND p.owner.last = :l",
                    Pet.class).setParameter("l", "Lovelace").getResultList();
            assertEquals(List.of(pet), byOwner);
        });
    }

    @Test
    void anIdRelationshipToAParentKeyedByAnEmbeddedIdTakesItsParts() {
        unit = TestUnit.of(Ship.class, Cabin.class).build();
        unit.inTransaction(em -> {
            Ship s = new Ship();
            s.hull = new HullKey("Belfast", 401);
            s.name = "Titanic";
            em.persist(s);
            Cabin c = new Cabin();
            c.deck = "B";
            c.ship = s;
            c.berths = 2;
            em.persist(c);
        });
        assertEquals("401", items("Cabin").get(0).get("ship_number").n());
        unit.withEntityManager(em -> {
            Cabin c = em.find(Cabin.class, new CabinKey("B", new HullKey("Belfast", 401)));
            assertEquals(2, c.berths);
            assertEquals("Titanic", c.ship.name);
            return null;
        });
    }

    @Test
    void mapsIdOnTheParentsEmbeddedIdInsideTheChildsFillsItsParts() {
        unit = TestUnit.of(Ship.class, Berth.class).build();
        unit.inTransaction(em -> {
            Ship s = new Ship();
            s.hull = new HullKey("Belfast", 401);
            em.persist(s);
            Berth b = new Berth();
            b.id = new BerthKey("7", new HullKey("wrong", 0));
            b.ship = s;
            em.persist(b);
        });
        assertEquals("Belfast#401", items("Berth").get(0).get("yard#number").s());
        unit.withEntityManager(em -> {
            Berth b = em.find(Berth.class, new BerthKey("7", new HullKey("Belfast", 401)));
            assertEquals(new HullKey("Belfast", 401), b.id.hull, "@MapsId copied the parent's key at persist");
            assertSame(b.ship, em.find(Ship.class, new HullKey("Belfast", 401)));
            return null;
        });
    }

    @Test
    void anIdOneToOneMakesTheParentsCompositeKeyTheChilds() {
        unit = TestUnit.of(Person.class, Chart.class).property("jynamo.scan", "deny").build();
        unit.inTransaction(em -> {
            Person ada = new Person("Ada", "Lovelace", "1");
            em.persist(ada);
            Chart c = new Chart();
            c.patient = ada;
            c.doctor = "Dr A";
            em.persist(c);
        });
        assertEquals(Set.of("patient_first", "patient_last", "doctor"), items("Chart").get(0).keySet());
        unit.withEntityManager(em -> {
            Chart c = em.find(Chart.class, new PersonKey("Ada", "Lovelace"));
            assertEquals("Dr A", c.doctor);
            assertEquals("1", c.patient.ssn);
            List<Chart> found = em.createQuery("SELECT c FROM Chart c WHERE c.patient.first = 'Ada'", Chart.class)
                    .getResultList();
            assertEquals(List.of(c), found);
            assertSame(found.get(0).patient, c.patient);
            return null;
        });
    }

    @Test
    void theMetamodelShowsTheIdRelationshipNotTheKeyAttributesItGives() {
        unit = TestUnit.of(Person.class, Child.class).build();
        var child = unit.emf().getMetamodel().entity(Child.class);
        assertEquals(Set.of("name", "parent"), child.getIdClassAttributes().stream().map(SingularAttribute::getName)
                .collect(Collectors.toSet()));
        assertEquals(Set.of("name", "parent", "age"), child.getAttributes().stream().map(a -> a.getName())
                .collect(Collectors.toSet()));
        unit.close();
        unit = TestUnit.of(Person.class, Pet.class).build();
        var petKey = unit.emf().getMetamodel().embeddable(PetKey.class);
        assertEquals(Set.of("name", "owner"), petKey.getAttributes().stream().map(a -> a.getName())
                .collect(Collectors.toSet()));
        assertEquals(PersonKey.class, petKey.getAttribute("owner").getJavaType());
    }

    public record TripleKey(String a, String b, String c) implements Serializable {
    }

    @Entity
    @IdClass(TripleKey.class)
    public static class Triple {
        @Id
        public String a;
        @Id
        public String b;
        @Id
        public String c;
    }

    @Entity
    public static class TripleNote {
        @Id
        @OneToOne
        public Triple triple;
    }

    @Test
    void aDerivedIdentityFromAKeyOfThreeIsRefusedAtBootstrap() {
        PersistenceException e = assertThrows(PersistenceException.class,
                () -> TestUnit.of(Triple.class, TripleNote.class).build().close());
        assertTrue(e.getMessage().contains("'triple'") && e.getMessage().contains("derived identity"), e.getMessage());
    }
}
