package io.jynamo.tck.mapping;

import io.jynamo.tck.support.TestUnit;
import jakarta.persistence.Access;
import jakarta.persistence.AccessType;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Each class of a hierarchy is read with its own access type (JPA 2.3.2), as the official TCK's metamodel models are. */
class AccessPerClassTest {

    /** Field access, decided by where its @Id is. */
    @MappedSuperclass
    public abstract static class Staff {
        @Id
        protected int id;
        protected String name;

        public int getId() {
            return id;
        }

        public void setId(int id) {
            this.id = id;
        }
    }

    /** Property access for its own state only: {@code salary} is read through the getter, stored as its name. */
    @Entity
    @Access(AccessType.PROPERTY)
    public static class FullTimer extends Staff {
        private float pay;

        public FullTimer() {
        }

        FullTimer(int id, String name, float pay) {
            this.id = id;
            this.name = name;
            this.pay = pay;
        }

        public float getSalary() {
            return pay;
        }

        public void setSalary(float salary) {
            this.pay = salary;
        }
    }

    /** Property access throughout; the entity annotates a getter whose setter its mapped superclass declares. */
    @MappedSuperclass
    @Access(AccessType.PROPERTY)
    public abstract static class Worker {
        private int id;
        protected String team;

        @Id
        public int getId() {
            return id;
        }

        public void setId(int id) {
            this.id = id;
        }

        public void setTeam(String team) {
            this.team = team;
        }
    }

    @Entity
    public static class Engineer extends Worker {
        @jakarta.persistence.Column(name = "squad")
        public String getTeam() {
            return team;
        }
    }

    /** @Id on the field and on the getter (as the official TCK's EntityGraph model has); the getters carry the mapping. */
    @Entity
    public static class Badge {
        @Id
        private int id;
        private String owner;

        @Id
        public int getId() {
            return id;
        }

        public void setId(int id) {
            this.id = id;
        }

        @jakarta.persistence.Column(name = "holder")
        public String getOwner() {
            return owner;
        }

        public void setOwner(String owner) {
            this.owner = owner;
        }
    }

    @Test
    void idOnFieldAndGetterTakesTheSideThatCarriesTheMapping() {
        try (TestUnit unit = TestUnit.of(Badge.class).build()) {
            unit.inTransaction(em -> {
                Badge b = new Badge();
                b.setId(3);
                b.setOwner("Lin");
                em.persist(b);
            });
            Map<String, AttributeValue> item = TestUnit.sharedClient().getItem(b -> b.tableName(unit.prefix() + "Badge")
                    .key(Map.of("id", AttributeValue.fromN("3")))).item();
            assertEquals("Lin", item.get("holder").s(), "property access: the getter's @Column");
        }
    }

    @Test
    void aGetterMayUseTheSetterItsSuperclassDeclares() {
        try (TestUnit unit = TestUnit.of(Engineer.class).build()) {
            unit.inTransaction(em -> {
                Engineer e = new Engineer();
                e.setId(1);
                e.setTeam("core");
                em.persist(e);
            });
            assertEquals("core", unit.withEntityManager(em -> em.find(Engineer.class, 1)).getTeam());
        }
    }

    @Test
    void anEntitysAccessTypeDoesNotChangeHowItsMappedSuperclassIsRead() {
        try (TestUnit unit = TestUnit.of(FullTimer.class).build()) {
            unit.inTransaction(em -> em.persist(new FullTimer(7, "Ada", 10.5f)));
            Map<String, AttributeValue> item = TestUnit.sharedClient().getItem(b -> b.tableName(unit.prefix() + "FullTimer")
                    .key(Map.of("id", AttributeValue.fromN("7")))).item();
            assertEquals("Ada", item.get("name").s(), "the superclass's field");
            assertEquals("10.5", item.get("salary").n(), "the entity's property");
            assertEquals(10.5f, unit.withEntityManager(em -> em.find(FullTimer.class, 7)).getSalary());
        }
    }

    /** As the official TCK's annotations/access/field DataTypes: field access, one attribute through its getter. */
    @Entity
    @Access(AccessType.FIELD)
    public static class Sample {
        @Id
        protected int id;
        protected String label;
        @jakarta.persistence.Transient
        private int reading;

        public Sample() {
        }

        Sample(int id, int reading) {
            this.id = id;
            this.reading = reading;
        }

        @Access(AccessType.PROPERTY)
        @jakarta.persistence.Column(name = "READING")
        public int getReading() {
            return reading;
        }

        public void setReading(int reading) {
            this.reading = reading;
        }
    }

    @Test
    void aChangeThroughTheSetterOfAPropertyAccessAttributeOfAFieldAccessEntityIsWritten() {
        try (TestUnit unit = TestUnit.of(Sample.class).build()) {
            unit.inTransaction(em -> em.persist(new Sample(1, 300)));
            unit.inTransaction(em -> {
                Sample s = em.find(Sample.class, 1);
                assertEquals(300, s.getReading());
                s.setReading(500);
            });
            Map<String, AttributeValue> item = TestUnit.sharedClient().getItem(b -> b.tableName(unit.prefix() + "Sample")
                    .key(Map.of("id", AttributeValue.fromN("1")))).item();
            assertEquals("500", item.get("READING").n());
            assertEquals(500, unit.withEntityManager(em -> em.find(Sample.class, 1)).getReading());
        }
    }

    /** Property access, one attribute read through its field. */
    @Entity
    @Access(AccessType.PROPERTY)
    public static class Meter {
        private int id;
        @Access(AccessType.FIELD)
        @jakarta.persistence.Column(name = "SERIAL")
        private String serial;

        @Id
        public int getId() {
            return id;
        }

        public void setId(int id) {
            this.id = id;
        }

        @jakarta.persistence.Transient
        public String getSerial() {
            return serial == null ? null : serial.toUpperCase(java.util.Locale.ROOT);
        }
    }

    @Test
    void aFieldAccessAttributeOfAPropertyAccessEntityIsReadThroughItsField() {
        try (TestUnit unit = TestUnit.of(Meter.class).build()) {
            unit.inTransaction(em -> {
                Meter m = new Meter();
                m.setId(1);
                m.serial = "abc";
                em.persist(m);
            });
            Map<String, AttributeValue> item = TestUnit.sharedClient().getItem(b -> b.tableName(unit.prefix() + "Meter")
                    .key(Map.of("id", AttributeValue.fromN("1")))).item();
            assertEquals("abc", item.get("SERIAL").s(), "the field, not the getter");
            assertEquals("ABC", unit.withEntityManager(em -> em.find(Meter.class, 1)).getSerial());
        }
    }
}
