package io.jynamo.tck.relationship;

import io.jynamo.tck.support.TestUnit;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Tuple;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Join;
import jakarta.persistence.criteria.JoinType;
import jakarta.persistence.criteria.Root;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/**
 * A SELECT through a join of a collection without a condition on its elements: the owners' query, their
 * collections loaded as a fetch loads them, and one row per (owner, element), as SQL's join returns them; a LEFT
 * JOIN gives an owner without elements one row of NULLs. Each expectation is computed from the model in memory.
 */
class CollectionJoinSelectTest {

    @Entity(name = "CjAlias")
    public static class Alias {
        @Id
        public String id;
        public String alias;
    }

    @Entity(name = "CjCustomer")
    public static class Customer {
        @Id
        public String id;
        public String name;
        @ManyToMany
        @OrderColumn
        public List<Alias> aliases = new ArrayList<>();
        @OneToMany(mappedBy = "customer")
        public List<Order> orders = new ArrayList<>();
    }

    @Entity(name = "CjOrder")
    public static class Order {
        @Id
        public String id;
        public int total;
        @ManyToOne
        public Customer customer;
    }

    @Entity(name = "CjTag")
    public static class Tag {
        @Id
        public String id;
        @ManyToMany(mappedBy = "tags")
        public List<Post> posts = new ArrayList<>();
    }

    @Entity(name = "CjPost")
    public static class Post {
        @Id
        public String id;
        @ManyToMany
        public List<Tag> tags = new ArrayList<>();
    }

    @Entity(name = "CjTeam")
    public static class Team {
        @Id
        public String id;
        @OneToMany(mappedBy = "team")
        @OrderColumn(name = "pos")
        public List<Member> members = new ArrayList<>();
    }

    @Entity(name = "CjMember")
    public static class Member {
        @Id
        public String id;
        @ManyToOne
        public Team team;
    }

    private static TestUnit unit;
    private static final List<Customer> MODEL = new ArrayList<>();

    @BeforeAll
    static void customersWithAliasesAndOrders() {
        unit = TestUnit.of(Alias.class, Customer.class, Order.class, Tag.class, Post.class, Team.class, Member.class)
                .property("jynamo.scan", "allow").build();
        unit.inTransaction(em -> {
            List<Alias> aliases = new ArrayList<>();
            for (String a : List.of("sjc", "ssd", "stevec", "steved", "stevie")) {
                Alias alias = new Alias();
                alias.id = "a-" + a;
                alias.alias = a;
                em.persist(alias);
                aliases.add(alias);
            }
            String[][] shape = {{"5", "Steve", "ssd", "steved", "stevie"}, {"7", "Stephen", "stevie", "sjc", "stevec"},
                {"8", "Stella"}, {"9", "Ann", "sjc"}};
            for (String[] s : shape) {
                Customer c = new Customer();
                c.id = s[0];
                c.name = s[1];
                for (String a : Arrays.asList(s).subList(2, s.length)) {
                    c.aliases.add(aliases.stream().filter(x -> x.alias.equals(a)).findFirst().orElseThrow());
                }
                em.persist(c);
                MODEL.add(c);
                for (int i = 0; i < s.length - 2; i++) {
                    Order o = new Order();
                    o.id = c.id + "-o" + i;
                    o.total = 10 * (i + 1);
                    o.customer = c;
                    em.persist(o);
                }
            }
        });
    }

    @AfterAll
    static void close() {
        unit.close();
    }

    @Test
    void theElementsOfOneOwnersLinkTableCollectionAreItsRowsInOrder() {
        unit.calls().reset();
        List<String> aliases = unit.withEntityManager(em -> {
            List<Alias> found = em.createQuery("SELECT a FROM CjCustomer c JOIN c.aliases a WHERE c.id = :id",
                    Alias.class).setParameter("id", "7").getResultList();
            assertSame(found.get(0), em.find(Alias.class, found.get(0).id), "managed instances");
            return found.stream().map(a -> a.alias).toList();
        });
        assertEquals(List.of("stevie", "sjc", "stevec"), aliases, "the list's order");
        assertEquals(1, unit.calls().count("getItem"), "the owner by key");
        assertEquals(1, unit.calls().count("query"), "its links");
        assertEquals(1, unit.calls().count("batchGetItem"), "the aliases");
    }

    @Test
    void aLeftJoinGivesOwnersWithoutElementsARowOfNullsAndOrdersTheRows() {
        List<String> expected = new ArrayList<>();
        for (Customer c : MODEL) {
            if (c.name.startsWith("Ste")) {
                c.aliases.forEach(a -> expected.add(a.alias + " " + c.id));
                if (c.aliases.isEmpty()) {
                    expected.add("null " + c.id);
                }
            }
        }
        expected.sort(java.util.Comparator.comparing((String r) -> r.startsWith("null") ? "\uffff" : r));
        List<String> rows = unit.withEntityManager(em -> em.createQuery("SELECT c.id, a.alias FROM CjCustomer c"
                + " LEFT JOIN c.aliases a WHERE c.name LIKE 'Ste%' ORDER BY a.alias, c.id", Object[].class)
                .getResultList().stream().map(r -> r[1] + " " + r[0]).toList());
        assertEquals(expected, rows, "NULL last in ascending order, as Jynamo orders in memory");
    }

    @Test
    void theCriteriaTupleQueryOfALeftJoinIsTheSameRows() {
        List<String> rows = unit.withEntityManager(em -> {
            CriteriaBuilder cb = em.getCriteriaBuilder();
            CriteriaQuery<Tuple> q = cb.createTupleQuery();
            Root<Customer> c = q.from(Customer.class);
            Join<Customer, Alias> a = c.join("aliases", JoinType.LEFT);
            q.multiselect(c.get("id"), a.get("alias")).where(cb.like(c.get("name"), "Ste%"))
                    .orderBy(cb.asc(a.get("alias")), cb.asc(c.get("id")));
            return em.createQuery(q).setMaxResults(3).getResultList().stream()
                    .map(t -> t.get(1) + " " + t.get(0)).toList();
        });
        assertEquals(List.of("sjc 7", "ssd 5", "stevec 7"), rows);
    }

    @Test
    void anInnerJoinRepeatsTheOwnerPerElementAndDistinctKeepsEachRowOnce() {
        long links = MODEL.stream().mapToLong(c -> c.aliases.size()).sum();
        List<String> owners = unit.withEntityManager(em -> em.createQuery(
                "SELECT c FROM CjCustomer c JOIN c.aliases a", Customer.class).getResultList().stream()
                .map(c -> c.id).toList());
        assertEquals(links, owners.size(), "one row per link");
        List<String> distinctAliases = unit.withEntityManager(em -> em.createQuery(
                "SELECT DISTINCT a.alias FROM CjCustomer c JOIN c.aliases a ORDER BY a.alias DESC", String.class)
                .getResultList());
        assertEquals(MODEL.stream().flatMap(c -> c.aliases.stream()).map(a -> a.alias).distinct()
                .sorted(java.util.Comparator.reverseOrder()).toList(), distinctAliases);
        List<String> page = unit.withEntityManager(em -> em.createQuery(
                "SELECT a.alias FROM CjCustomer c JOIN c.aliases a ORDER BY a.alias", String.class)
                .setFirstResult(1).setMaxResults(2).getResultList());
        assertEquals(MODEL.stream().flatMap(c -> c.aliases.stream()).map(a -> a.alias).sorted().skip(1).limit(2)
                .toList(), page);
    }

    @Test
    void aCountCountsTheRowsWhoseEntityIsNotNull() {
        long links = MODEL.stream().mapToLong(c -> c.aliases.size()).sum();
        assertEquals(links, (long) unit.withEntityManager(em -> em.createQuery(
                "SELECT COUNT(a) FROM CjCustomer c LEFT JOIN c.aliases a", Long.class).getSingleResult()),
                "an owner without aliases gives a row whose a is NULL, which COUNT(a) leaves out");
        assertEquals(MODEL.stream().flatMap(c -> c.aliases.stream()).map(a -> a.id).distinct().count(),
                (long) unit.withEntityManager(em -> em.createQuery(
                        "SELECT COUNT(DISTINCT a) FROM CjCustomer c JOIN c.aliases a", Long.class).getSingleResult()));
        assertEquals(3L, (long) unit.withEntityManager(em -> em.createQuery(
                "SELECT COUNT(a) FROM CjCustomer c JOIN c.aliases a WHERE c.id = :id", Long.class)
                .setParameter("id", "7").getSingleResult()), "what Spring Data's count query of a page asks");
    }

    @Test
    void aLeftJoinOfAnInverseCollectionKeepsOwnersWithoutElements() {
        List<String> expected = new ArrayList<>();
        for (Customer c : MODEL) {
            int n = c.aliases.size();
            for (int i = 0; i < n; i++) {
                expected.add(c.id + " " + (10 * (i + 1)));
            }
            if (n == 0) {
                expected.add(c.id + " null");
            }
        }
        List<String> rows = unit.withEntityManager(em -> em.createQuery("SELECT c.id, o.total FROM CjCustomer c"
                + " LEFT JOIN c.orders o ORDER BY c.id, o.total", Object[].class).getResultList().stream()
                .map(r -> r[0] + " " + r[1]).toList());
        assertEquals(expected.stream().sorted().toList(), rows);
    }

    @Test
    void anInverseSideIsReadAsStoredNotAsTheApplicationLeftItInMemory() {
        List<String> posts = unit.fromTransaction(em -> {
            Tag t = new Tag();
            t.id = "t";
            em.persist(t);
            Post p = new Post();
            p.id = "p";
            p.tags.add(t); // the owning side only: t.posts stays the empty list the application gave it
            em.persist(p);
            em.flush();
            return em.createQuery("SELECT p.id FROM CjTag t JOIN t.posts p WHERE t.id = 't'", String.class)
                    .getResultList();
        });
        assertEquals(List.of("p"), posts, "what is stored, as SQL would answer");
    }

    @Test
    void indexOfAnOrderedElementSelectsByItsPositionInTheOwnersList() {
        assertEquals(List.of("sjc"), unit.withEntityManager(em -> em.createQuery("SELECT a.alias FROM CjCustomer c"
                + " JOIN c.aliases a WHERE c.id = '7' AND INDEX(a) = 1", String.class).getResultList()));
        assertEquals(List.of("stevie", "sjc"), unit.withEntityManager(em -> em.createQuery("SELECT a.alias FROM"
                + " CjCustomer c JOIN c.aliases a WHERE c.id = '7' AND INDEX(a) < 2", String.class).getResultList()));
        List<String> second = unit.fromTransaction(em -> {
            Team t = new Team();
            t.id = "t1";
            em.persist(t);
            for (String id : List.of("m0", "m1", "m2")) {
                Member m = new Member();
                m.id = id;
                m.team = t;
                em.persist(m);
                t.members.add(m);
            }
            em.flush();
            return em.createQuery("SELECT m.id FROM CjTeam t JOIN t.members m WHERE t.id = 't1' AND INDEX(m) = 1",
                    String.class).getResultList();
        });
        assertEquals(List.of("m1"), second, "an inverse list's positions, as stored on its elements");
    }

    @Test
    void indexWhereNoPositionIsKnownIsRefusedSayingWhatWorks() {
        IllegalArgumentException select = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> unit.withEntityManager(em -> em.createQuery(
                        "SELECT INDEX(a) FROM CjCustomer c JOIN c.aliases a", Object.class)));
        org.junit.jupiter.api.Assertions.assertTrue(select.getMessage().contains("INDEX(a) is only supported"),
                select.getMessage());
        IllegalArgumentException unordered = org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class, () -> unit.withEntityManager(em -> em.createQuery(
                        "SELECT o.id FROM CjCustomer c JOIN c.orders o WHERE INDEX(o) = 0", String.class)
                        .getResultList()));
        org.junit.jupiter.api.Assertions.assertTrue(unordered.getMessage().contains("@OrderColumn"),
                unordered.getMessage());
    }
}
