package io.jynamo.tck.relationship;

import io.jynamo.tck.support.TestUnit;
import jakarta.persistence.Access;
import jakarta.persistence.AccessType;
import jakarta.persistence.CascadeType;
import jakarta.persistence.DiscriminatorColumn;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Version;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Relationships in the shapes the official TCK's models use: property access with private fields and
 * raw collections with targetEntity, versioned owners, and entity hierarchies sharing one table.
 */
class RelationshipShapesTest {

    /** Property access (annotations on getters), a raw Collection with targetEntity, as the TCK writes them. */
    @Entity
    @Access(AccessType.PROPERTY)
    public static class Department {
        private String id;
        private Collection<Object> staff = new ArrayList<>();

        public Department() {
        }

        Department(String id) {
            this.id = id;
        }

        @Id
        public String getId() {
            return id;
        }

        public void setId(String id) {
            this.id = id;
        }

        @OneToMany(targetEntity = Employee.class, mappedBy = "department", cascade = CascadeType.ALL)
        @SuppressWarnings({"rawtypes", "unchecked"})
        public Collection getStaff() {
            return staff;
        }

        @SuppressWarnings({"rawtypes", "unchecked"})
        public void setStaff(Collection staff) {
            this.staff = staff;
        }
    }

    @Entity
    @Access(AccessType.PROPERTY)
    public static class Employee {
        private String id;
        private String name;
        private Department department;
        private int version;

        public Employee() {
        }

        Employee(String id, String name, Department department) {
            this.id = id;
            this.name = name;
            this.department = department;
        }

        @Id
        public String getId() {
            return id;
        }

        public void setId(String id) {
            this.id = id;
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        @ManyToOne(fetch = FetchType.LAZY)
        public Department getDepartment() {
            return department;
        }

        public void setDepartment(Department department) {
            this.department = department;
        }

        @Version
        public int getVersion() {
            return version;
        }

        public void setVersion(int version) {
            this.version = version;
        }
    }

    @Entity
    @Inheritance(strategy = InheritanceType.SINGLE_TABLE)
    @DiscriminatorColumn(name = "kind")
    public static class Vehicle {
        @Id
        public String id;
    }

    @Entity
    public static class Truck extends Vehicle {
        @ManyToOne
        public Depot depot;
    }

    @Entity
    public static class Depot {
        @Id
        public String id;
        @OneToMany(mappedBy = "depot")
        public List<Truck> trucks = new ArrayList<>();
    }

    @Entity
    public static class Garage {
        @Id
        public String id;
        @ManyToOne(fetch = FetchType.LAZY)
        public Vehicle vehicle;
    }

    @Test
    void aTargetInAnEntityHierarchyIsMaterialisedAsTheClassItsItemNames() {
        try (TestUnit unit = TestUnit.of(Vehicle.class, Truck.class, Depot.class, Garage.class).build()) {
            unit.inTransaction(em -> {
                for (int i = 0; i < 3; i++) {
                    Truck t = new Truck();
                    t.id = "t" + i;
                    em.persist(t);
                    Garage g = new Garage();
                    g.id = "g" + i;
                    g.vehicle = t;
                    em.persist(g);
                }
            });
            unit.calls().reset();
            List<Vehicle> vehicles = unit.fromTransaction(em -> em.unwrap(io.jynamo.JynamoEntityManager.class)
                    .findAll(Garage.class, List.of("g0", "g1", "g2")).stream().map(g -> g.vehicle).toList());
            assertEquals(3, vehicles.size());
            assertTrue(vehicles.stream().allMatch(v -> v instanceof Truck), vehicles.toString());
            assertEquals(2, unit.calls().count("batchGetItem")); // the garages, then their three vehicles together
        }
    }

    @Entity
    public static class Ticket {
        @Id
        public String id;
        @ManyToOne(optional = false)
        public Depot depot;
    }

    @Test
    void aRequiredToOneLeftNullFailsTheFlushBeforeAnyWrite() {
        try (TestUnit unit = TestUnit.of(Ticket.class, Depot.class, Vehicle.class, Truck.class).build()) {
            jakarta.persistence.EntityManager em = unit.emf().createEntityManager();
            try {
                em.getTransaction().begin();
                Ticket t = new Ticket();
                t.id = "t1";
                em.persist(t);
                Depot d = new Depot();
                d.id = "d1";
                em.persist(d);
                jakarta.persistence.RollbackException e = org.junit.jupiter.api.Assertions.assertThrows(
                        jakarta.persistence.RollbackException.class, () -> em.getTransaction().commit());
                assertTrue(e.getMessage().contains("'depot'"), e.getMessage());
            } finally {
                em.close();
            }
            assertEquals(0, unit.calls().count("batchWriteItem"));
        }
    }

    @Test
    void propertyAccessOwnersCascadeAndMoveBetweenTargetsWithAVersionedUpdate() {
        try (TestUnit unit = TestUnit.of(Department.class, Employee.class).build()) {
            unit.inTransaction(em -> {
                Department d = new Department("d1");
                @SuppressWarnings("unchecked") Collection<Object> staff = d.getStaff();
                staff.add(new Employee("e1", "Eve", d));
                em.persist(d);
                em.persist(new Department("d2"));
            });
            unit.calls().reset();
            unit.inTransaction(em -> {
                Employee e = em.find(Employee.class, "e1");
                assertFalse(unit.emf().getPersistenceUnitUtil().isLoaded(e, "department"));
                assertEquals("d1", e.getDepartment().getId()); // the id of a reference: no call
                e.setDepartment(em.getReference(Department.class, "d2"));
            });
            assertEquals(1, unit.calls().count("getItem"));
            assertEquals(1, unit.calls().count("updateItem")); // versioned: only the changed foreign key
            Map<String, AttributeValue> item = unit.calls().client().getItem(g -> g.tableName(unit.prefix() + "Employee")
                    .key(Map.of("id", AttributeValue.fromS("e1")))).item();
            assertEquals("d2", item.get("department_id").s());
            assertEquals("1", item.get("version").n());
            int size = unit.fromTransaction(em -> em.find(Department.class, "d2").getStaff().size());
            assertEquals(1, size);
        }
    }

    @Test
    void aSubclassOwningSideIsStoredInItsRootsTableAndIndexedThere() {
        try (TestUnit unit = TestUnit.of(Vehicle.class, Truck.class, Depot.class).build()) {
            unit.inTransaction(em -> {
                Depot d = new Depot();
                d.id = "north";
                em.persist(d);
                Truck t = new Truck();
                t.id = "t1";
                t.depot = d;
                em.persist(t);
                Vehicle v = new Vehicle();
                v.id = "v1";
                em.persist(v);
            });
            assertTrue(unit.calls().client().describeTable(b -> b.tableName(unit.prefix() + "Vehicle")).table()
                    .globalSecondaryIndexes().stream().anyMatch(g -> g.indexName().equals("fk_depot_id")));
            List<String> trucks = unit.fromTransaction(em -> em.find(Depot.class, "north").trucks.stream().map(t -> t.id).toList());
            assertEquals(List.of("t1"), trucks);
            assertNull(unit.fromTransaction(em -> em.find(Truck.class, "v1")));
        }
    }
}
