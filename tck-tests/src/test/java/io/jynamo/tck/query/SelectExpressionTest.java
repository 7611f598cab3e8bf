package io.jynamo.tck.query;

import io.jynamo.JynamoEntityManager;
import io.jynamo.tck.support.TestUnit;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Temporal;
import jakarta.persistence.TemporalType;
import jakarta.persistence.Tuple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.GregorianCalendar;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Scalar expressions as SELECT items (arithmetic, functions, CASE, literals, date parts), computed in Java for each
 * row read, with JPQL's result types; they read only the attributes they need and are not client-side work.
 */
class SelectExpressionTest {

    @Entity
    public static class Measure2 {
        @Id
        public String id;
        public Integer quantity;
        public int count;
        public Long total;
        public Double ratio;
        public Float weight;
        public BigDecimal price;
        public BigInteger big;
        public Short small;
        public String first;
        public String last;
        public LocalDate day;
        public LocalDateTime at;
        @Temporal(TemporalType.DATE)
        public java.util.Date legacy;
        public java.sql.Time time;
        public String note;

        public Measure2() {
        }
    }

    /** A result class constructed from computed items. */
    public record Line(String name, Integer length, BigDecimal gross) {
    }

    private static TestUnit unit;

    @BeforeAll
    static void start() {
        unit = TestUnit.of(Measure2.class).property("jynamo.scan", "allow").property("jynamo.client-side", "deny").build();
        unit.inTransaction(em -> {
            Measure2 m = new Measure2();
            m.id = "m1";
            m.quantity = 7;
            m.count = 3;
            m.total = 100L;
            m.ratio = 2.5;
            m.weight = 1.5f;
            m.price = new BigDecimal("19.99");
            m.big = new BigInteger("12345678901234567890");
            m.small = (short) 4;
            m.first = "Grace";
            m.last = "Hopper";
            m.day = LocalDate.of(1906, 12, 9);
            m.at = LocalDateTime.of(2024, 5, 17, 13, 45, 30, 250_000_000);
            m.legacy = new GregorianCalendar(2000, 1, 29).getTime();
            m.time = java.sql.Time.valueOf("08:15:42");
            em.persist(m);
            Measure2 n = new Measure2();
            n.id = "m2";
            n.first = "Alan";
            em.persist(n);
        });
    }

    @AfterAll
    static void stop() {
        unit.close();
    }

    @BeforeEach
    void reset() {
        unit.calls().reset();
    }

    private static Object one(String item) {
        return unit.withEntityManager(em -> em.createQuery("SELECT " + item + " FROM Measure2 m WHERE m.id = 'm1'")
                .getSingleResult());
    }

    @Test
    void arithmeticHasTheTypeOfItsWidestOperandAsTheTckExpects() {
        Object[][] cases = {
                {"(m.ratio + 1)", Double.class, 3.5}, {"(m.ratio / 1)", Double.class, 2.5},
                {"(m.weight * 1)", Float.class, 1.5f}, {"(m.weight - 1)", Float.class, 0.5f},
                {"(m.price + 1)", BigDecimal.class, new BigDecimal("20.99")},
                {"(m.price / 1)", BigDecimal.class, null},
                {"(m.big + 1)", BigInteger.class, new BigInteger("12345678901234567891")},
                {"(m.total - 1)", Long.class, 99L}, {"(m.total * 1)", Long.class, 100L},
                {"(m.small + 1)", Integer.class, 5}, {"(m.small * 1)", Integer.class, 4},
                {"m.quantity / 2", Integer.class, 3}, {"m.count * m.quantity", Integer.class, 21},
                {"m.quantity + m.total", Long.class, 107L}, {"m.quantity * m.ratio", Double.class, 17.5},
                {"-m.quantity", Integer.class, -7},
                {"m.quantity + 1L", Long.class, 8L}, {"m.quantity * 2D", Double.class, 14.0},
                {"m.quantity * 0.5F", Float.class, 3.5f}, {"m.quantity + 1BI", BigInteger.class, BigInteger.valueOf(8)}};
        for (Object[] c : cases) {
            Object v = one((String) c[0]);
            assertInstanceOf((Class<?>) c[1], v, (String) c[0]);
            if (c[2] != null) {
                assertEquals(c[2], v, (String) c[0]);
            }
        }
        assertEquals(0, new BigDecimal("19.99").compareTo((BigDecimal) one("m.price / 1")));
    }

    @Test
    void numberLiteralsWithTypeSuffixesCompareAsTheirValues() {
        Long count = unit.withEntityManager(em -> em.createQuery(
                "SELECT COUNT(m) FROM Measure2 m WHERE m.total = 100L AND m.ratio = 2.5D AND m.weight > 1F AND m.price < 20BD",
                Long.class).getSingleResult());
        assertEquals(1L, count);
    }

    @Test
    void functionsHaveTheirJpqlTypesAndValues() {
        assertEquals(5, one("LENGTH(m.first)"));
        assertEquals("Grace Hopper", one("CONCAT(m.first, ' ', m.last)"));
        assertEquals("Grace Hopper!", one("m.first || ' ' || m.last || '!'"), "|| is CONCAT");
        assertEquals("GRACE", one("UPPER(m.first)"));
        assertEquals("Gra", one("LEFT(m.first, 3)"));
        assertEquals("per", one("RIGHT(m.last, 3)"));
        assertEquals("Hoppa", one("REPLACE(m.last, 'er', 'a')"));
        assertEquals(Math.sqrt(7), one("SQRT(m.quantity)"));
        assertEquals(20, ((BigDecimal) one("CEILING(m.price)")).intValueExact());
        assertEquals(new BigDecimal("20.0"), one("ROUND(m.price, 1)"));
        assertEquals(1, one("MOD(m.quantity, 3)"));
        assertEquals(8.0, one("POWER(2, m.count)"));
        assertEquals(1, one("SIGN(m.ratio)"));
        assertEquals(7.5, one("ABS(m.ratio - 10)"));
        assertEquals("7", one("CAST(m.quantity AS String)"));
        assertEquals(19, one("CAST(m.price AS Integer)"));
        assertEquals(2, one("CAST(2 AS Integer)"));
        assertEquals("2", one("CAST(2 AS String)"));
        assertEquals((Object) 42L, unit.withEntityManager(em -> em.createQuery("SELECT CAST(:n AS Long) FROM Measure2 m WHERE m.id = 'm1'")
                .setParameter("n", 42).getSingleResult()), "a number parameter, as Criteria's toLong(literal(42)) sends it");
        assertEquals((Object) 7, unit.withEntityManager(em -> em.createQuery("SELECT CAST(:n AS Integer) FROM Measure2 m WHERE m.id = 'm1'")
                .setParameter("n", "7").getSingleResult()), "a string parameter");
        assertEquals("none", one("COALESCE(m.note, 'none')"));
        assertEquals("big", one("CASE WHEN m.quantity > 5 THEN 'big' ELSE 'small' END"));
        assertEquals("x", one("'x'"));
    }

    @Test
    void extractReadsThePartsOfEachKindOfDateAndTime() {
        assertEquals(1906, one("EXTRACT(YEAR FROM m.day)"));
        assertEquals(4, one("EXTRACT(QUARTER FROM m.day)"));
        assertEquals(12, one("EXTRACT(MONTH FROM m.day)"));
        assertEquals(9, one("EXTRACT(DAY FROM m.day)"));
        assertEquals(13, one("EXTRACT(HOUR FROM m.at)"));
        assertEquals(45, one("EXTRACT(MINUTE FROM m.at)"));
        assertEquals(30.25, one("EXTRACT(SECOND FROM m.at)"));
        assertEquals(LocalDate.of(2024, 5, 17), one("EXTRACT(DATE FROM m.at)"));
        assertEquals(2000, one("EXTRACT(YEAR FROM m.legacy)"), "java.util.Date in the JVM's time zone");
        assertEquals(29, one("EXTRACT(DAY FROM m.legacy)"));
        assertEquals(8, one("EXTRACT(HOUR FROM m.time)"));
        assertEquals(42.0, one("EXTRACT(SECOND FROM m.time)"));
        Number year = unit.withEntityManager(em -> em.createQuery(
                "SELECT EXTRACT(YEAR FROM m.day) FROM Measure2 m WHERE m.id = :id", Number.class)
                .setParameter("id", "m1").getSingleResult());
        assertEquals(1906, year);
        assertInstanceOf(java.sql.Date.class, one("CURRENT_DATE"));
        assertEquals(LocalDate.now(), one("LOCAL DATE"));
    }

    @Test
    void aComputedItemReadsOnlyTheAttributesItNeeds() {
        List<Object> sums = unit.withEntityManager(em -> em.createQuery(
                "SELECT m.quantity + m.count FROM Measure2 m WHERE m.first = 'Grace'").getResultList());
        assertEquals(List.of(10), sums);
        assertEquals(1, unit.calls().total(), "one Scan");
        ScanRequest scan = unit.calls().<ScanRequest>requests("scan").get(0);
        List<String> read = Arrays.stream(scan.projectionExpression().split(", "))
                .map(scan.expressionAttributeNames()::get).sorted().toList();
        assertEquals(List.of("count", "quantity"), read);
        assertEquals(10, one("m.quantity + m.count"), "by key: one GetItem");
    }

    @Test
    void nullPropagatesAndSeveralItemsMakeARowUnderTheDenyPolicy() {
        // jynamo.client-side=deny: computing select items drops and reorders no row, so it is allowed.
        List<Object[]> rows = unit.<List<Object[]>>withEntityManager(em -> em.createQuery(
                "SELECT m.id, m.quantity * 2, LENGTH(m.last), CONCAT(m.first, '!') FROM Measure2 m",
                Object[].class).getResultList()).stream().sorted((a, b) -> ((String) a[0]).compareTo((String) b[0])).toList();
        assertArrayEquals(new Object[] {"m1", 14, 6, "Grace!"}, rows.get(0));
        assertArrayEquals(new Object[] {"m2", null, null, "Alan!"}, rows.get(1));
        ScanRequest scan = unit.calls().<ScanRequest>requests("scan").get(0);
        assertEquals(4, scan.projectionExpression().split(", ").length, "id, quantity, last, first");
    }

    @Test
    void tuplesNameComputedItemsByTheirAliasesAndConstructorsTakeThem() {
        Tuple t = unit.withEntityManager(em -> em.createQuery(
                "SELECT m.first AS name, m.price * m.quantity AS gross FROM Measure2 m WHERE m.id = 'm1'", Tuple.class)
                .getSingleResult());
        assertEquals(new BigDecimal("139.93"), t.get("gross"));
        assertEquals(BigDecimal.class, t.getElements().get(1).getJavaType());
        Line line = unit.withEntityManager(em -> em.createQuery("SELECT NEW " + Line.class.getName()
                + "(m.first, LENGTH(m.first), m.price * m.quantity) FROM Measure2 m WHERE m.id = 'm1'", Line.class)
                .getSingleResult());
        assertEquals(new Line("Grace", 5, new BigDecimal("139.93")), line);
    }

    @Test
    void theNewFunctionsFilterInJavaUnderThePolicy() {
        List<String> ids = unit.withEntityManager(em -> em.createQuery(
                "SELECT m.id FROM Measure2 m WHERE EXTRACT(YEAR FROM m.day) < 1950 AND m.day < CURRENT_DATE", String.class)
                .setHint("jynamo.client-side", "allow").getResultList());
        assertEquals(List.of("m1"), ids);
    }

    @Test
    void explainShowsTheItemsComputedInJava() {
        String plan = unit.withEntityManager(em -> em.unwrap(JynamoEntityManager.class)
                .explain("SELECT m.quantity * 2, LENGTH(m.first) FROM Measure2 m WHERE m.id = 'm1'"));
        assertTrue(plan.contains("select in Java: (m.quantity * 2), LENGTH(m.first) (computed for each row read)"), plan);
        assertTrue(!plan.contains("in Java:        "), "not client-side work: " + plan);
    }

    @Test
    void orderByAResultVariableOrAComputedValueSortsInJavaUnderThePolicy() {
        List<Object[]> rows = unit.<List<Object[]>>withEntityManager(em -> em.createQuery(
                "SELECT m.id, LENGTH(m.first) AS len FROM Measure2 m ORDER BY len", Object[].class)
                .setHint("jynamo.client-side", "allow").getResultList());
        assertEquals(List.of("m2", "m1"), rows.stream().map(r -> r[0]).toList(), "Alan (4) before Grace (5)");
        assertEquals(4, rows.get(0)[1]);
        Exception denied = org.junit.jupiter.api.Assertions.assertThrows(Exception.class, () -> unit.withEntityManager(
                em -> em.createQuery("SELECT m FROM Measure2 m ORDER BY LENGTH(m.first)").getResultList()));
        assertTrue(denied.getMessage().contains("sort by LENGTH(m.first) ASC"), denied.getMessage());
    }
}
