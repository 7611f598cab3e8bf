package io.jynamo.tck.idgen;

import io.jynamo.JynamoProperties;
import io.jynamo.tck.idgen.Numbered.BigId;
import io.jynamo.tck.idgen.Numbered.IntId;
import io.jynamo.tck.idgen.Numbered.IntegerId;
import io.jynamo.tck.idgen.Numbered.Invoice;
import io.jynamo.tck.idgen.Numbered.LongId;
import io.jynamo.tck.idgen.Numbered.Seeded;
import io.jynamo.tck.idgen.Numbered.SharesSeeded;
import io.jynamo.tck.idgen.Numbered.TableSeeded;
import io.jynamo.tck.support.Calls;
import io.jynamo.tck.support.TestUnit;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceConfiguration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Numeric {@code @GeneratedValue} ids (JPA 3.2 section 11.1.20): hi/lo blocks from a counter item per generator. */
class NumericIdGenerationTest {

    private static final String SEQUENCES = "jynamo_sequences";

    /** The UpdateItem calls on the unit's generator table. */
    private static long counterUpdates(TestUnit unit) {
        return unit.calls().<UpdateItemRequest>requests("updateItem").stream()
                .filter(r -> r.tableName().equals(unit.prefix() + SEQUENCES)).count();
    }

    private static Map<String, AttributeValue> counter(TestUnit unit, String name) {
        var response = TestUnit.sharedClient().getItem(b -> b.tableName(unit.prefix() + SEQUENCES)
                .key(Map.of("name", AttributeValue.fromS(name))).consistentRead(true));
        return response.hasItem() && !response.item().isEmpty() ? response.item() : null;
    }

    /** A second factory on the tables of {@code unit}, sharing nothing with it but DynamoDB. */
    private static EntityManagerFactory secondFactory(TestUnit unit, Calls calls, Class<?>... classes) {
        PersistenceConfiguration configuration = new PersistenceConfiguration("second-" + unit.prefix());
        for (Class<?> c : classes) {
            configuration.managedClass(c);
        }
        configuration.property(JynamoProperties.CLIENT, calls.client());
        configuration.property(JynamoProperties.TABLE_PREFIX, unit.prefix());
        configuration.property(JynamoProperties.SCHEMA_ACTION, "none");
        return configuration.createEntityManagerFactory();
    }

    @Test
    void thousandPersistsWithTheDefaultBlockCostTwentyCounterUpdates() {
        try (TestUnit unit = TestUnit.of(Invoice.class).build()) {
            List<Invoice> invoices = new ArrayList<>();
            unit.inTransaction(em -> {
                for (int i = 0; i < 1_000; i++) {
                    Invoice invoice = new Invoice("c" + i);
                    em.persist(invoice);
                    assertNotNull(invoice.id, "assigned at persist");
                    invoices.add(invoice);
                }
            });
            assertEquals(20, counterUpdates(unit));
            assertEquals(20, unit.calls().count("updateItem"), "no other UpdateItem");
            assertEquals(40, unit.calls().count("batchWriteItem"), "1,000 puts, 25 a call");
            assertEquals(LongStream.rangeClosed(1, 1_000).boxed().toList(), invoices.stream().map(i -> i.id).toList(),
                    "the first id is 1 and one factory hands out its blocks in order");
            assertEquals("1000", counter(unit, "Invoice").get("next").n());
        }
    }

    @Test
    void twoFactoriesOnTheSameTablesNeverHandOutTheSameId() throws Exception {
        try (TestUnit unit = TestUnit.of(Invoice.class).build()) {
            Calls secondCalls = new Calls(TestUnit.sharedClient());
            EntityManagerFactory second = secondFactory(unit, secondCalls, Invoice.class);
            try {
                Queue ids = new Queue();
                CountDownLatch start = new CountDownLatch(1);
                ExecutorService threads = Executors.newFixedThreadPool(2);
                List<Future<?>> done = new ArrayList<>();
                for (EntityManagerFactory emf : List.of(unit.emf(), second)) {
                    done.add(threads.submit(() -> {
                        start.await();
                        for (int batch = 0; batch < 10; batch++) {
                            emf.runInTransaction(em -> {
                                for (int i = 0; i < 50; i++) {
                                    Invoice invoice = new Invoice("x");
                                    em.persist(invoice);
                                    ids.add(invoice.id);
                                }
                            });
                        }
                        return null;
                    }));
                }
                start.countDown();
                for (Future<?> f : done) {
                    f.get();
                }
                threads.shutdown();
                assertEquals(1_000, ids.size());
                assertEquals(1_000, new HashSet<>(ids).size(), "no id handed out twice");
                long stored = TestUnit.sharedClient().scan(b -> b.tableName(unit.prefix() + "Invoice").select("COUNT")).count();
                assertEquals(1_000, stored, "no put overwrote another factory's entity");
                assertEquals(10, counterUpdates(unit), "each factory reserves its own blocks");
            } finally {
                second.close();
            }
        }
    }

    private static final class Queue extends ConcurrentLinkedQueue<Long> {
    }

    @Test
    void initialValueAndAllocationSizeOfASequenceGeneratorAreHonoured() {
        try (TestUnit unit = TestUnit.of(Seeded.class).build()) {
            List<Long> ids = unit.fromTransaction(em -> {
                List<Long> out = new ArrayList<>();
                for (int i = 0; i < 12; i++) {
                    Seeded s = new Seeded();
                    em.persist(s);
                    out.add(s.id);
                }
                return out;
            });
            assertEquals(LongStream.range(1_000, 1_012).boxed().toList(), ids);
            assertEquals(2, counterUpdates(unit), "blocks of 10");
            assertEquals("20", counter(unit, "seeded").get("next").n(), "the counter holds how many ids were reserved");
        }
    }

    @Test
    void tableGeneratorStartsAfterItsInitialValueInItsBlocks() {
        try (TestUnit unit = TestUnit.of(TableSeeded.class).build()) {
            List<Long> ids = unit.fromTransaction(em -> {
                List<Long> out = new ArrayList<>();
                for (int i = 0; i < 6; i++) {
                    TableSeeded t = new TableSeeded();
                    em.persist(t);
                    out.add(t.id);
                }
                return out;
            });
            assertEquals(List.of(101L, 102L, 103L, 104L, 105L, 106L), ids);
            assertEquals(2, counterUpdates(unit), "blocks of 5");
            assertNotNull(counter(unit, "TableSeeded"), "an unnamed generator on the id is named after the entity");
        }
    }

    @Test
    void aGeneratorDeclaredOnThePackageIsHonoured() {
        try (TestUnit unit = TestUnit.of(io.jynamo.tck.idgen.pkg.Parcel.class).build()) {
            List<Long> ids = unit.fromTransaction(em -> {
                List<Long> out = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    var parcel = new io.jynamo.tck.idgen.pkg.Parcel();
                    em.persist(parcel);
                    out.add(parcel.id);
                }
                return out;
            });
            assertEquals(List.of(500L, 501L, 502L), ids);
            assertEquals(2, counterUpdates(unit), "blocks of 2");
        }
    }

    @Test
    void anUnnamedGeneratorIsTheEntitysOwnNotTheOneTheIdNames() {
        try (TestUnit unit = TestUnit.of(Numbered.NamesAnother.class).build()) {
            Numbered.NamesAnother e = new Numbered.NamesAnother();
            unit.inTransaction(em -> em.persist(e));
            assertEquals(1L, e.id, "generator 'another' has no declaration: JPA's defaults");
            assertNotNull(counter(unit, "another"));
        }
    }

    @Test
    void entitiesNamingOneGeneratorShareItsSeries() {
        try (TestUnit unit = TestUnit.of(Seeded.class, SharesSeeded.class).build()) {
            Set<Long> ids = unit.fromTransaction(em -> {
                Set<Long> out = new HashSet<>();
                for (int i = 0; i < 15; i++) {
                    Seeded s = new Seeded();
                    SharesSeeded t = new SharesSeeded();
                    em.persist(s);
                    em.persist(t);
                    out.add(s.id);
                    out.add(t.id);
                }
                return out;
            });
            assertEquals(30, ids.size());
            assertEquals(LongStream.range(1_000, 1_030).boxed().collect(java.util.stream.Collectors.toSet()), ids);
        }
    }

    @Test
    void entitiesInheritingAGeneratedIdFromAMappedSuperclassShareItsNamedGenerator() {
        try (TestUnit unit = TestUnit.of(Numbered.Document.class, Numbered.Letter.class, Numbered.Memo.class).build()) {
            Numbered.Letter letter = new Numbered.Letter();
            Numbered.Memo memo = new Numbered.Memo();
            Numbered.Letter another = new Numbered.Letter();
            unit.inTransaction(em -> {
                em.persist(letter);
                em.persist(memo);
                em.persist(another);
            });
            assertEquals(List.of(10L, 11L, 12L), List.of(letter.id, memo.id, another.id));
            assertEquals("3", counter(unit, "documents").get("next").n());
        }
    }

    @Test
    void intLongIntegerAndBigIntegerIdsAreGeneratedAndFoundByFindAndJpql() {
        try (TestUnit unit = TestUnit.of(IntId.class, LongId.class, IntegerId.class, BigId.class).build()) {
            IntId a = new IntId();
            a.label = "int";
            LongId b = new LongId();
            b.label = "long";
            IntegerId c = new IntegerId();
            c.label = "Integer";
            BigId d = new BigId();
            d.label = "BigInteger";
            IntId a2 = new IntId();
            unit.inTransaction(em -> {
                em.persist(a);
                em.persist(a2);
                em.persist(b);
                em.persist(c);
                em.persist(d);
            });
            assertEquals(1, a.id, "a primitive id of 0 is unassigned, so it is generated");
            assertEquals(2, a2.id);
            assertEquals(1L, b.id);
            assertEquals(1, c.id);
            assertEquals(BigInteger.ONE, d.id);
            unit.inTransaction(em -> {
                assertEquals("int", em.find(IntId.class, 1).label);
                assertEquals("long", em.find(LongId.class, 1L).label);
                assertEquals("Integer", em.find(IntegerId.class, 1).label);
                assertEquals("BigInteger", em.find(BigId.class, BigInteger.ONE).label);
            });
            unit.inTransaction(em -> {
                assertEquals("int", em.createQuery("select e from IntId e where e.id = :id", IntId.class)
                        .setParameter("id", 1).getSingleResult().label);
                assertEquals("long", em.createQuery("select e from LongId e where e.id = :id", LongId.class)
                        .setParameter("id", 1L).getSingleResult().label);
                assertEquals("Integer", em.createQuery("select e from IntegerId e where e.id = 1", IntegerId.class)
                        .getSingleResult().label);
                assertEquals("BigInteger", em.createQuery("select e from BigId e where e.id = :id", BigId.class)
                        .setParameter("id", BigInteger.ONE).getSingleResult().label);
            });
        }
    }

    @Test
    void anIdTheApplicationSetIsKept() {
        try (TestUnit unit = TestUnit.of(Invoice.class).build()) {
            Invoice mine = new Invoice("mine");
            mine.id = 777L;
            unit.inTransaction(em -> em.persist(mine));
            assertEquals(777L, mine.id);
            assertEquals(0, counterUpdates(unit), "no block reserved for an id that was set");
        }
    }

    @Test
    void mergeOfANewInstanceGeneratesItsId() {
        try (TestUnit unit = TestUnit.of(Invoice.class).build()) {
            Invoice merged = unit.fromTransaction(em -> em.merge(new Invoice("merged")));
            assertEquals(1L, merged.id);
            assertEquals("merged", unit.fromTransaction(em -> em.find(Invoice.class, 1L)).customer);
        }
    }

    @Test
    void aDuplicatedCounterUpdateWastesOneBlockAndNeverDuplicatesIds() {
        try (TestUnit unit = TestUnit.of(Seeded.class).build()) {
            Calls secondCalls = new Calls(TestUnit.sharedClient());
            EntityManagerFactory second = secondFactory(unit, secondCalls, Seeded.class);
            try {
                // The first factory's counter updates all reach DynamoDB twice, as when a response is lost and the
                // SDK sends the request again; it sees the second outcome.
                unit.calls().fault((op, request, real) -> {
                    if (op.equals("updateItem")) {
                        real.call(request);
                    }
                    return real.call(request);
                });
                Set<Long> ids = new HashSet<>();
                List<Long> first = persistSeeded(unit.emf(), 10);
                List<Long> other = persistSeeded(second, 10);
                List<Long> again = persistSeeded(unit.emf(), 1);
                ids.addAll(first);
                ids.addAll(other);
                ids.addAll(again);
                assertEquals(21, ids.size(), "no id handed out twice");
                assertEquals(LongStream.range(1_010, 1_020).boxed().toList(), first,
                        "the first delivery's block [1000, 1010) is wasted, never handed out");
                assertEquals(LongStream.range(1_020, 1_030).boxed().toList(), other);
                assertEquals(List.of(1_040L), again, "one block wasted per duplicated delivery, no more");
            } finally {
                second.close();
            }
        }
    }

    private static List<Long> persistSeeded(EntityManagerFactory emf, int count) {
        return emf.callInTransaction(em -> {
            List<Long> out = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                Seeded s = new Seeded();
                em.persist(s);
                out.add(s.id);
            }
            return out;
        });
    }

    @Test
    void aThrottledCounterUpdateIsRetried() {
        try (TestUnit unit = TestUnit.of(Invoice.class).build()) {
            AtomicInteger throttles = new AtomicInteger(2);
            unit.calls().fault((op, request, real) -> {
                if (op.equals("updateItem") && throttles.getAndDecrement() > 0) {
                    throw ProvisionedThroughputExceededException.builder().message("injected throttling").build();
                }
                return real.call(request);
            });
            Invoice invoice = new Invoice("throttled");
            unit.inTransaction(em -> em.persist(invoice));
            assertEquals(1L, invoice.id);
            assertEquals(3, counterUpdates(unit), "two throttled attempts, then the one that reserved the block");
            assertEquals("50", counter(unit, "Invoice").get("next").n(), "throttled attempts reserved nothing");
        }
    }

    @Test
    void idsContinueAfterTheFactoryIsClosedAndAnotherStarts() {
        try (TestUnit unit = TestUnit.of(Invoice.class).build()) {
            Invoice one = new Invoice("one");
            unit.inTransaction(em -> em.persist(one));
            Calls secondCalls = new Calls(TestUnit.sharedClient());
            EntityManagerFactory restarted = secondFactory(unit, secondCalls, Invoice.class);
            try {
                Invoice two = new Invoice("two");
                restarted.runInTransaction(em -> em.persist(two));
                assertEquals(1L, one.id);
                assertEquals(51L, two.id, "the rest of the first factory's block is never handed out by another");
                assertNotEquals(one.id, two.id);
            } finally {
                restarted.close();
            }
        }
    }
}
