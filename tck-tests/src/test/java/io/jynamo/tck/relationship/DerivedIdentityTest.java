package io.jynamo.tck.relationship;

import io.jynamo.tck.support.TestUnit;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MapsId;
import jakarta.persistence.OneToOne;
import jakarta.persistence.PersistenceException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Derived identities, in the shapes of the official TCK's core/derivedid models: the child's key (or part of
 * its {@code @EmbeddedId}/{@code @IdClass}) is the parent's key, stored once as the key attribute.
 */
class DerivedIdentityTest {

    @Entity
    public static class Employee {
        @Id
        public long id;
        public String name;

        public Employee() {
        }

        Employee(long id, String name) {
            this.id = id;
            this.name = name;
        }
    }

    @Embeddable
    public static class DependentId implements Serializable {
        public String name;
        public long empPK;

        public DependentId() {
        }

        DependentId(String name, long empPK) {
            this.name = name;
            this.empPK = empPK;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof DependentId d && Objects.equals(name, d.name) && empPK == d.empPK;
        }

        @Override
        public int hashCode() {
            return Objects.hash(name, empPK);
        }
    }

    /** As ex1b: @EmbeddedId with @MapsId("empPK"). */
    @Entity
    public static class Dependent {
        @EmbeddedId
        public DependentId id;
        @MapsId("empPK")
        @ManyToOne
        public Employee emp;

        public Dependent() {
        }

        Dependent(String name, Employee emp) {
            this.id = new DependentId(name, 0);
            this.emp = emp;
        }
    }

    public static class KinId implements Serializable {
        public String name;
        public long emp;

        public KinId() {
        }

        KinId(String name, long emp) {
            this.name = name;
            this.emp = emp;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof KinId k && Objects.equals(name, k.name) && emp == k.emp;
        }

        @Override
        public int hashCode() {
            return Objects.hash(name, emp);
        }
    }

    /** As ex1a: @IdClass whose 'emp' is the parent's id, and @Id on the @ManyToOne. */
    @Entity
    @IdClass(KinId.class)
    public static class Kin {
        @Id
        public String name;
        @Id
        @ManyToOne
        public Employee emp;

        public Kin() {
        }

        Kin(String name, Employee emp) {
            this.name = name;
            this.emp = emp;
        }
    }

    @Entity
    public static class Person {
        @Id
        public String ssn;
        public String name;

        public Person() {
        }

        Person(String ssn, String name) {
            this.ssn = ssn;
            this.name = name;
        }
    }

    /** As ex4b: a simple @Id mapped by @MapsId on a @OneToOne. */
    @Entity
    public static class History {
        @Id
        public String id;
        @MapsId
        @JoinColumn(name = "ID")
        @OneToOne
        public Person patient;
        public String doctorName;

        public History() {
        }

        History(Person patient, String doctorName) {
            this.patient = patient;
            this.doctorName = doctorName;
        }
    }

    /** As ex4a: the @OneToOne itself is the @Id. */
    @Entity
    public static class Record {
        @Id
        @OneToOne
        @JoinColumn(name = "PATIENT_SSN")
        public Person patient;
        public String doctorName;

        public Record() {
        }

        Record(Person patient, String doctorName) {
            this.patient = patient;
            this.doctorName = doctorName;
        }
    }

    private TestUnit unit;

    @AfterEach
    void stop() {
        if (unit != null) {
            unit.close();
        }
    }

    private void start() {
        unit = TestUnit.of(Employee.class, Dependent.class, Kin.class, Person.class, History.class, Record.class).build();
    }

    private List<Map<String, AttributeValue>> items(String table) {
        return unit.calls().client().scan(s -> s.tableName(unit.prefix() + table)).items();
    }

    @Test
    void mapsIdOnAnEmbeddedIdPartCopiesTheParentsKeyAtPersistAndStoresItOnce() {
        start();
        unit.inTransaction(em -> {
            Employee e = new Employee(7, "Ada");
            em.persist(e);
            em.persist(new Dependent("Bob", e));
        });
        List<Map<String, AttributeValue>> items = items("Dependent");
        assertEquals(1, items.size());
        assertEquals(Set.of("name", "empPK"), items.get(0).keySet(), "the key holds the parent's key; no second copy");
        assertEquals("7", items.get(0).get("empPK").n());
        unit.calls().reset();
        unit.inTransaction(em -> {
            Dependent d = em.find(Dependent.class, new DependentId("Bob", 7));
            assertEquals(7, d.id.empPK);
            assertEquals("Ada", d.emp.name);
            assertSame(d.emp, em.find(Employee.class, 7L));
        });
        assertEquals(1, unit.calls().count("getItem"));
        assertEquals(1, unit.calls().count("batchGetItem"), "the eager parent");
    }

    @Test
    void mapsIdOnASimpleIdTakesTheParentsKeyWhateverTheApplicationSet() {
        start();
        unit.inTransaction(em -> {
            Person p = new Person("123", "Grace");
            em.persist(p);
            History h = new History(p, "Dr Who");
            h.id = "ignored";
            em.persist(h);
            assertEquals("123", h.id);
        });
        List<Map<String, AttributeValue>> items = items("History");
        assertEquals(Set.of("id", "doctorName"), items.get(0).keySet());
        unit.inTransaction(em -> {
            History h = em.find(History.class, "123");
            assertEquals("Grace", h.patient.name);
            assertEquals("Dr Who", h.doctorName);
        });
    }

    @Test
    void anIdOnAOneToOneIsTheParentsKeyStoredUnderTheJoinColumn() {
        start();
        unit.inTransaction(em -> {
            Person p = new Person("555", "Alan");
            em.persist(p);
            em.persist(new Record(p, "Dr No"));
        });
        List<Map<String, AttributeValue>> items = items("Record");
        assertEquals(Set.of("PATIENT_SSN", "doctorName"), items.get(0).keySet());
        unit.inTransaction(em -> {
            Record r = em.find(Record.class, "555");
            assertEquals("Alan", r.patient.name);
            assertEquals("Dr No", r.doctorName);
            r.doctorName = "Dr Yes";
        });
        assertEquals("Dr Yes", unit.fromTransaction(em -> em.find(Record.class, "555").doctorName));
        assertEquals(1, (int) unit.fromTransaction(em -> em.createQuery("SELECT r FROM Record r WHERE r.patient.ssn = :s", Record.class)
                .setParameter("s", "555").getResultList().size()));
    }

    @Test
    void theMetamodelSeesAnIdRelationshipAsTheRelationship() {
        start();
        var record = unit.emf().getMetamodel().entity(Record.class);
        assertTrue(record.getAttribute("patient").isAssociation());
        assertEquals(Person.class, record.getAttribute("patient").getJavaType());
        assertEquals(2, record.getAttributes().size(), record.getAttributes().toString());
        assertTrue(unit.emf().getMetamodel().entity(Dependent.class).getAttribute("emp").isAssociation());
    }

    @Test
    void anIdManyToOneIsPartOfAnIdClass() {
        start();
        unit.inTransaction(em -> {
            Employee e = new Employee(9, "Linus");
            em.persist(e);
            em.persist(new Kin("Kim", e));
            em.persist(new Kin("Lee", e));
        });
        assertTrue(items("Kin").stream().allMatch(i -> i.keySet().equals(Set.of("name", "emp_id"))), items("Kin").toString());
        unit.inTransaction(em -> {
            Kin k = em.find(Kin.class, new KinId("Lee", 9));
            assertEquals("Lee", k.name);
            assertEquals("Linus", k.emp.name);
            em.remove(k);
        });
        assertEquals(1, items("Kin").size());
    }

    @Test
    void aQueryReadsTheTargetOfAnIdRelationshipThroughItsPath() {
        unit = TestUnit.of(Employee.class, Kin.class).property("jynamo.scan", "allow").property("jynamo.client-side", "allow")
                .build();
        unit.inTransaction(em -> {
            Employee linus = new Employee(9, "Linus");
            Employee ada = new Employee(7, "Ada");
            em.persist(linus);
            em.persist(ada);
            em.persist(new Kin("Kim", linus));
            em.persist(new Kin("Lee", linus));
            em.persist(new Kin("Lee", ada));
        });
        List<Kin> found = unit.fromTransaction(em -> em.createQuery(
                "SELECT k FROM Kin k WHERE k.name = 'Lee' AND k.emp.name = 'Linus'", Kin.class).getResultList());
        assertEquals(1, found.size());
        assertEquals(9, found.get(0).emp.id);
        List<String> names = unit.fromTransaction(em -> em.createQuery(
                "SELECT k.emp.name FROM Kin k WHERE k.name = 'Lee' ORDER BY k.emp.name", String.class).getResultList());
        assertEquals(List.of("Ada", "Linus"), names);
    }

    @Test
    void mergingANewChildDerivesItsKeyAsPersistDoes() {
        start();
        unit.inTransaction(em -> em.persist(new Person("777", "Edsger")));
        unit.inTransaction(em -> {
            History h = em.merge(new History(em.getReference(Person.class, "777"), "Dr M"));
            assertEquals("777", h.id);
        });
        assertEquals("Dr M", unit.fromTransaction(em -> em.find(History.class, "777").doctorName));
    }

    @Test
    void mapsIdWithoutAParentFailsThePersistNamingTheAttribute() {
        start();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> unit.inTransaction(em ->
                em.persist(new History(null, "Dr X"))));
        assertTrue(e.getMessage().contains("'patient'") && e.getMessage().contains("@MapsId"), e.getMessage());
    }

    @Embeddable
    public static class NameKey implements Serializable {
        public String first;
        @io.jynamo.annotations.SortKey
        public String last;

        public NameKey() {
        }

        NameKey(String first, String last) {
            this.first = first;
            this.last = last;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof NameKey k && Objects.equals(first, k.first) && Objects.equals(last, k.last);
        }

        @Override
        public int hashCode() {
            return Objects.hash(first, last);
        }
    }

    @Entity
    public static class Named {
        @EmbeddedId
        public NameKey id;
        public String ssn;
    }

    /** As ex6b: the whole @EmbeddedId derived from a parent with the same composite key. */
    @Entity
    public static class NamedHistory {
        @EmbeddedId
        public NameKey id;
        @MapsId
        @OneToOne
        public Named named;
        public String doctorName;
    }

    @Test
    void mapsIdOnAWholeCompositeIdMakesTheParentsPartitionAndSortKeyTheChilds() {
        unit = TestUnit.of(Named.class, NamedHistory.class).build();
        unit.inTransaction(em -> {
            Named n = new Named();
            n.id = new NameKey("Ada", "Lovelace");
            n.ssn = "1";
            em.persist(n);
            NamedHistory h = new NamedHistory();
            h.named = n;
            h.doctorName = "Dr A";
            em.persist(h);
        });
        assertEquals(Set.of("first", "last", "doctorName"), items("NamedHistory").get(0).keySet());
        unit.inTransaction(em -> {
            NamedHistory h = em.find(NamedHistory.class, new NameKey("Ada", "Lovelace"));
            assertEquals("1", h.named.ssn);
            assertEquals("Dr A", h.doctorName);
        });
    }
}
