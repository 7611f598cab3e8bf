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
}
