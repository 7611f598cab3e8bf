package io.jynamo.tck.relationship;

import io.jynamo.tck.support.TestUnit;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Paths through owning to-ones to other attributes of their targets ({@code o.customer.name},
 * {@code o.customer.home.city}) where no query of the target first can decide them: in an OR with the root's
 * attributes, in SELECT, in ORDER BY, after a LEFT JOIN. The owners are read, their targets loaded in BatchGetItem
 * calls (each level of the path, 100 keys a call), and the rest is evaluated in Java. Answers compared with an
 * in-memory copy of the data; calls counted (the relationships are lazy here, so that the calls are the query's own:
 * an eager one is loaded for the results after it).
 */
class ToOneNavigationTest {

    @Entity
    @Table(name = "NavAddress")
    public static class Address {
        @Id
        public String id;
        public String city;

        public Address() {
        }

        Address(String id, String city) {
            this.id = id;
            this.city = city;
        }
    }

    @Entity
    @Table(name = "NavCustomer")
    public static class Customer {
        @Id
        public String id;
        public String name;
        @ManyToOne(fetch = FetchType.LAZY)
        public Address home;
        @jakarta.persistence.OneToMany(mappedBy = "customer")
        public List<Order> orders = new ArrayList<>();

        public Customer() {
        }

        Customer(String id, String name, Address home) {
            this.id = id;
            this.name = name;
            this.home = home;
        }
    }

    @Entity
    @Table(name = "NavOrder")
    public static class Order {
        @Id
        public String id;
        public int total;
        @ManyToOne(fetch = FetchType.LAZY)
        public Customer customer;

        public Order() {
        }

        Order(String id, int total, Customer customer) {
            this.id = id;
            this.total = total;
            this.customer = customer;
        }
    }

    /** What each order's path reads: id, total, customer name, home city (nulls where there is none). */
    private record Row(String id, int total, boolean customer, String name, String city) {
    }

    private static final List<Row> ROWS = new ArrayList<>();
    private static TestUnit unit;

    @BeforeAll
    static void data() {
        unit = TestUnit.of(Address.class, Customer.class, Order.class).property("jynamo.scan", "allow")
                .property("jynamo.client-side", "allow").build();
        unit.inTransaction(em -> {
            Address paris = new Address("a1", "Paris");
            Address rome = new Address("a2", "Rome");
            Address nowhere = new Address("a3", null);
            List.of(paris, rome, nowhere).forEach(em::persist);
            // 120 customers, each with one order: the targets of 120 items are loaded in two BatchGetItems.
            for (int c = 0; c < 120; c++) {
                Address home = c % 4 == 0 ? paris : c % 4 == 1 ? rome : c % 4 == 2 ? nowhere : null;
                Customer customer = new Customer("c" + c, c % 5 == 0 ? null : "N" + (c % 7), home);
                em.persist(customer);
                em.persist(new Order("o" + c, c, customer));
                ROWS.add(new Row("o" + c, c, true, customer.name, home == null ? null : home.city));
            }
            for (int o = 0; o < 3; o++) {
                em.persist(new Order("x" + o, 200 + o, null));
                ROWS.add(new Row("x" + o, 200 + o, false, null, null));
            }
            em.persist(new Customer("lonely", "Lonely", paris)); // no order
            Customer ghost = new Customer("ghost", "Ghost", paris);
            em.persist(ghost);
            em.persist(new Order("d0", 300, ghost));
            ROWS.add(new Row("d0", 300, true, null, null));
        });
        // A dangling foreign key (DynamoDB has no constraints): the target's attributes are NULL.
        TestUnit.sharedClient().deleteItem(b -> b.tableName(unit.prefix() + "NavCustomer")
                .key(Map.of("id", AttributeValue.fromS("ghost"))));
    }

    @AfterAll
    static void close() {
        unit.close();
    }

    private static List<String> expected(Predicate<Row> where) {
        return ROWS.stream().filter(where).map(Row::id).sorted().toList();
    }

    private static List<String> ids(String jpql) {
        return unit.withEntityManager(em -> em.createQuery(jpql, Order.class).getResultList()).stream()
                .map(o -> o.id).sorted().toList();
    }

    @Test
    void anOrOfATargetsAttributeAndTheRootsReadsTheOwnersThenTheirTargetsInBatches() {
        unit.calls().reset();
        List<String> found = ids("SELECT o FROM Order o WHERE o.customer.name = 'N3' OR o.total > 110");
        // The path is an inner join: the orders without a customer are no rows, whatever their total.
        assertEquals(expected(r -> r.customer() && ("N3".equals(r.name()) || r.total() > 110)), found);
        assertEquals(1, unit.calls().count("scan"), "the orders with a customer");
        assertEquals(2, unit.calls().count("batchGetItem"), "120 customers: 100 keys a call");
        assertEquals(3, unit.calls().total());
    }

    @Test
    void twoLevelsOfToOnesAreLoadedLevelByLevel() {
        unit.calls().reset();
        List<String> found = ids("SELECT o FROM Order o WHERE o.customer.home.city = 'Rome' OR o.total = 0");
        assertEquals(expected(r -> r.customer() && ("Rome".equals(r.city()) || r.total() == 0)), found);
        assertEquals(1, unit.calls().count("scan"));
        assertEquals(3, unit.calls().count("batchGetItem"), "the first 100 orders' customers, then their 3 homes; the"
                + " other 20 orders' customers, whose homes are loaded already");
    }

    @Test
    void aTargetsAttributeAsASelectItemAndSortKeyIsAnInnerJoin() {
        List<Object[]> rows = unit.withEntityManager(em -> em.createQuery(
                "SELECT o.id, o.customer.home.city FROM Order o WHERE o.total < 8 ORDER BY o.customer.home.city, o.id",
                Object[].class).getResultList());
        List<String> got = rows.stream().map(r -> r[0] + "=" + r[1]).toList();
        Comparator<Row> byCity = Comparator.comparing(Row::city, Comparator.nullsLast(Comparator.naturalOrder()));
        List<String> want = ROWS.stream().filter(r -> r.customer() && r.total() < 8)
                .sorted(byCity.thenComparing(Row::id)).map(r -> r.id() + "=" + r.city()).toList();
        assertEquals(want, got, "customers without a home give NULL; orders without a customer give no row");
        List<String> names = unit.withEntityManager(em -> em.createQuery(
                "SELECT DISTINCT o.customer.name FROM Order o WHERE o.customer.name IS NOT NULL ORDER BY o.customer.name",
                String.class).getResultList());
        assertEquals(ROWS.stream().map(Row::name).filter(Objects::nonNull).distinct().sorted().toList(), names);
        long cities = unit.withEntityManager(em -> em.createQuery(
                "SELECT COUNT(DISTINCT o.customer.home.city) FROM Order o", Long.class).getSingleResult());
        assertEquals(2L, cities);
    }

    @Test
    void orderByAToOneOrdersByTheKeyItsOwnerStores() {
        List<String> found = unit.withEntityManager(em -> em.createQuery(
                "SELECT o FROM Order o WHERE o.total < 3 OR o.total > 201 ORDER BY o.customer DESC NULLS LAST", Order.class)
                .getResultList()).stream().map(o -> o.id).toList();
        assertEquals(List.of("d0", "o2", "o1", "o0", "x2"), found, "customer ghost, c2, c1, c0, then none");
    }

    @Test
    void afterALeftJoinAMissingTargetsAttributesAreNull() {
        List<String> found = ids("SELECT o FROM Order o LEFT JOIN o.customer c WHERE c.name IS NULL");
        assertEquals(expected(r -> r.name() == null), found, "no customer, or one without a name");
        List<String> inner = ids("SELECT o FROM Order o JOIN o.customer c WHERE c.name IS NULL OR o.total > 118");
        assertEquals(expected(r -> r.customer() && (r.name() == null || r.total() > 118)), inner);
    }

    @Test
    void selectingAToOneReturnsTheManagedTargetOfEachOwnerWithOne() {
        unit.calls().reset();
        List<Customer> customers = unit.withEntityManager(em -> {
            List<Customer> found = em.createQuery("SELECT o.customer FROM Order o WHERE o.total < 5 OR o.total > 199",
                    Customer.class).getResultList();
            assertTrue(found.stream().allMatch(em::contains), "managed");
            return found;
        });
        assertEquals(List.of("c0", "c1", "c2", "c3", "c4"), customers.stream().map(c -> c.id).sorted().toList(),
                "the orders without a customer are no rows");
        assertEquals(1, unit.calls().count("scan"));
        assertEquals(1, unit.calls().count("batchGetItem"), "the five customers together");
        assertEquals(2, unit.calls().total());
        List<String> joined = unit.withEntityManager(em -> em.createQuery(
                "SELECT c FROM Order o JOIN o.customer c WHERE o.total BETWEEN 10 AND 12", Customer.class).getResultList())
                .stream().map(c -> c.id).sorted().toList();
        assertEquals(List.of("c10", "c11", "c12"), joined);
        long distinct = unit.withEntityManager(em -> em.createQuery(
                "SELECT DISTINCT o.customer FROM Order o", Customer.class).setFirstResult(100).setMaxResults(50)
                .getResultList()).size();
        assertEquals(20, distinct, "120 distinct customers, from the 101st");
        List<String> first = unit.withEntityManager(em -> em.createQuery(
                "SELECT o.customer FROM Order o WHERE o.total >= 300 OR o.total < 1", Customer.class).setMaxResults(1)
                .getResultList()).stream().map(c -> c.id).toList();
        assertEquals(List.of("c0"), first, "the order of the deleted customer is no row, whichever is read first");
    }

    @Test
    void aConditionOnAToOnesTargetCombinesWithAnInnerFetchJoinOfACollection() {
        // As the official TCK's criteriaapi/metamodelquery fetchPluralAttribute1xMTest writes it.
        List<String> found = unit.withEntityManager(em -> em.createQuery("SELECT DISTINCT c FROM Customer c JOIN FETCH c.orders"
                + " WHERE c.home.city IN ('Paris', 'Rome')", Customer.class).setMaxResults(200).getResultList().stream()
                .map(c -> c.id + ":" + c.orders.size()).sorted().toList());
        List<String> expected = java.util.stream.IntStream.range(0, 120).filter(c -> c % 4 < 2).mapToObj(c -> "c" + c + ":1")
                .sorted().toList();
        assertEquals(expected, found, "the customer without orders is dropped by the inner fetch join");
    }

    @Test
    void aToOneSelectedBesideOtherItemsIsItsManagedTarget() {
        // As the official TCK's tupleGetIntClassIllegalArgumentExceptionTest selects it (e.id, e.name, e.home).
        unit.calls().reset();
        List<Object[]> rows = unit.withEntityManager(em -> {
            List<Object[]> found = em.createQuery("SELECT o.id, o.customer, o.total FROM Order o WHERE o.total < 8",
                    Object[].class).getResultList();
            found.forEach(r -> assertSame(em.find(Customer.class, ((Customer) r[1]).id), r[1], "the managed instance"));
            return found;
        });
        assertEquals(expected(r -> r.total() < 8 && r.customer()), rows.stream().map(r -> (String) r[0]).sorted().toList(),
                "a path is an inner join: the orders without a customer are no rows");
        rows.forEach(r -> assertEquals("c" + r[2], ((Customer) r[1]).id));
        assertEquals(1, unit.calls().count("scan"));
        assertEquals(1, unit.calls().count("batchGetItem"), "the targets of up to 100 rows in one call");
        List<OrderView> views = unit.withEntityManager(em -> em.createQuery("SELECT NEW "
                + OrderView.class.getName().replace('$', '.') + "(o.id, o.customer) FROM Order o WHERE o.total < 2",
                OrderView.class).getResultList());
        assertEquals(List.of("o0:c0", "o1:c1"), views.stream().map(v -> v.id() + ":" + v.customer().id).sorted().toList(),
                "a constructor takes the target too (the TCK's SELECT NEW Customer(c.id, c.name, c.country, c.work))");
    }

    public record OrderView(String id, Customer customer) {
    }

    @Test
    void aBulkStatementThroughAToOneIsStillRefused() {
        var e = assertThrows(IllegalArgumentException.class, () -> unit.fromTransaction(em -> em.createQuery(
                "UPDATE Order o SET o.total = 0 WHERE o.customer.name = 'N1'").executeUpdate()));
        assertTrue(e.getMessage().contains("only the key (id) of Customer is stored on Order items"), e.getMessage());
    }
}
