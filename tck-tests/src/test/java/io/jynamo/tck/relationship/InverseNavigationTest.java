package io.jynamo.tck.relationship;

import io.jynamo.tck.support.TestUnit;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Paths through the inverse side of a one-to-one ({@code a.badge.level}, the badge storing the account's key): nothing
 * of the badge is on the account's item, so each account read finds its badge by one Query of the badge's foreign-key
 * index, and the path is evaluated in Java; as every path, it is an inner join (accounts without a badge are no rows).
 */
class InverseNavigationTest {

    @Entity
    @Table(name = "InvAccount")
    public static class Account {
        @Id
        public String id;
        public String name;
        @OneToOne(mappedBy = "account", fetch = FetchType.LAZY)
        public Badge badge;

        public Account() {
        }

        Account(String id, String name) {
            this.id = id;
            this.name = name;
        }
    }

    @Entity
    @Table(name = "InvBadge")
    public static class Badge {
        @Id
        public String id;
        public Integer level;
        @OneToOne(fetch = FetchType.LAZY)
        public Account account;

        public Badge() {
        }

        Badge(String id, Integer level, Account account) {
            this.id = id;
            this.level = level;
            this.account = account;
        }
    }

    private static TestUnit unit;

    @BeforeAll
    static void data() {
        unit = TestUnit.of(Account.class, Badge.class).property("jynamo.scan", "allow")
                .property("jynamo.client-side", "allow").build();
        unit.inTransaction(em -> {
            // a0..a4 with badges of level 0..3 and one without a level; a5, a6 without a badge
            for (int i = 0; i < 7; i++) {
                Account a = new Account("a" + i, "N" + i);
                em.persist(a);
                if (i < 5) {
                    em.persist(new Badge("b" + i, i == 4 ? null : i, a));
                }
            }
        });
    }

    @AfterAll
    static void close() {
        unit.close();
    }

    private static List<String> ids(String jpql) {
        return unit.withEntityManager(em -> em.createQuery(jpql, Account.class).getResultList()).stream()
                .map(a -> a.id).sorted().toList();
    }

    @Test
    void aConditionThroughTheInverseSideFindsEachAccountsBadgeByOneQuery() {
        assertEquals(List.of("a1", "a2", "a3"), ids("SELECT a FROM Account a WHERE a.badge.level >= 2 OR a.name IN ('N1', 'N6')"),
                "a6 has no badge: no row, though its name matches (the path is an inner join)");
        unit.calls().reset();
        List<String> names = unit.withEntityManager(em -> em.createQuery(
                "SELECT a.name FROM Account a WHERE a.badge.level >= 2", String.class).getResultList());
        assertEquals(List.of("N2", "N3"), names.stream().sorted().toList());
        assertEquals(1, unit.calls().count("scan"));
        assertEquals(7, unit.calls().count("query"), "one Query of the badge's foreign-key index per account read");
        assertEquals(8, unit.calls().total());
    }

    @Test
    void aPathThroughTheInverseSideIsAnInnerJoin() {
        assertEquals(List.of("a4"), ids("SELECT a FROM Account a WHERE a.badge.level IS NULL"),
                "the accounts without a badge are no rows: only the badge without a level");
        List<Object[]> rows = unit.withEntityManager(em -> em.createQuery(
                "SELECT a.id, a.badge.level FROM Account a ORDER BY a.badge.level DESC NULLS LAST", Object[].class)
                .getResultList());
        assertEquals(List.of("a3=3", "a2=2", "a1=1", "a0=0", "a4=null"), rows.stream().map(r -> r[0] + "=" + r[1]).toList());
    }

    @Test
    void anInnerJoinOfTheInverseSideKeepsTheAccountsWithABadgeOnce() {
        // As the official TCK's test_innerjoin_1x1 writes it (JOIN c.spouse s).
        List<String> all = java.util.stream.IntStream.range(0, 7).mapToObj(i -> "a" + i).toList();
        assertEquals(all.subList(0, 5), ids("SELECT a FROM Account a JOIN a.badge b"));
        assertEquals(all, ids("SELECT a FROM Account a LEFT JOIN a.badge b"), "a LEFT JOIN keeps every account");
        assertEquals(List.of("a2", "a3"), ids("SELECT a FROM Account a JOIN a.badge b WHERE a.badge.level > 1"));
        assertEquals(List.of("a2", "a3"), ids("SELECT a FROM Account a JOIN a.badge b WHERE b.level > 1"));
        assertEquals(5L, (long) unit.withEntityManager(em -> em.createQuery(
                "SELECT COUNT(a) FROM Account a JOIN a.badge b", Long.class).getSingleResult()));
    }
}
