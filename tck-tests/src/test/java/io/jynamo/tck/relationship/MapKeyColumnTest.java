package io.jynamo.tck.relationship;

import io.jynamo.tck.support.TestUnit;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MapKeyClass;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.MapKeyEnumerated;
import jakarta.persistence.MapKeyJoinColumn;
import jakarta.persistence.MapKeyTemporal;
import jakarta.persistence.OneToMany;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.TemporalType;
import jakarta.persistence.metamodel.MapAttribute;
import jakarta.persistence.metamodel.Type;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Maps keyed by a value stored beside the relationship ({@code @MapKeyColumn}, {@code @MapKeyJoinColumn}, with
 * {@code @MapKeyEnumerated}/{@code @MapKeyTemporal}): on link items (keyed by owner and map key) or, for an
 * inverse {@code @OneToMany}, on the children's items; the shapes of the official TCK's annotations.mapkey* models.
 */
public class MapKeyColumnTest {

    public enum Office { NORTH, SOUTH, EAST }

    @Entity
    public static class Project {
        @Id
        public String id;
        @ManyToMany
        @MapKeyColumn(name = "role")
        public Map<String, Person> staff = new HashMap<>();

        public Project() {
        }

        Project(String id) {
            this.id = id;
        }
    }

    @Entity
    public static class Person {
        @Id
        public String id;
        public String name;

        public Person() {
        }

        Person(String id) {
            this.id = id;
            this.name = "Person " + id;
        }
    }

    /** As the TCK's mapkeycolumn / mapkeyenumerated / mapkeytemporal Departments. */
    @Entity
    public static class Dept {
        @Id
        public int id;
        @OneToMany(mappedBy = "dept")
        @MapKeyColumn(name = "OFFICE_ID")
        public Map<String, Emp> byOffice = new HashMap<>();
        @OneToMany(mappedBy = "dept2")
        @MapKeyColumn(name = "OFFICE")
        @MapKeyEnumerated(EnumType.STRING)
        public Map<Office, Emp> byEnum = new HashMap<>();
        @OneToMany(targetEntity = Emp.class, mappedBy = "dept3")
        @MapKeyClass(Date.class)
        @MapKeyColumn(name = "THEDATE")
        @MapKeyTemporal(TemporalType.DATE)
        @SuppressWarnings("rawtypes")
        public Map byDate = new HashMap();
        /** Read-only: the key is the child's own lastName attribute, which the map never writes. */
        @OneToMany(mappedBy = "dept4")
        @MapKeyColumn(name = "lastName", insertable = false, updatable = false)
        public Map<String, Emp> byLastName = new HashMap<>();
        /** As the TCK's Department4: an element-collection map keyed by an enum, with a collection table. */
        @ElementCollection
        @CollectionTable(name = "EMP_MAPKEYCOL2", joinColumns = @JoinColumn(name = "FK_DEPT5"))
        @AttributeOverride(name = "employeeId", column = @Column(name = "ID"))
        @MapKeyEnumerated(EnumType.STRING)
        public Map<Office, Badge> badges = new HashMap<>();
        @ElementCollection
        @MapKeyColumn(name = "THEDATE")
        @MapKeyTemporal(TemporalType.DATE)
        public Map<Date, Badge> badgesByDate = new HashMap<>();

        public Dept() {
        }

        Dept(int id) {
            this.id = id;
        }
    }

    @Embeddable
    public static class Badge {
        public String employeeName;
        public int employeeId;

        public Badge() {
        }

        Badge(String name, int id) {
            this.employeeName = name;
            this.employeeId = id;
        }
    }

    @Entity
    public static class Emp {
        @Id
        public int id;
        public String lastName;
        @ManyToOne
        @JoinColumn(name = "FK_DEPT")
        public Dept dept;
        @ManyToOne
        public Dept dept2;
        @ManyToOne
        public Dept dept3;
        @ManyToOne
        public Dept dept4;

        public Emp() {
        }

        Emp(int id, String lastName) {
            this.id = id;
            this.lastName = lastName;
        }
    }

    /** As the TCK's mapkeyjoincolumn model: enrollment is a Map<Course, Semester> over a join table. */
    @Entity
    public static class Pupil {
        @Id
        public String id;
        @ManyToMany
        @MapKeyJoinColumn(name = "ENROLLMENT_KEY")
        @JoinTable(name = "ENROLLMENTS", joinColumns = @JoinColumn(name = "STUDENT"),
                inverseJoinColumns = @JoinColumn(name = "SEMESTER"))
        public Map<Lesson, Term> enrollment = new HashMap<>();

        public Pupil() {
        }

        Pupil(String id) {
            this.id = id;
        }
    }

    @Entity
    public static class Lesson {
        @Id
        public String id;

        public Lesson() {
        }

        Lesson(String id) {
            this.id = id;
        }
    }

    @Entity
    public static class Term {
        @Id
        public String id;

        public Term() {
        }

        Term(String id) {
            this.id = id;
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
        unit = TestUnit.of(Project.class, Person.class, Dept.class, Emp.class, Pupil.class, Lesson.class, Term.class).build();
    }

    private List<WriteRequest> writes() {
        List<WriteRequest> all = new ArrayList<>();
        for (BatchWriteItemRequest b : unit.calls().<BatchWriteItemRequest>requests("batchWriteItem")) {
            b.requestItems().values().forEach(all::addAll);
        }
        return all;
    }

    /** The link items of the project as role -> person. */
    private Map<String, String> stored() {
        return unit.calls().client().scan(s -> s.tableName(unit.prefix() + "Project_Person")).items().stream()
                .collect(Collectors.toMap(i -> i.get("role").s(), i -> i.get("staff_id").s(), (a, b) -> a, TreeMap::new));
    }

    private Map<String, String> staff() {
        return unit.fromTransaction(em -> em.find(Project.class, "p").staff.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().id, (a, b) -> a, TreeMap::new)));
    }

    private void project() {
        unit.inTransaction(em -> {
            for (String id : List.of("ada", "bob", "cy")) {
                em.persist(new Person(id));
            }
            Project p = new Project("p");
            p.staff.put("lead", em.getReference(Person.class, "ada"));
            p.staff.put("dev", em.getReference(Person.class, "bob"));
            p.staff.put("reviewer", em.getReference(Person.class, "ada"));
            em.persist(p);
        });
    }

    @Test
    void aLinkTableMapStoresEachKeyOnItsLinkItemAndMayHoldATargetUnderTwoKeys() {
        start();
        project();
        assertEquals(Map.of("lead", "ada", "dev", "bob", "reviewer", "ada"), stored());
        unit.calls().reset();
        assertEquals(Map.of("lead", "ada", "dev", "bob", "reviewer", "ada"), staff());
        assertEquals(1, unit.calls().count("query"));
        assertEquals(1, unit.calls().count("batchGetItem"));
    }

    @Test
    void aFlushWritesOnlyTheKeysThatChanged() {
        start();
        project();
        unit.calls().reset();
        unit.inTransaction(em -> {
            Map<String, Person> staff = em.find(Project.class, "p").staff;
            staff.put("dev", em.getReference(Person.class, "cy")); // another target under a kept key
            staff.remove("reviewer");
            staff.put("tester", em.getReference(Person.class, "bob"));
        });
        List<WriteRequest> writes = writes();
        assertEquals(2, writes.stream().filter(w -> w.putRequest() != null).count(), writes.toString());
        assertEquals(1, writes.stream().filter(w -> w.deleteRequest() != null).count());
        assertEquals(Map.of("lead", "ada", "dev", "cy", "tester", "bob"), stored());
        assertEquals(Map.of("lead", "ada", "dev", "cy", "tester", "bob"), staff());
    }

    @Test
    void anEntityKeyedMapStoresTheKeysKeyAndReadsItBackAsAReference() {
        start();
        unit.inTransaction(em -> {
            Lesson math = new Lesson("math");
            Lesson art = new Lesson("art");
            Term fall = new Term("fall");
            em.persist(math);
            em.persist(art);
            em.persist(fall);
            Pupil p = new Pupil("s1");
            p.enrollment.put(math, fall);
            p.enrollment.put(art, fall); // the same semester for two courses
            em.persist(p);
        });
        List<Map<String, AttributeValue>> items = unit.calls().client().scan(s -> s.tableName(unit.prefix() + "ENROLLMENTS")).items();
        assertEquals(2, items.size());
        assertTrue(items.stream().allMatch(i -> i.keySet().equals(Set.of("STUDENT", "ENROLLMENT_KEY", "SEMESTER"))), items.toString());
        unit.inTransaction(em -> {
            Pupil p = em.find(Pupil.class, "s1");
            assertEquals(Set.of("math", "art"), p.enrollment.keySet().stream().map(l -> l.id).collect(Collectors.toSet()));
            assertSame(em.find(Lesson.class, "math"), p.enrollment.keySet().stream().filter(l -> l.id.equals("math"))
                    .findFirst().orElseThrow());
            assertEquals("fall", p.enrollment.get(em.find(Lesson.class, "art")).id);
        });
    }

    private Map<String, AttributeValue> empItem(int id) {
        return unit.calls().client().getItem(g -> g.tableName(unit.prefix() + "Emp")
                .key(Map.of("id", AttributeValue.fromN(Integer.toString(id))))).item();
    }

    @Test
    @SuppressWarnings("unchecked")
    void anInverseMapStoresItsKeysOnTheChildrenWithTheirEnumAndTemporalForms() {
        start();
        Date day = new Date(1_700_000_000_000L);
        unit.inTransaction(em -> {
            Dept d = new Dept(1);
            em.persist(d);
            Emp a = new Emp(1, "Lovelace");
            Emp b = new Emp(2, "Hopper");
            a.dept = d;
            b.dept = d;
            a.dept2 = d;
            b.dept3 = d;
            d.byOffice.put("OFF-1", a);
            d.byOffice.put("OFF-2", b);
            d.byEnum.put(Office.SOUTH, a);
            d.byDate.put(day, b);
            em.persist(a);
            em.persist(b);
        });
        assertEquals("OFF-1", empItem(1).get("OFFICE_ID").s());
        assertEquals("SOUTH", empItem(1).get("OFFICE").s());
        assertTrue(empItem(2).containsKey("THEDATE"), empItem(2).toString());
        unit.calls().reset();
        unit.inTransaction(em -> {
            Dept d = em.find(Dept.class, 1);
            assertEquals(Map.of("OFF-1", 1, "OFF-2", 2), d.byOffice.entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().id)));
            assertEquals(1, d.byEnum.get(Office.SOUTH).id);
            Map<Date, Emp> byDate = d.byDate;
            assertEquals(1, byDate.size());
            assertEquals(2, byDate.values().iterator().next().id);
        });
        assertEquals(3, unit.calls().count("query"), "one index Query per map");
        unit.calls().reset();
        unit.inTransaction(em -> {
            Dept d = em.find(Dept.class, 1);
            d.byOffice.put("OFF-9", d.byOffice.remove("OFF-1"));
        });
        assertEquals(1, writes().size(), "only the child whose key changed");
        assertEquals("OFF-9", empItem(1).get("OFFICE_ID").s());
        assertEquals("Lovelace", empItem(1).get("lastName").s(), "the rest of the child is kept");
    }

    @Test
    void aReadOnlyKeyColumnReadsTheChildsOwnAttributeAndWritesNothing() {
        start();
        unit.inTransaction(em -> {
            Dept d = new Dept(2);
            em.persist(d);
            Emp a = new Emp(3, "Turing");
            a.dept4 = d;
            em.persist(a);
            d.byLastName.put("ignored", a);
        });
        assertEquals(Set.of("id", "lastName", "dept4_id"), empItem(3).keySet());
        unit.inTransaction(em -> assertEquals(Set.of("Turing"), em.find(Dept.class, 2).byLastName.keySet()));
    }

    @Test
    void elementCollectionMapsWithKeyColumnsEnumsAndTemporalKeysRoundTrip() {
        start();
        Date day = new Date(1_700_000_000_000L);
        unit.inTransaction(em -> {
            Dept d = new Dept(5);
            d.badges.put(Office.EAST, new Badge("Hopper", 7));
            d.badgesByDate.put(day, new Badge("Lovelace", 8));
            em.persist(d);
        });
        unit.inTransaction(em -> {
            Dept d = em.find(Dept.class, 5);
            assertEquals("Hopper", d.badges.get(Office.EAST).employeeName);
            assertEquals(1, d.badgesByDate.size());
            assertEquals("Lovelace", d.badgesByDate.values().iterator().next().employeeName);
        });
    }

    @Test
    void theMetamodelGivesTheStoredKeysType() {
        start();
        var meta = unit.emf().getMetamodel();
        MapAttribute<? super Project, ?, ?> staff = meta.entity(Project.class).getMap("staff");
        assertEquals(String.class, staff.getKeyJavaType());
        assertEquals(Person.class, staff.getElementType().getJavaType());
        MapAttribute<? super Pupil, ?, ?> enrollment = meta.entity(Pupil.class).getMap("enrollment");
        assertEquals(Lesson.class, enrollment.getKeyJavaType());
        assertEquals(Type.PersistenceType.ENTITY, enrollment.getKeyType().getPersistenceType());
        assertEquals(Office.class, meta.entity(Dept.class).getMap("byEnum").getKeyJavaType());
        assertEquals(Date.class, meta.entity(Dept.class).getMap("byDate").getKeyJavaType());
    }

    /** As the TCK's mapkeycolumn Department/Department2: two classes on one table, the second reading the first's keys. */
    @Entity
    @jakarta.persistence.Table(name = "Office")
    public static class Office1 {
        @Id
        public int id;
        @OneToMany(mappedBy = "office")
        @MapKeyColumn(name = "OFFICE_ID")
        public Map<String, Clerk> clerks = new HashMap<>();
    }

    @Entity
    @jakarta.persistence.Table(name = "Office")
    public static class Office2 {
        @Id
        public int id;
        @OneToMany(mappedBy = "office")
        @MapKeyColumn(name = "OFFICE_ID", insertable = false, updatable = false)
        public Map<String, Clerk> clerks = new HashMap<>();
    }

    @Entity
    public static class Clerk {
        @Id
        public int id;
        @ManyToOne
        public Office1 office;
    }

    @Test
    void aMapOfAnotherClassOnTheSameTableReadsTheKeysTheOwningClassWrote() {
        try (TestUnit u = TestUnit.of(Office1.class, Office2.class, Clerk.class).build()) {
            u.inTransaction(em -> {
                Office1 o = new Office1();
                o.id = 1;
                em.persist(o);
                Clerk c = new Clerk();
                c.id = 10;
                c.office = o;
                em.persist(c);
                o.clerks.put("OFF-10", c);
            });
            assertEquals(Map.of("OFF-10", 10), u.fromTransaction(em -> em.find(Office2.class, 1).clerks.entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().id))));
        }
    }

    @Entity
    public static class NotAnEntityKey {
        @Id
        public String id;
        @ManyToMany
        @MapKeyJoinColumn(name = "k")
        public Map<String, Person> people;
    }

    @Entity
    public static class ClashingKey {
        @Id
        public String id;
        @OneToMany(mappedBy = "owner", cascade = CascadeType.ALL)
        @MapKeyColumn(name = "name")
        public Map<String, Named> named;
    }

    @Entity
    public static class Named {
        @Id
        public String id;
        public String name;
        @ManyToOne
        public ClashingKey owner;
    }

    @Test
    void aKeyThatIsNoEntityOrThatClashesWithAnAttributeIsRefusedAtBootstrap() {
        PersistenceException notEntity = assertThrows(PersistenceException.class,
                () -> TestUnit.of(NotAnEntityKey.class, Person.class).build().close());
        assertTrue(notEntity.getMessage().contains("'people'") && notEntity.getMessage().contains("@MapKeyColumn"),
                notEntity.getMessage());
        PersistenceException clash = assertThrows(PersistenceException.class,
                () -> TestUnit.of(ClashingKey.class, Named.class).build().close());
        assertTrue(clash.getMessage().contains("'named'") && clash.getMessage().contains("Named.name"), clash.getMessage());
    }
}
