package io.jynamo.tck.relationship;

import io.jynamo.tck.support.TestUnit;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Join;
import jakarta.persistence.criteria.Root;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Joins from join variables ({@code JOIN c.orders o JOIN o.lines l WHERE l.product = :p}): the innermost entities'
 * query runs first, then each level's by the keys found, then the root's. Answers compared with the model in memory.
 */
class NestedJoinTest {

    @Entity(name = "NjCustomer")
    @Table(name = "NjCustomer")
    public static class Customer {
        @Id
        public String id;
        public String name;
        @OneToMany(mappedBy = "customer", cascade = CascadeType.ALL)
        public List<Order> orders = new ArrayList<>();
    }

    @Entity(name = "NjOrder")
    @Table(name = "NjOrder")
    public static class Order {
        @Id
        public String id;
        public int total;
        @ManyToOne
        public Customer customer;
        @ManyToOne(cascade = CascadeType.ALL)
        public Card card;
        @OneToMany(mappedBy = "order", cascade = CascadeType.ALL)
        public List<Line> lines = new ArrayList<>();
    }

    @Entity(name = "NjLine")
    @Table(name = "NjLine")
    public static class Line {
        @Id
        public String id;
        public String product;
        public int quantity;
        @ManyToOne
        public Order order;
    }

    @Entity(name = "NjCard")
    @Table(name = "NjCard")
    public static class Card {
        @Id
        public String id;
        public String brand;
    }

    /** A hierarchy whose orders refer to the superclass: a member's orders are not joined by a member's key alone. */
    @Entity(name = "NjPerson")
    @Table(name = "NjPerson")
    @jakarta.persistence.Inheritance
    public static class Person {
        @Id
        public String id;
    }

    @Entity(name = "NjMember")
    public static class Member extends Person {
        @OneToMany(mappedBy = "buyer")
        public List<Purchase> purchases = new ArrayList<>();
    }

    @Entity(name = "NjPurchase")
    @Table(name = "NjPurchase")
    public static class Purchase {
        @Id
        public String id;
        @ManyToOne
        public Person buyer;
    }

    private static TestUnit unit;
    private static final List<Customer> MODEL = new ArrayList<>();

    @BeforeAll
    static void data() {
        unit = TestUnit.of(Customer.class, Order.class, Line.class, Card.class).property("jynamo.scan", "allow").build();
        String[][][] orders = { // per customer, per order: products of its lines
            {{"pen", "pen", "ink"}, {"pen"}},
            {{"ink"}, {}},
            {{"paper"}, {"pen", "paper"}},
            {},
        };
        for (int c = 0; c < orders.length; c++) {
            Customer customer = new Customer();
            customer.id = "c" + c;
            customer.name = c % 2 == 0 ? "Ann" : "Bob";
            for (int o = 0; o < orders[c].length; o++) {
                Order order = new Order();
                order.id = customer.id + "-o" + o;
                order.total = 10 * (o + 1) + c;
                order.customer = customer;
                Card card = new Card();
                card.id = order.id + "-card";
                card.brand = (c + o) % 2 == 0 ? "visa" : "amex";
                order.card = card;
                for (int l = 0; l < orders[c][o].length; l++) {
                    Line line = new Line();
                    line.id = order.id + "-l" + l;
                    line.product = orders[c][o][l];
                    line.quantity = l + 1;
                    line.order = order;
                    order.lines.add(line);
                }
                customer.orders.add(order);
            }
            MODEL.add(customer);
        }
        unit.inTransaction(em -> MODEL.forEach(em::persist));
    }

    @AfterAll
    static void stop() {
        unit.close();
    }

    /** The customer ids SQL would return: one row per (order, line) pair that matches, sorted. */
    private static List<String> rows(Predicate<Order> order, Predicate<Line> line, boolean distinct) {
        List<String> ids = new ArrayList<>();
        for (Customer c : MODEL) {
            int n = 0;
            for (Order o : c.orders) {
                if (order.test(o)) {
                    n += (int) o.lines.stream().filter(line).count();
                }
            }
            for (int i = 0; i < (distinct ? Math.min(n, 1) : n); i++) {
                ids.add(c.id);
            }
        }
        return ids;
    }

    private static List<String> ids(String jpql, Object... params) {
        return unit.fromTransaction(em -> {
            var q = em.createQuery(jpql, String.class);
            for (int i = 0; i < params.length; i += 2) {
                q.setParameter((String) params[i], params[i + 1]);
            }
            return q.getResultList().stream().sorted().toList();
        });
    }

    @Test
    void customersWithALineOfAProductAreFoundThroughTheirOrders() {
        assertEquals(rows(o -> true, l -> l.product.equals("pen"), true),
                ids("SELECT DISTINCT c.id FROM NjCustomer c JOIN c.orders o JOIN o.lines l WHERE l.product = :p", "p", "pen"));
        assertEquals(List.of("c0", "c2"), ids("SELECT DISTINCT c.id FROM NjCustomer c JOIN c.orders o JOIN o.lines l"
                + " WHERE l.product = :p", "p", "pen"));
    }

    @Test
    void withoutDistinctEachCustomerComesOncePerMatchingOrderAndLine() {
        List<String> expected = rows(o -> true, l -> l.product.equals("pen"), false);
        assertEquals(List.of("c0", "c0", "c0", "c2"), expected);
        assertEquals(expected, ids("SELECT c.id FROM NjCustomer c JOIN c.orders o JOIN o.lines l WHERE l.product = 'pen'"));
    }

    @Test
    void conditionsOnEveryLevelAndOnTheRootCombine() {
        assertEquals(rows(o -> o.total > 15, l -> l.quantity >= 1 && !l.product.equals("ink"), false).stream()
                        .filter(id -> !id.equals("c1")).toList(),
                ids("SELECT c.id FROM NjCustomer c JOIN c.orders o JOIN o.lines l WHERE o.total > 15 AND l.quantity >= 1"
                        + " AND l.product <> 'ink' AND c.name = 'Ann'"));
    }

    @Test
    void aConditionOnTheRootBesideARepeatingJoinKeepsTheRepeats() {
        // One level: the rows of c2's order with two lines matching come twice, whatever else the root's plan filters.
        assertEquals(List.of("c0", "c2", "c2"), ids("SELECT o.customer.id FROM NjOrder o JOIN o.lines l WHERE o.total > 15"
                + " AND l.product <> 'ink'"));
    }

    @Test
    void aToOneJoinedFromACollectionIsALevelOfItsOwn() {
        List<String> expected = new ArrayList<>();
        for (Customer c : MODEL) {
            if (c.orders.stream().anyMatch(o -> o.card.brand.equals("amex"))) {
                expected.add(c.id);
            }
        }
        assertEquals(expected, ids("SELECT DISTINCT c.id FROM NjCustomer c JOIN c.orders o JOIN o.card k WHERE k.brand = 'amex'"));
    }

    @Test
    void anInnerJoinsOnConditionKeepsWhatTheSameConditionInWhereKeeps() {
        assertEquals(rows(o -> o.total > 15, l -> l.product.equals("pen"), false),
                ids("SELECT c.id FROM NjCustomer c JOIN c.orders o ON o.total > 15 JOIN o.lines l ON l.product = 'pen'"));
        assertEquals(ids("SELECT DISTINCT c.id FROM NjCustomer c JOIN c.orders o WHERE o.total > 12 AND c.name = 'Ann'"),
                ids("SELECT DISTINCT c.id FROM NjCustomer c JOIN c.orders o ON o.total > 12 WHERE c.name = 'Ann'"));
    }

    @Test
    void onALeftJoinOrAFetchJoinIsRefusedWithTheReason() {
        IllegalArgumentException left = assertThrows(IllegalArgumentException.class,
                () -> ids("SELECT DISTINCT c.id FROM NjCustomer c LEFT JOIN c.orders o ON o.total > 15"));
        assertTrue(left.getMessage().contains("LEFT JOIN ... ON is not supported"), left.getMessage());
        IllegalArgumentException fetch = assertThrows(IllegalArgumentException.class,
                () -> ids("SELECT c FROM NjCustomer c JOIN FETCH c.orders o ON o.total > 15"));
        assertTrue(fetch.getMessage().contains("JOIN FETCH ... ON is not allowed"), fetch.getMessage());
    }

    @Test
    void theElementsOfACollectionAreSelectedThroughTheJoinOfTheirOwners() {
        List<String> expected = new ArrayList<>();
        for (Customer c : MODEL) {
            if (c.name.equals("Ann")) {
                c.orders.forEach(o -> expected.add(o.id));
            }
        }
        assertEquals(expected, ids("SELECT o.id FROM NjCustomer c JOIN c.orders o WHERE c.name = 'Ann' ORDER BY o.id"));
        List<String> withPens = new ArrayList<>();
        for (Customer c : MODEL) {
            for (Order o : c.orders) {
                o.lines.stream().filter(l -> c.name.equals("Ann") && l.product.equals("pen")).forEach(l -> withPens.add(o.id));
            }
        }
        assertEquals(withPens, ids("SELECT o.id FROM NjCustomer c JOIN c.orders o JOIN o.lines l"
                + " WHERE c.name = 'Ann' AND l.product = 'pen'"));
        assertEquals(List.of("c0-o1", "c2-o0", "c2-o1"), unit.fromTransaction(em -> em.createQuery(
                "SELECT o FROM NjCustomer c JOIN c.orders o WHERE c.name = :n AND o.total > 11", Order.class)
                .setParameter("n", "Ann").getResultList().stream().map(o -> o.id).sorted().toList()));
    }

    @Test
    void theOwnersAttributesAreSelectedBesideEachElements() {
        List<String> expected = new ArrayList<>();
        for (Customer c : MODEL) {
            for (Order o : c.orders) {
                if (o.total > 11) {
                    expected.add(c.id + " " + c.name + " " + o.id);
                }
            }
        }
        List<String> rows = unit.fromTransaction(em -> em.createQuery("SELECT c.id, c.name, o.id FROM NjCustomer c"
                + " JOIN c.orders o WHERE o.total > 11 ORDER BY c.id, o.id", Object[].class).getResultList().stream()
                .map(r -> r[0] + " " + r[1] + " " + r[2]).toList());
        assertEquals(expected, rows);
        assertEquals(List.of("c0 c0-o0", "c0 c0-o1"), unit.fromTransaction(em -> em.createQuery("SELECT c.id, o.id"
                + " FROM NjCustomer c JOIN c.orders o WHERE c.id = 'c0' ORDER BY o.id", Object[].class).getResultList()
                .stream().map(r -> r[0] + " " + r[1]).toList()));
    }

    @Test
    void theElementsSelectedThroughAJoinAreCountedSo() {
        long ann = MODEL.stream().filter(c -> c.name.equals("Ann")).mapToLong(c -> c.orders.size()).sum();
        assertEquals(ann, (long) unit.fromTransaction(em -> em.createQuery(
                "SELECT COUNT(o) FROM NjCustomer c JOIN c.orders o WHERE c.name = 'Ann'", Long.class).getSingleResult()));
        long one = unit.fromTransaction(em -> {
            CriteriaBuilder cb = em.getCriteriaBuilder();
            CriteriaQuery<Long> q = cb.createQuery(Long.class);
            Root<Customer> c = q.from(Customer.class);
            Join<Customer, Order> o = c.join("orders");
            o.on(cb.equal(o.get("id"), "c2-o1"));
            return em.createQuery(q.select(cb.count(o))).getSingleResult();
        });
        assertEquals(1, one);
    }

    @Test
    void elementsWhoseOwningSideRefersToASuperclassAreSelectedThroughTheSubclassesCollections() {
        try (TestUnit people = TestUnit.of(Person.class, Member.class, Purchase.class).property("jynamo.scan", "allow").build()) {
            people.inTransaction(em -> {
                Person p = new Person();
                p.id = "p";
                Member m = new Member();
                m.id = "m";
                em.persist(p);
                em.persist(m);
                for (Person buyer : List.of(p, m)) {
                    Purchase x = new Purchase();
                    x.id = buyer.id + "-x";
                    x.buyer = buyer;
                    em.persist(x);
                }
            });
            // The rewrite to the purchases' own query would also return p's purchase: it is not made; the members'
            // collections are loaded instead, which hold their own purchases only.
            assertEquals(List.of("m-x"), people.withEntityManager(em -> em.createQuery(
                    "SELECT x.id FROM NjMember m JOIN m.purchases x", String.class).getResultList()));
        }
    }

    @Test
    void aFetchBelowAFetchLoadsEachLevelForAllTheResults() {
        unit.calls().reset();
        List<Customer> found = unit.withEntityManager(em -> em.createQuery("SELECT c FROM NjCustomer c LEFT JOIN FETCH"
                + " c.orders o LEFT JOIN FETCH o.lines WHERE c.id = 'c0'", Customer.class).getResultList());
        Customer c0 = found.get(0); // detached now: what was not fetched could not load
        assertEquals(List.of(3, 1), c0.orders.stream().sorted(java.util.Comparator.comparing(o -> o.id))
                .map(o -> o.lines.size()).toList());
        assertEquals(1, unit.calls().count("getItem"));
        assertEquals(3, unit.calls().count("query"), "the customer's orders, then each order's lines");
        IllegalArgumentException inner = assertThrows(IllegalArgumentException.class, () -> unit.withEntityManager(em ->
                em.createQuery("SELECT c FROM NjCustomer c LEFT JOIN FETCH c.orders o JOIN FETCH o.lines", Customer.class)));
        assertTrue(inner.getMessage().contains("write LEFT JOIN FETCH o.lines"), inner.getMessage());
    }

    @Test
    void theCriteriaJoinOfAJoinIsTheSameQuery() {
        List<String> found = unit.fromTransaction(em -> {
            CriteriaBuilder cb = em.getCriteriaBuilder();
            CriteriaQuery<Customer> q = cb.createQuery(Customer.class);
            Root<Customer> c = q.from(Customer.class);
            Join<Customer, Order> o = c.join("orders");
            Join<Order, Line> l = o.join("lines");
            q.select(c).distinct(true).where(cb.equal(l.get("product"), "paper"));
            return em.createQuery(q).getResultList().stream().map(x -> x.id).sorted().toList();
        });
        assertEquals(List.of("c2"), found);
    }

    @Test
    void withDistinctAJoinFromAJoinWithoutConditionsKeepsTheOwnersWithAnElement() {
        assertEquals(rows(o -> o.total > 11, l -> true, true),
                ids("SELECT DISTINCT c.id FROM NjCustomer c JOIN c.orders o JOIN o.lines l WHERE o.total > 11"));
        assertEquals(List.of("c0", "c1", "c2"), ids("SELECT DISTINCT c.id FROM NjCustomer c JOIN c.orders o JOIN o.lines l"));
    }

    @Test
    void withoutDistinctAJoinFromAJoinWithoutAConditionIsRefusedWithTheFix() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ids("SELECT c.id FROM NjCustomer c JOIN c.orders o JOIN o.lines l WHERE o.total > 1"));
        assertTrue(e.getMessage().contains("JOIN o.lines l without a condition on l"), e.getMessage());
    }

    @Test
    void aConditionReadingTheRootAndANestedVariableIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ids("SELECT c.id FROM NjCustomer c JOIN c.orders o JOIN o.lines l WHERE l.product = c.name"));
        assertTrue(e.getMessage().contains("cannot join"), e.getMessage());
    }
}
