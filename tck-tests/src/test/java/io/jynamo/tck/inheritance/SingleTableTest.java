package io.jynamo.tck.inheritance;

import io.jynamo.tck.support.TestUnit;
import jakarta.persistence.DiscriminatorColumn;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import jakarta.persistence.Table;
import jakarta.persistence.metamodel.Metamodel;
import io.jynamo.annotations.SortKey;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SINGLE_TABLE inheritance: one table, a discriminator per item, polymorphic finds and queries. */
class SingleTableTest {

    public static class VehicleId {
        public String owner;
        public String plate;

        public VehicleId() {
        }

        public VehicleId(String owner, String plate) {
            this.owner = owner;
            this.plate = plate;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof VehicleId v && Objects.equals(owner, v.owner) && Objects.equals(plate, v.plate);
        }

        @Override
        public int hashCode() {
            return Objects.hash(owner, plate);
        }
    }

    @Entity
    @Table(name = "Vehicles")
    @IdClass(VehicleId.class)
    @Inheritance(strategy = InheritanceType.SINGLE_TABLE)
    @DiscriminatorColumn(name = "kind")
    public static class Vehicle {
        @Id
        public String owner;
        @Id
        @SortKey
        public String plate;
        public String colour;
    }

    @Entity
    public static class Car extends Vehicle {
        public int doors;
    }

    @Entity
    @DiscriminatorValue("T")
    public static class Truck extends Vehicle {
        public long payload;
    }

    @Entity
    public static class SportsCar extends Car {
        public int topSpeed;
    }

    /** An application's subclass of an entity that is not an entity itself (no @Entity). */
    public static class CustomCar extends Car {
    }

    /** JOINED is stored as SINGLE_TABLE; the defaults: attribute DTYPE, values the entity names. */
    @Entity
    @Inheritance(strategy = InheritanceType.JOINED)
    public abstract static class Animal {
        @Id
        public String name;
    }

    @Entity
    public static class Dog extends Animal {
        public boolean barks;
    }

    @Entity(name = "Kitty")
    public static class Cat extends Animal {
        public int lives;
    }

    private static TestUnit unit;

    @BeforeAll
    static void start() {
        unit = TestUnit.of(Vehicle.class, Car.class, Truck.class, SportsCar.class, Animal.class, Dog.class, Cat.class)
                .build();
    }

    @AfterAll
    static void stop() {
        unit.close();
    }

    private static <V extends Vehicle> V vehicle(V v, String owner, String plate) {
        v.owner = owner;
        v.plate = plate;
        v.colour = "red";
        return v;
    }

    private static Map<String, AttributeValue> raw(String table, Map<String, AttributeValue> key) {
        return TestUnit.sharedClient().getItem(b -> b.tableName(unit.prefix() + table).key(key).consistentRead(true)).item();
    }

    private static Map<String, AttributeValue> vehicleKey(String owner, String plate) {
        return Map.of("owner", AttributeValue.fromS(owner), "plate", AttributeValue.fromS(plate));
    }

    private static String fleet;
    private static int fleets;

    /** A fresh partition of four vehicles, one of each class. */
    @BeforeEach
    void fleet() {
        fleet = "owner" + (++fleets);
        unit.inTransaction(em -> {
            em.persist(vehicle(new Vehicle(), fleet, "V"));
            Car car = vehicle(new Car(), fleet, "C");
            car.doors = 5;
            em.persist(car);
            Truck truck = vehicle(new Truck(), fleet, "T");
            truck.payload = 12_000;
            em.persist(truck);
            SportsCar sports = vehicle(new SportsCar(), fleet, "S");
            sports.doors = 2;
            sports.topSpeed = 300;
            em.persist(sports);
        });
        unit.calls().reset();
    }

    @Test
    void everyEntityOfTheHierarchyIsStoredInTheRootsTableWithItsDiscriminator() {
        assertEquals("Vehicle", raw("Vehicles", vehicleKey(fleet, "V")).get("kind").s());
        Map<String, AttributeValue> car = raw("Vehicles", vehicleKey(fleet, "C"));
        assertEquals("Car", car.get("kind").s());
        assertEquals("5", car.get("doors").n());
        Map<String, AttributeValue> truck = raw("Vehicles", vehicleKey(fleet, "T"));
        assertEquals("T", truck.get("kind").s(), "@DiscriminatorValue");
        assertEquals("12000", truck.get("payload").n());
        Map<String, AttributeValue> sports = raw("Vehicles", vehicleKey(fleet, "S"));
        assertEquals("SportsCar", sports.get("kind").s());
        assertEquals("300", sports.get("topSpeed").n());
        assertEquals("2", sports.get("doors").n());
        Set<String> tables = TestUnit.sharedClient().listTables().tableNames().stream()
                .filter(t -> t.startsWith(unit.prefix())).collect(Collectors.toSet());
        assertEquals(Set.of(unit.prefix() + "Vehicles", unit.prefix() + "Animal"), tables);
    }

    @Test
    void aSubclassOfAnEntityThatIsNoEntityIsRefusedAndNothingIsWritten() {
        CustomCar custom = vehicle(new CustomCar(), fleet, "X");
        unit.withEntityManager(em -> {
            em.getTransaction().begin();
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> em.persist(custom));
            assertTrue(e.getMessage().contains(CustomCar.class.getName() + " is not an entity"), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> em.contains(custom));
            assertThrows(IllegalArgumentException.class, () -> em.find(CustomCar.class, new VehicleId(fleet, "C")));
            assertTrue(em.getTransaction().getRollbackOnly());
            em.getTransaction().rollback();
            return null;
        });
        assertTrue(raw("Vehicles", vehicleKey(fleet, "X")).isEmpty());
        assertEquals(0, unit.calls().count("batchWriteItem") + unit.calls().count("putItem"));
    }

    @Test
    void aPolymorphicFindOfTheRootIsOneGetItemAndReturnsTheStoredSubclass() {
        Vehicle truck = unit.withEntityManager(em -> em.find(Vehicle.class, new VehicleId(fleet, "T")));
        assertEquals(1, unit.calls().count("getItem"));
        assertEquals(1, unit.calls().total());
        Truck t = assertInstanceOf(Truck.class, truck);
        assertEquals(12_000, t.payload);
        assertEquals("red", t.colour);
        assertInstanceOf(SportsCar.class, unit.withEntityManager(em -> em.find(Car.class, new VehicleId(fleet, "S"))));
        assertEquals(Vehicle.class, entityClass(unit.withEntityManager(em -> em.find(Vehicle.class, new VehicleId(fleet, "V")))));
    }

    @Test
    void aFindOfASubclassReturnsNullForAnItemOfAnotherSubclass() {
        assertNull(unit.withEntityManager(em -> em.find(Car.class, new VehicleId(fleet, "T"))));
        assertNull(unit.withEntityManager(em -> em.find(SportsCar.class, new VehicleId(fleet, "C"))));
        assertNull(unit.withEntityManager(em -> em.find(Truck.class, new VehicleId(fleet, "V"))));
        unit.withEntityManager(em -> {
            em.find(Vehicle.class, new VehicleId(fleet, "T"));
            unit.calls().reset();
            assertNull(em.find(Car.class, new VehicleId(fleet, "T")), "from the persistence context too");
            assertEquals(0, unit.calls().total());
            return null;
        });
    }

    @Test
    void aQueryOverTheRootByPartitionKeyIsOneQueryReturningEverySubclass() {
        List<Vehicle> all = unit.withEntityManager(em -> em.createQuery(
                "SELECT v FROM Vehicle v WHERE v.owner = :o", Vehicle.class).setParameter("o", fleet).getResultList());
        assertEquals(1, unit.calls().count("query"));
        assertEquals(1, unit.calls().total());
        Map<String, Class<?>> byPlate = all.stream().collect(Collectors.toMap(v -> v.plate, v -> entityClass(v)));
        assertEquals(Map.of("V", Vehicle.class, "C", Car.class, "T", Truck.class, "S", SportsCar.class), byPlate);
        QueryRequest q = unit.calls().<QueryRequest>requests("query").get(0);
        assertNull(q.filterExpression(), "the root holds every item of its table: no discriminator condition");
    }

    @Test
    void aQueryOverASubclassReturnsOnlyItsClassAndSubclasses() {
        List<Car> cars = unit.withEntityManager(em -> em.createQuery(
                "SELECT c FROM Car c WHERE c.owner = :o", Car.class).setParameter("o", fleet).getResultList());
        assertEquals(Map.of("C", Car.class, "S", SportsCar.class),
                cars.stream().collect(Collectors.toMap(v -> v.plate, v -> entityClass(v))));
        assertEquals(1, unit.calls().count("query"));
        QueryRequest q = unit.calls().<QueryRequest>requests("query").get(0);
        assertEquals("#jynamoType IN (:jynamoType0, :jynamoType1)", q.filterExpression());
        assertEquals("kind", q.expressionAttributeNames().get("#jynamoType"));
        assertEquals(Set.of(AttributeValue.fromS("Car"), AttributeValue.fromS("SportsCar")),
                Set.of(q.expressionAttributeValues().get(":jynamoType0"), q.expressionAttributeValues().get(":jynamoType1")));

        unit.calls().reset();
        List<Truck> trucks = unit.withEntityManager(em -> em.createQuery(
                "SELECT t FROM Truck t WHERE t.owner = :o AND t.payload > :p", Truck.class)
                .setParameter("o", fleet).setParameter("p", 1L).setMaxResults(1).getResultList());
        assertEquals(List.of("T"), trucks.stream().map(t -> t.plate).toList());
        q = unit.calls().<QueryRequest>requests("query").get(0);
        assertTrue(q.filterExpression().endsWith(") AND #jynamoType IN (:jynamoType0)"), q.filterExpression());
        assertNull(q.limit(), "the discriminator condition drops items, so a Limit would cut results short");

        unit.calls().reset();
        long count = unit.withEntityManager(em -> em.createQuery(
                "SELECT COUNT(c) FROM Car c WHERE c.owner = :o", Long.class).setParameter("o", fleet).getSingleResult());
        assertEquals(2L, count);
        assertEquals(List.of(), unit.withEntityManager(em -> em.createQuery(
                "SELECT c FROM Car c WHERE c.owner = :o AND c.plate = :p", Car.class)
                .setParameter("o", fleet).setParameter("p", "T").getResultList()), "a GetItem of a Truck's key");
        assertEquals(List.of(5), unit.withEntityManager(em -> em.createQuery(
                "SELECT c.doors FROM Car c WHERE c.owner = :o AND c.plate IN ('C', 'T')", Integer.class)
                .setParameter("o", fleet).getResultList()), "a BatchGetItem of a Car's and a Truck's keys");
    }

    @Test
    void typeOfTheVariableComparesTheExactClassOfEachItem() {
        List<Vehicle> exact = unit.withEntityManager(em -> em.createQuery(
                "SELECT v FROM Vehicle v WHERE v.owner = :o AND TYPE(v) = Car", Vehicle.class)
                .setParameter("o", fleet).getResultList());
        assertEquals(List.of("C"), exact.stream().map(v -> v.plate).toList(), "TYPE(v) = Car excludes SportsCar");
        QueryRequest q = unit.calls().<QueryRequest>requests("query").get(0);
        assertTrue(q.expressionAttributeNames().containsValue("kind"), q.toString());
        assertTrue(q.expressionAttributeValues().containsValue(AttributeValue.fromS("Car")), q.toString());

        List<String> plates = unit.withEntityManager(em -> em.createQuery(
                "SELECT v.plate FROM Vehicle v WHERE v.owner = :o AND TYPE(v) IN (Truck, SportsCar)", String.class)
                .setParameter("o", fleet).getResultList());
        assertEquals(Set.of("T", "S"), Set.copyOf(plates), "IN uses each class's @DiscriminatorValue");
        List<String> others = unit.withEntityManager(em -> em.createQuery(
                "SELECT v.plate FROM Vehicle v WHERE v.owner = :o AND TYPE(v) <> Vehicle AND TYPE(v) NOT IN (Truck)",
                String.class).setParameter("o", fleet).getResultList());
        assertEquals(Set.of("C", "S"), Set.copyOf(others));
    }

    @Test
    void criteriaPathTypeComparesWithAnEntityClass() {
        // As the official TCK's CriteriaQuery typeTest writes it: cb.equal(product.type(), HardwareProduct.class).
        List<String> plates = unit.withEntityManager(em -> {
            var cb = em.getCriteriaBuilder();
            var q = cb.createQuery(Vehicle.class);
            var v = q.from(Vehicle.class);
            q.select(v).where(cb.equal(v.get("owner"), fleet), cb.equal(v.type(), Car.class));
            return em.createQuery(q).getResultList().stream().map(x -> x.plate).toList();
        });
        assertEquals(List.of("C"), plates, "TYPE(v) = Car: exactly Car, not SportsCar");
        List<String> others = unit.withEntityManager(em -> {
            var cb = em.getCriteriaBuilder();
            var q = cb.createQuery(Vehicle.class);
            var v = q.from(Vehicle.class);
            q.select(v).where(cb.equal(v.get("owner"), fleet), cb.notEqual(v.type(), Truck.class));
            return em.createQuery(q).getResultList().stream().map(x -> x.plate).sorted().toList();
        });
        assertEquals(List.of("C", "S", "V"), others);
    }

    @Test
    void treatInAnAndedConditionQueriesTheSubclass() {
        // As the official TCK's query/language TREAT tests write it.
        List<String> plates = unit.withEntityManager(em -> em.createQuery(
                "SELECT v.plate FROM Vehicle v WHERE v.owner = :o AND TREAT(v AS Car).doors = 5", String.class)
                .setParameter("o", fleet).getResultList());
        assertEquals(Set.of("C"), Set.copyOf(plates), "only cars (and their subclasses) have doors; a truck is no row");
        List<Vehicle> all = unit.withEntityManager(em -> em.createQuery(
                "SELECT v FROM Vehicle v WHERE v.owner = :o AND TREAT(v AS Car).doors >= 0", Vehicle.class)
                .setParameter("o", fleet).getResultList());
        assertEquals(Set.of("C", "S"), all.stream().map(v -> v.plate).collect(Collectors.toSet()), "a SportsCar is a Car");
        Exception or = assertThrows(IllegalArgumentException.class, () -> unit.withEntityManager(em -> em.createQuery(
                "SELECT v FROM Vehicle v WHERE v.owner = :o OR TREAT(v AS Car).doors = 5")));
        assertTrue(or.getMessage().contains("AND-ed WHERE conditions"), or.getMessage());
        Exception other = assertThrows(IllegalArgumentException.class, () -> unit.withEntityManager(em -> em.createQuery(
                "SELECT v FROM Vehicle v WHERE TREAT(v AS Dog).name = 'x'")));
        assertTrue(other.getMessage().contains("Dog is no subclass of Vehicle"), other.getMessage());
    }

    @Test
    void typeRefusesNamesOutsideTheHierarchy() {
        Exception e = assertThrows(Exception.class, () -> unit.withEntityManager(em -> em.createQuery(
                "SELECT v FROM Vehicle v WHERE v.owner = :o AND TYPE(v) = Dog", Vehicle.class)
                .setParameter("o", fleet).getResultList()));
        assertTrue(String.valueOf(e.getMessage()).contains("no entity of its hierarchy"), e.toString());
        Exception t = assertThrows(Exception.class, () -> unit.withEntityManager(em -> em.createQuery(
                "SELECT v FROM Vehicle v WHERE v.owner = :o AND TYPE(v) = T", Vehicle.class)
                .setParameter("o", fleet).getResultList()));
        assertTrue(String.valueOf(t.getMessage()).contains("'T', which is no entity"), "a discriminator value is no "
                + "entity name: " + t);
        IllegalArgumentException select = assertThrows(IllegalArgumentException.class, () -> unit.withEntityManager(
                em -> em.createQuery("SELECT TYPE(v) FROM Vehicle v WHERE v.owner = :o")));
        assertTrue(select.getMessage().contains("TYPE(...) is not supported"), select.getMessage());
    }

    @Test
    void explainShowsTheDiscriminatorConditionOfASubclassQuery() {
        String car = unit.withEntityManager(em -> em.unwrap(io.jynamo.JynamoEntityManager.class)
                .explain("SELECT c FROM Car c WHERE c.owner = 'x'"));
        assertTrue(car.contains("discriminator:  kind IN ['Car', 'SportsCar']")
                || car.contains("discriminator:  kind IN ['SportsCar', 'Car']"), car);
        String root = unit.withEntityManager(em -> em.unwrap(io.jynamo.JynamoEntityManager.class)
                .explain("SELECT v FROM Vehicle v WHERE v.owner = 'x'"));
        assertFalse(root.contains("discriminator"), root);
    }

    @Test
    void subclassesAreMergedAndRemovedInTheRootsTable() {
        Truck detached = unit.withEntityManager(em -> em.find(Truck.class, new VehicleId(fleet, "T")));
        detached.payload = 9_000;
        unit.inTransaction(em -> {
            Truck merged = em.merge(detached);
            assertInstanceOf(Truck.class, merged);
            em.remove(em.find(Vehicle.class, new VehicleId(fleet, "S")));
        });
        Map<String, AttributeValue> truck = raw("Vehicles", vehicleKey(fleet, "T"));
        assertEquals("9000", truck.get("payload").n());
        assertEquals("T", truck.get("kind").s());
        assertTrue(raw("Vehicles", vehicleKey(fleet, "S")).isEmpty(), "the SportsCar was deleted");

        unit.inTransaction(em -> em.find(Car.class, new VehicleId(fleet, "C")).doors = 3);
        Map<String, AttributeValue> car = raw("Vehicles", vehicleKey(fleet, "C"));
        assertEquals("3", car.get("doors").n());
        assertEquals("Car", car.get("kind").s());
    }

    @Test
    void aBulkDeleteOverASubclassDeletesOnlyItsItems() {
        int deleted = unit.fromTransaction(em -> em.createQuery("DELETE FROM Car c WHERE c.owner = :o")
                .setParameter("o", fleet).executeUpdate());
        assertEquals(2, deleted);
        assertTrue(raw("Vehicles", vehicleKey(fleet, "C")).isEmpty());
        assertTrue(raw("Vehicles", vehicleKey(fleet, "S")).isEmpty());
        assertFalse(raw("Vehicles", vehicleKey(fleet, "V")).isEmpty());
        assertFalse(raw("Vehicles", vehicleKey(fleet, "T")).isEmpty());
    }

    @Test
    void joinedIsStoredAsSingleTableWithTheDefaultDiscriminator() {
        unit.inTransaction(em -> {
            Dog dog = new Dog();
            dog.name = "rex-" + fleet;
            dog.barks = true;
            em.persist(dog);
            Cat cat = new Cat();
            cat.name = "tom-" + fleet;
            cat.lives = 9;
            em.persist(cat);
        });
        assertEquals("Dog", raw("Animal", Map.of("name", AttributeValue.fromS("rex-" + fleet))).get("DTYPE").s());
        assertEquals("Kitty", raw("Animal", Map.of("name", AttributeValue.fromS("tom-" + fleet))).get("DTYPE").s(),
                "the default value is the entity name");
        Animal cat = unit.withEntityManager(em -> em.find(Animal.class, "tom-" + fleet));
        assertEquals(9, assertInstanceOf(Cat.class, cat).lives);
    }

    @Test
    void theMetamodelShowsTheEntitySupertypes() {
        Metamodel model = unit.emf().getMetamodel();
        assertEquals(model.entity(Car.class), model.entity(SportsCar.class).getSupertype());
        assertEquals(model.entity(Vehicle.class), model.entity(Truck.class).getSupertype());
        assertNull(model.entity(Vehicle.class).getSupertype());
        assertEquals(SportsCar.class, model.entity(SportsCar.class).getJavaType());
        assertEquals("Kitty", model.entity(Cat.class).getName());
        assertFalse(model.entity(Vehicle.class).getAttributes().stream().anyMatch(a -> a.getName().equals("doors")));
        assertTrue(model.entity(SportsCar.class).getAttributes().stream().anyMatch(a -> a.getName().equals("doors")));

        var sports = model.entity(SportsCar.class);
        assertEquals(Set.of("topSpeed"), sports.getDeclaredAttributes().stream().map(a -> a.getName())
                .collect(Collectors.toSet()), "a subclass declares only its own attributes");
        assertEquals(model.entity(Car.class), sports.getAttribute("doors").getDeclaringType());
        assertEquals(model.entity(Vehicle.class), sports.getAttribute("colour").getDeclaringType());
        assertEquals(model.entity(Car.class).getAttribute("doors"), sports.getAttribute("doors"), "the same attribute object");
        assertThrows(IllegalArgumentException.class, () -> sports.getDeclaredAttribute("doors"));
        var dog = model.entity(Dog.class);
        assertEquals(String.class, dog.getId(String.class).getJavaType());
        assertEquals(model.entity(Animal.class), dog.getId(String.class).getDeclaringType());
        assertThrows(IllegalArgumentException.class, () -> dog.getDeclaredId(String.class));
        assertEquals(Set.of("owner", "plate"), sports.getIdClassAttributes().stream().map(a -> a.getName())
                .collect(Collectors.toSet()));
    }

    /** The entity class of a managed instance, which may be Jynamo's proxy subclass of it. */
    private static Class<?> entityClass(Object entity) {
        for (Class<?> c = entity.getClass(); c != null; c = c.getSuperclass()) {
            if (c.isAnnotationPresent(Entity.class)) {
                return c;
            }
        }
        throw new AssertionError(entity.getClass());
    }
}
