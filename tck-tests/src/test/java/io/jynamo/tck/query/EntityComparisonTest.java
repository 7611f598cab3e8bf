package io.jynamo.tck.query;

import io.jynamo.tck.model.User;
import io.jynamo.tck.support.TestUnit;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Entities compared with entities in JPQL are key comparisons (issue 12: what Spring Data generates). */
class EntityComparisonTest {

    private static User user(int i) {
        return new User("u" + i + "@x", "Sam", "Adams");
    }

    @Test
    void anEntityParameterSelectsByKeyWithOneGetItem() {
        try (TestUnit unit = TestUnit.of(User.class).build()) {
            unit.inTransaction(em -> IntStream.range(0, 3).forEach(i -> em.persist(user(i))));
            unit.calls().reset();
            List<User> found = unit.withEntityManager(em -> em.createQuery("SELECT u FROM User u WHERE u = :u", User.class)
                    .setParameter("u", user(1)).getResultList());
            assertEquals(List.of("u1@x"), found.stream().map(User::getEmail).toList());
            assertEquals(1, unit.calls().count("getItem"));
            assertEquals(1, unit.calls().log().size());
        }
    }

    @Test
    void aListOfEntitiesIsOneBatchGetItem() {
        try (TestUnit unit = TestUnit.of(User.class).build()) {
            unit.inTransaction(em -> IntStream.range(0, 5).forEach(i -> em.persist(user(i))));
            unit.calls().reset();
            List<User> found = unit.withEntityManager(em -> em.createQuery("SELECT u FROM User u WHERE u IN :us", User.class)
                    .setParameter("us", List.of(user(0), user(3), user(9))).getResultList());
            assertEquals(List.of("u0@x", "u3@x"), found.stream().map(User::getEmail).sorted().toList());
            assertEquals(1, unit.calls().count("batchGetItem"));
            assertEquals(1, unit.calls().log().size());
        }
    }

    @Test
    void springDatasDeleteAllInBatchIsAKeyedBulkDeleteWithoutReads() {
        try (TestUnit unit = TestUnit.of(User.class).build()) {
            unit.inTransaction(em -> IntStream.range(0, 4).forEach(i -> em.persist(user(i))));
            unit.calls().reset();
            int deleted = unit.fromTransaction(em -> em.createQuery("delete from User x where x = ?1 or x = ?2")
                    .setParameter(1, user(1)).setParameter(2, user(2)).executeUpdate());
            assertEquals(2, deleted);
            assertEquals(List.of("u0@x", "u3@x"), unit.withEntityManager(em -> em.createQuery(
                    "SELECT u FROM User u WHERE u.email IN ('u0@x', 'u1@x', 'u2@x', 'u3@x')", User.class).getResultList())
                    .stream().map(User::getEmail).sorted().toList());
        }
    }
}
