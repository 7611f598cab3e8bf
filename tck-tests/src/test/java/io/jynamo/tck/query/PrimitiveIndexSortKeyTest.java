package io.jynamo.tck.query;

import io.jynamo.tck.support.TestUnit;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A global index whose sort key is a primitive holds every item of its partition key, so it serves plain equality. */
class PrimitiveIndexSortKeyTest {

    @Entity
    @Table(indexes = @Index(name = "byCity", columnList = "city, age"))
    public static class Resident {
        @Id
        public String id;
        public String city;
        public int age;

        public Resident() {
        }

        Resident(String id, String city, int age) {
            this.id = id;
            this.city = city;
            this.age = age;
        }
    }

    @Test
    void equalityOnTheIndexPartitionKeyAloneQueriesTheIndexAndOrdersByThePrimitive() {
        try (TestUnit unit = TestUnit.of(Resident.class).property("jynamo.scan", "deny").build()) {
            unit.inTransaction(em -> {
                em.persist(new Resident("r1", "Rome", 40));
                em.persist(new Resident("r2", "Rome", 0));
                em.persist(new Resident("r3", "Oslo", 30));
            });
            unit.calls().reset();
            List<String> rome = unit.withEntityManager(em -> em.createQuery(
                    "SELECT r FROM Resident r WHERE r.city = 'Rome' ORDER BY r.age DESC", Resident.class)
                    .getResultList().stream().map(r -> r.id).toList());
            assertEquals(List.of("r1", "r2"), rome, "age 0 is stored, so r2 is in the index");
            assertEquals(1, unit.calls().count("query"));
            long count = unit.withEntityManager(em -> em.createQuery(
                    "SELECT COUNT(r) FROM Resident r WHERE r.city = 'Rome'", Long.class).getSingleResult());
            assertEquals(2, count);
        }
    }
}
