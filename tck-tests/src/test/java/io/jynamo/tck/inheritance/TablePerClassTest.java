package io.jynamo.tck.inheritance;

import io.jynamo.JynamoEntityManager;
import io.jynamo.JynamoProperties;
import io.jynamo.annotations.SortKey;
import io.jynamo.tck.support.TestUnit;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.Table;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** TABLE_PER_CLASS inheritance: a table per concrete entity; polymorphic finds and queries fan out over them. */
class TablePerClassTest {

    public static class PaymentId {
        public String account;
        public String at;

        public PaymentId() {
        }

        public PaymentId(String account, String at) {
            this.account = account;
            this.at = at;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof PaymentId p && Objects.equals(account, p.account) && Objects.equals(at, p.at);
        }

        @Override
        public int hashCode() {
            return Objects.hash(account, at);
        }
    }

    /** Abstract: no table of its own. */
    @Entity
    @IdClass(PaymentId.class)
    @Inheritance(strategy = InheritanceType.TABLE_PER_CLASS)
    public abstract static class Payment {
        @Id
        public String account;
        @Id
        @SortKey
        public String at;
        public long amount;

        public long getAmount() {
            return amount;
        }
    }

    @Entity
    @Table(name = "Cards")
    public static class CardPayment extends Payment {
        public String last4;
    }

    @Entity
    public static class Transfer extends Payment {
        public String iban;
    }

    @Entity
    public static class InstantTransfer extends Transfer {
        public int seconds;
    }

    private static TestUnit unit;
    private static String account;
    private static int accounts;

    @BeforeAll
    static void start() {
        unit = TestUnit.of(Payment.class, CardPayment.class, Transfer.class, InstantTransfer.class)
                .property(JynamoProperties.SHARED_CACHE_MODE, "NONE").build();
    }

    @AfterAll
    static void stop() {
        unit.close();
    }

    private static <P extends Payment> P payment(P p, String at, long amount) {
        p.account = account;
        p.at = at;
        p.amount = amount;
        return p;
    }

    /** A fresh account of five payments over the three tables: card 1 and 4, transfer 2 and 5, instant 3. */
    @BeforeEach
    void payments() {
        account = "acc" + (++accounts);
        unit.inTransaction(em -> {
            CardPayment c1 = payment(new CardPayment(), "2026-01-01", 10);
            c1.last4 = "1111";
            em.persist(c1);
            Transfer t2 = payment(new Transfer(), "2026-01-02", 20);
            t2.iban = "DE02";
            em.persist(t2);
            InstantTransfer i3 = payment(new InstantTransfer(), "2026-01-03", 30);
            i3.iban = "DE03";
            i3.seconds = 4;
            em.persist(i3);
            CardPayment c4 = payment(new CardPayment(), "2026-01-04", 40);
            c4.last4 = "4444";
            em.persist(c4);
            em.persist(payment(new Transfer(), "2026-01-05", 50));
        });
        unit.calls().reset();
    }

    private static Map<String, AttributeValue> raw(String table, String at) {
        return TestUnit.sharedClient().getItem(b -> b.tableName(unit.prefix() + table).consistentRead(true)
                .key(Map.of("account", AttributeValue.fromS(account), "at", AttributeValue.fromS(at)))).item();
    }

    @Test
    void everyConcreteEntityHasItsOwnTableHoldingItsOwnAndInheritedAttributes() {
        Set<String> tables = TestUnit.sharedClient().listTables().tableNames().stream()
                .filter(t -> t.startsWith(unit.prefix())).collect(Collectors.toSet());
        assertEquals(Set.of(unit.prefix() + "Cards", unit.prefix() + "Transfer", unit.prefix() + "InstantTransfer"), tables,
                "@Table or the entity name; the abstract root has none");
        Map<String, AttributeValue> instant = raw("InstantTransfer", "2026-01-03");
        assertEquals("30", instant.get("amount").n());
        assertEquals("DE03", instant.get("iban").s());
        assertEquals("4", instant.get("seconds").n());
        assertEquals("InstantTransfer", instant.get("DTYPE").s());
        assertEquals("1111", raw("Cards", "2026-01-01").get("last4").s());
        assertTrue(raw("Transfer", "2026-01-03").isEmpty(), "a subclass's item is only in its own table");
        assertTrue(raw("Transfer", "2026-01-02").containsKey("iban"));
    }

    @Test
    void aPolymorphicFindOverThreeTablesIsOneBatchGetItemReturningTheStoredClass() {
        Payment p = unit.withEntityManager(em -> em.find(Payment.class, new PaymentId(account, "2026-01-03")));
        assertEquals(1, unit.calls().count("batchGetItem"));
        assertEquals(1, unit.calls().total());
        BatchGetItemRequest request = unit.calls().<BatchGetItemRequest>requests("batchGetItem").get(0);
        assertEquals(Set.of(unit.prefix() + "Cards", unit.prefix() + "Transfer", unit.prefix() + "InstantTransfer"),
                request.requestItems().keySet());
        InstantTransfer i = assertInstanceOf(InstantTransfer.class, p);
        assertEquals(30, i.amount);
        assertEquals(4, i.seconds);
        assertInstanceOf(CardPayment.class, unit.withEntityManager(em -> em.find(Payment.class, new PaymentId(account, "2026-01-04"))));
        assertNull(unit.withEntityManager(em -> em.find(Payment.class, new PaymentId(account, "2099-01-01"))));
    }

    @Test
    void aFindOfASubclassReadsOnlyItsOwnAndItsSubclassesTables() {
        assertNull(unit.withEntityManager(em -> em.find(Transfer.class, new PaymentId(account, "2026-01-01"))),
                "a card payment's key");
        BatchGetItemRequest request = unit.calls().<BatchGetItemRequest>requests("batchGetItem").get(0);
        assertEquals(Set.of(unit.prefix() + "Transfer", unit.prefix() + "InstantTransfer"), request.requestItems().keySet());
        assertInstanceOf(InstantTransfer.class, unit.withEntityManager(em -> em.find(Transfer.class, new PaymentId(account, "2026-01-03"))));
        unit.calls().reset();
        CardPayment card = unit.withEntityManager(em -> em.find(CardPayment.class, new PaymentId(account, "2026-01-04")));
        assertEquals("4444", card.last4);
        assertEquals(1, unit.calls().count("getItem"), "a leaf has one table: one GetItem");
        assertEquals(1, unit.calls().total());
    }

    @Test
    void theIdentityMapIsKeyedForTheWholeHierarchy() {
        unit.withEntityManager(em -> {
            Payment p = em.find(Payment.class, new PaymentId(account, "2026-01-03"));
            unit.calls().reset();
            assertSame(p, em.find(Transfer.class, new PaymentId(account, "2026-01-03")));
            assertSame(p, em.find(InstantTransfer.class, new PaymentId(account, "2026-01-03")));
            assertNull(em.find(CardPayment.class, new PaymentId(account, "2026-01-03")));
            assertEquals(0, unit.calls().total());
            return null;
        });
    }

    @Test
    void aReferenceToANonLeafEntityIsReadAtOnceInOneBatchGetItemAndIsOfTheStoredClass() {
        Payment ref = unit.withEntityManager(em -> em.getReference(Payment.class, new PaymentId(account, "2026-01-03")));
        assertEquals(1, unit.calls().count("batchGetItem"), "only the item says which table, so it is read now");
        assertEquals(1, unit.calls().total());
        assertEquals(4, assertInstanceOf(InstantTransfer.class, ref).seconds);
        assertThrows(jakarta.persistence.EntityNotFoundException.class, () -> unit.withEntityManager(
                em -> em.getReference(Transfer.class, new PaymentId(account, "2026-01-01"))), "a card payment's key");
        unit.calls().reset();
        long amount = unit.withEntityManager(em -> {
            CardPayment leaf = em.getReference(CardPayment.class, new PaymentId(account, "2026-01-01"));
            assertEquals(0, unit.calls().total(), "a leaf's reference is lazy: its table is known");
            return leaf.getAmount();
        });
        assertEquals(10, amount);
        unit.inTransaction(em -> em.remove(em.getReference(Payment.class, new PaymentId(account, "2026-01-02"))));
        assertTrue(raw("Transfer", "2026-01-02").isEmpty(), "removed from its own table");
    }

    @Test
    void aQueryOverANonLeafEntityIsOneQueryPerConcreteTable() {
        List<Transfer> transfers = unit.withEntityManager(em -> em.createQuery(
                "SELECT t FROM Transfer t WHERE t.account = :a", Transfer.class).setParameter("a", account).getResultList());
        assertEquals(2, unit.calls().count("query"), "Transfer and InstantTransfer");
        assertEquals(2, unit.calls().total());
        assertEquals(Set.of(unit.prefix() + "Transfer", unit.prefix() + "InstantTransfer"),
                unit.calls().<QueryRequest>requests("query").stream().map(QueryRequest::tableName).collect(Collectors.toSet()));
        assertEquals(Map.of("2026-01-02", Transfer.class, "2026-01-03", InstantTransfer.class, "2026-01-05", Transfer.class),
                transfers.stream().collect(Collectors.toMap(t -> t.at, TablePerClassTest::entityClass)));
        QueryRequest q = unit.calls().<QueryRequest>requests("query").get(0);
        assertNull(q.filterExpression(), "each table holds only the entity's own classes: no discriminator condition");

        unit.calls().reset();
        List<Payment> all = unit.withEntityManager(em -> em.createQuery(
                "SELECT p FROM Payment p WHERE p.account = :a", Payment.class).setParameter("a", account).getResultList());
        assertEquals(5, all.size());
        assertEquals(3, unit.calls().count("query"));
    }

    @Test
    void anOrderBySortKeyMergesTheTablesInOrder() {
        List<String> ascending = unit.withEntityManager(em -> em.createQuery(
                "SELECT p FROM Payment p WHERE p.account = :a ORDER BY p.at", Payment.class)
                .setParameter("a", account).getResultList()).stream().map(p -> p.at).toList();
        assertEquals(List.of("2026-01-01", "2026-01-02", "2026-01-03", "2026-01-04", "2026-01-05"), ascending);
        List<Long> descending = unit.withEntityManager(em -> em.createQuery(
                "SELECT p.amount FROM Payment p WHERE p.account = :a ORDER BY p.at DESC", Long.class)
                .setParameter("a", account).getResultList());
        assertEquals(List.of(50L, 40L, 30L, 20L, 10L), descending, "a projection without the sort key merges too");
    }

    @Test
    void firstAndMaxResultsApplyToTheWholeResultOverEveryTable() {
        List<String> page = unit.withEntityManager(em -> em.createQuery(
                "SELECT p FROM Payment p WHERE p.account = :a ORDER BY p.at", Payment.class)
                .setParameter("a", account).setFirstResult(1).setMaxResults(3).getResultList()).stream().map(p -> p.at).toList();
        assertEquals(List.of("2026-01-02", "2026-01-03", "2026-01-04"), page);
        List<String> last = unit.withEntityManager(em -> em.createQuery(
                "SELECT p FROM Payment p WHERE p.account = :a ORDER BY p.at DESC", Payment.class)
                .setParameter("a", account).setFirstResult(4).setMaxResults(10).getResultList()).stream().map(p -> p.at).toList();
        assertEquals(List.of("2026-01-01"), last);
        unit.calls().reset();
        List<Payment> unordered = unit.withEntityManager(em -> em.createQuery(
                "SELECT p FROM Payment p WHERE p.amount >= :m", Payment.class)
                .setParameter("m", 0L).setFirstResult(3).setMaxResults(100).getResultList());
        assertTrue(unordered.stream().allMatch(p -> p.account != null));
        long total = unit.withEntityManager(em -> em.createQuery("SELECT COUNT(p) FROM Payment p", Long.class).getSingleResult());
        assertEquals(total - 3, unordered.size(), "a scan of every table, the first three skipped");
    }

    @Test
    void countOverTheRootSumsEveryTable() {
        long count = unit.withEntityManager(em -> em.createQuery(
                "SELECT COUNT(p) FROM Payment p WHERE p.account = :a", Long.class).setParameter("a", account).getSingleResult());
        assertEquals(5L, count);
        assertEquals(3, unit.calls().count("query"));
        long transfers = unit.withEntityManager(em -> em.createQuery(
                "SELECT COUNT(t) FROM Transfer t WHERE t.account = :a AND t.amount > 25", Long.class)
                .setParameter("a", account).getSingleResult());
        assertEquals(2L, transfers);
    }

    @Test
    void typeOfTheVariableRestrictsWhichTablesAreRead() {
        List<Payment> cards = unit.withEntityManager(em -> em.createQuery(
                "SELECT p FROM Payment p WHERE p.account = :a AND TYPE(p) = CardPayment", Payment.class)
                .setParameter("a", account).getResultList());
        assertEquals(Set.of("2026-01-01", "2026-01-04"), cards.stream().map(p -> p.at).collect(Collectors.toSet()));
        assertEquals(1, unit.calls().count("query"));
        assertEquals(unit.prefix() + "Cards", unit.calls().<QueryRequest>requests("query").get(0).tableName());
        unit.calls().reset();
        List<Payment> exactTransfers = unit.withEntityManager(em -> em.createQuery(
                "SELECT p FROM Payment p WHERE p.account = :a AND TYPE(p) IN (Transfer)", Payment.class)
                .setParameter("a", account).getResultList());
        assertEquals(Set.of("2026-01-02", "2026-01-05"), exactTransfers.stream().map(p -> p.at).collect(Collectors.toSet()));
        assertEquals(1, unit.calls().count("query"));
        unit.calls().reset();
        List<Payment> notCards = unit.withEntityManager(em -> em.createQuery(
                "SELECT p FROM Payment p WHERE p.account = :a AND TYPE(p) <> CardPayment", Payment.class)
                .setParameter("a", account).getResultList());
        assertEquals(3, notCards.size(), "<> is a filter on each table's discriminator");
    }

    @Test
    void aDeniedScanNamesEveryTableItWouldRead() {
        io.jynamo.JynamoException e = assertThrows(io.jynamo.JynamoException.class, () -> unit.withEntityManager(
                em -> em.createQuery("SELECT t FROM Transfer t WHERE t.amount > 1", Transfer.class)
                        .setHint(JynamoProperties.SCAN, "deny").getResultList()));
        assertTrue(e.getMessage().contains(unit.prefix() + "Transfer / " + unit.prefix() + "InstantTransfer"), e.getMessage());
        assertEquals(0, unit.calls().total());
    }

    @Test
    void anItemWrittenByAnotherProgramWithoutTheDiscriminatorIsOfItsTablesClass() {
        TestUnit.sharedClient().putItem(b -> b.tableName(unit.prefix() + "Transfer").item(Map.of(
                "account", AttributeValue.fromS(account), "at", AttributeValue.fromS("2026-01-09"),
                "amount", AttributeValue.fromN("90"), "iban", AttributeValue.fromS("FR09"))));
        Payment found = unit.withEntityManager(em -> em.find(Payment.class, new PaymentId(account, "2026-01-09")));
        assertEquals(Transfer.class, entityClass(found));
        assertEquals("FR09", ((Transfer) found).iban);
        List<Payment> all = unit.withEntityManager(em -> em.createQuery(
                "SELECT p FROM Payment p WHERE p.account = :a ORDER BY p.at DESC", Payment.class)
                .setParameter("a", account).getResultList());
        assertEquals(Transfer.class, entityClass(all.get(0)));
        assertEquals("2026-01-09", all.get(0).at);
    }

    @Test
    void explainNamesTheTablesOfTheFanOut() {
        String root = unit.withEntityManager(em -> em.unwrap(JynamoEntityManager.class)
                .explain("SELECT p FROM Payment p WHERE p.account = 'x'"));
        assertTrue(root.contains("fan-out over 3 tables: " + unit.prefix() + "Cards, " + unit.prefix() + "Transfer, "
                + unit.prefix() + "InstantTransfer"), root);
        String typed = unit.withEntityManager(em -> em.unwrap(JynamoEntityManager.class)
                .explain("SELECT p FROM Payment p WHERE p.account = 'x' AND TYPE(p) = Transfer"));
        assertTrue(typed.contains("fan-out over 1 table: " + unit.prefix() + "Transfer "), typed);
        String leaf = unit.withEntityManager(em -> em.unwrap(JynamoEntityManager.class)
                .explain("SELECT c FROM CardPayment c WHERE c.account = 'x'"));
        assertTrue(!leaf.contains("fan-out"), leaf);
    }

    @Test
    void bulkUpdateAndDeleteWriteEveryTable() {
        int updated = unit.fromTransaction(em -> em.createQuery(
                "UPDATE Payment p SET p.amount = 1 WHERE p.account = :a").setParameter("a", account).executeUpdate());
        assertEquals(5, updated);
        assertEquals("1", raw("Cards", "2026-01-04").get("amount").n());
        assertEquals("1", raw("InstantTransfer", "2026-01-03").get("amount").n());
        unit.calls().reset();
        int deleted = unit.fromTransaction(em -> em.createQuery(
                "DELETE FROM Payment p WHERE p.account = :a AND p.at = :t")
                .setParameter("a", account).setParameter("t", "2026-01-03").executeUpdate());
        assertEquals(1, deleted);
        assertEquals(1, unit.calls().count("batchGetItem"), "one read over the three tables says which holds the key");
        assertEquals(2, unit.calls().total(), "then one delete, in that table: " + unit.calls().log());
        assertTrue(raw("InstantTransfer", "2026-01-03").isEmpty());
        int transfers = unit.fromTransaction(em -> em.createQuery(
                "DELETE FROM Transfer t WHERE t.account = :a").setParameter("a", account).executeUpdate());
        assertEquals(2, transfers);
        assertEquals(2L, (long) unit.withEntityManager(em -> em.createQuery(
                "SELECT COUNT(p) FROM Payment p WHERE p.account = :a", Long.class).setParameter("a", account).getSingleResult()));
    }

    @Test
    void persistMergeAndRemoveWriteTheConcreteClassesTable() {
        unit.inTransaction(em -> {
            InstantTransfer i = em.find(InstantTransfer.class, new PaymentId(account, "2026-01-03"));
            i.seconds = 9;
            em.remove(em.find(Payment.class, new PaymentId(account, "2026-01-01")));
        });
        assertEquals("9", raw("InstantTransfer", "2026-01-03").get("seconds").n());
        assertTrue(raw("Cards", "2026-01-01").isEmpty());
        Transfer detached = new Transfer();
        payment(detached, "2026-01-02", 99);
        unit.inTransaction(em -> em.merge(detached));
        assertEquals("99", raw("Transfer", "2026-01-02").get("amount").n());
    }

    @Test
    void theSecondLevelCacheAnswersEveryClassOfTheHierarchyUnderOneKey() {
        try (TestUnit cached = TestUnit.of(Payment.class, CardPayment.class, Transfer.class, InstantTransfer.class)
                .property(JynamoProperties.SHARED_CACHE_MODE, "ALL").build()) {
            cached.inTransaction(em -> em.persist(payment(new InstantTransfer(), "2026-02-01", 7)));
            cached.withEntityManager(em -> em.find(Payment.class, new PaymentId(account, "2026-02-01")));
            cached.calls().reset();
            assertInstanceOf(InstantTransfer.class,
                    cached.withEntityManager(em -> em.find(Transfer.class, new PaymentId(account, "2026-02-01"))));
            assertNull(cached.withEntityManager(em -> em.find(CardPayment.class, new PaymentId(account, "2026-02-01"))));
            assertEquals(0, cached.calls().total(), "answered from the cache, whose item names its class");
        }
    }

    /** A generated id comes from the root's one generator: siblings never share an id across their tables. */
    @Entity
    @Inheritance(strategy = InheritanceType.TABLE_PER_CLASS)
    public static class Shape {
        @Id
        @GeneratedValue
        public Long id;
    }

    @Entity
    public static class Circle extends Shape {
        public double radius;
    }

    @Entity
    public static class Square extends Shape {
        public double side;
    }

    @Test
    void generatedIdsAreUniqueAcrossTheHierarchysTablesAndSchemaGenerationHandlesEachTable() throws Exception {
        try (TestUnit shapes = TestUnit.of(Shape.class, Circle.class, Square.class).build()) {
            Circle c = new Circle();
            Square s = new Square();
            Shape plain = new Shape();
            shapes.inTransaction(em -> {
                em.persist(c);
                em.persist(s);
                em.persist(plain);
            });
            assertEquals(3, Set.of(c.id, s.id, plain.id).size(), "one counter for the hierarchy");
            assertInstanceOf(Square.class, shapes.withEntityManager(em -> em.find(Shape.class, s.id)));
            assertEquals(Shape.class, entityClass(shapes.withEntityManager(em -> em.find(Shape.class, plain.id))));
            Set<String> tables = TestUnit.sharedClient().listTables().tableNames().stream()
                    .filter(t -> t.startsWith(shapes.prefix())).collect(Collectors.toSet());
            assertTrue(tables.containsAll(Set.of(shapes.prefix() + "Shape", shapes.prefix() + "Circle", shapes.prefix() + "Square")), tables.toString());
            shapes.emf().getSchemaManager().validate();
            shapes.emf().getSchemaManager().drop(false);
            assertTrue(TestUnit.sharedClient().listTables().tableNames().stream()
                    .noneMatch(t -> t.equals(shapes.prefix() + "Circle") || t.equals(shapes.prefix() + "Square")));
            shapes.emf().getSchemaManager().create(false);
            shapes.emf().getSchemaManager().validate();
        }
    }

    @Entity
    @Table(name = "Same")
    @Inheritance(strategy = InheritanceType.TABLE_PER_CLASS)
    public static class Clashing {
        @Id
        public String id;
    }

    @Entity
    @Table(name = "Same")
    public static class ClashingChild extends Clashing {
        public int n;
    }

    @Test
    void twoConcreteEntitiesNamingOneTableFailTheFactory() {
        PersistenceException e = assertThrows(PersistenceException.class,
                () -> TestUnit.of(Clashing.class, ClashingChild.class).build().close());
        assertTrue(e.getMessage().contains("table") && e.getMessage().contains("@Table(name)"), e.getMessage());
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
