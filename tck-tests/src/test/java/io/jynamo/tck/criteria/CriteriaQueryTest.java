package io.jynamo.tck.criteria;

import io.jynamo.tck.query.Item;
import io.jynamo.tck.support.TestUnit;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.persistence.TypedQuery;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaDelete;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.CriteriaUpdate;
import jakarta.persistence.criteria.ParameterExpression;
import jakarta.persistence.criteria.Root;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Criteria API (issue 12): criteria queries plan and run exactly as the JPQL they say. */
class CriteriaQueryTest {

    private static TestUnit unit;

    @BeforeAll
    static void data() {
        unit = TestUnit.of(Item.class).property("jynamo.scan", "allow").build();
        unit.inTransaction(em -> {
            for (int seq = 0; seq < 20; seq++) {
                Item i = new Item("small", seq);
                i.setName(seq % 2 == 0 ? "even" : "odd");
                i.setStatus(seq < 5 ? Item.Status.NEW : Item.Status.ACTIVE);
                i.setCount((long) seq);
                i.setPrice(new BigDecimal(seq + ".5"));
                i.setColor(seq < 3 ? "red" : null);
                i.setActive(seq % 5 == 0);
                i.setAddress(new Item.Address("City" + seq, "Z" + seq));
                em.persist(i);
            }
        });
    }

    @AfterAll
    static void close() {
        unit.close();
    }

    private static <R> R inEm(Function<EntityManager, R> work) {
        return unit.withEntityManager(work);
    }

    private static List<Integer> seqs(List<Item> items) {
        return items.stream().map(Item::getSeq).toList();
    }

    @Test
    void aKeyedSelectWithARangeAndADescendingSortKeyOrderIsOneQuery() {
        unit.calls().reset();
        List<Item> items = inEm(em -> {
            CriteriaBuilder cb = em.getCriteriaBuilder();
            CriteriaQuery<Item> q = cb.createQuery(Item.class);
            Root<Item> i = q.from(Item.class);
            q.select(i).where(cb.equal(i.get("bucket"), "small"), cb.ge(i.get("seq"), 10)).orderBy(cb.desc(i.get("seq")));
            return em.createQuery(q).getResultList();
        });
        assertEquals(IntStream.rangeClosed(10, 19).map(s -> 29 - s).boxed().toList(), seqs(items));
        assertEquals(1, unit.calls().count("query"));
        assertEquals(0, unit.calls().count("scan"));
    }

    @Test
    void conditionsOfEveryKindSelectWhatTheirJpqlSelects() {
        List<Integer> criteria = inEm(em -> {
            CriteriaBuilder cb = em.getCriteriaBuilder();
            CriteriaQuery<Item> q = cb.createQuery(Item.class);
            Root<Item> i = q.from(Item.class);
            q.where(cb.equal(i.get("bucket"), "small"),
                    cb.or(cb.between(i.get("seq"), 2, 4), cb.like(i.get("name"), "od%"), cb.isNotNull(i.get("color"))),
                    cb.not(cb.equal(i.get("status"), Item.Status.NEW)).not(),
                    i.get("address").get("city").in("City1", "City2", "City3", "City4"));
            return seqs(em.createQuery(q).getResultList());
        });
        List<Integer> jpql = inEm(em -> seqs(em.createQuery("SELECT i FROM Item i WHERE i.bucket = 'small' AND"
                + " (i.seq BETWEEN 2 AND 4 OR i.name LIKE 'od%' OR i.color IS NOT NULL) AND i.status = io.jynamo.tck.query.Item.Status.NEW"
                + " AND i.address.city IN ('City1', 'City2', 'City3', 'City4')", Item.class).getResultList()));
        assertEquals(List.of(1, 2, 3, 4), criteria);
        assertEquals(jpql, criteria);
    }

    @Test
    void aStringComparedWithANumberAttributeIsReadAsThatNumber() {
        List<Integer> found = inEm(em -> {
            CriteriaBuilder cb = em.getCriteriaBuilder();
            CriteriaQuery<Item> q = cb.createQuery(Item.class);
            Root<Item> i = q.from(Item.class);
            q.where(cb.equal(i.get("bucket"), "small"), cb.or(cb.equal(i.get("seq"), "7"), cb.equal(i.get("count"), " 9"),
                    cb.equal(i.get("price"), "11.5")));
            return seqs(em.createQuery(q).getResultList());
        });
        assertEquals(List.of(7, 9, 11), found);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> inEm(em -> {
            CriteriaBuilder cb = em.getCriteriaBuilder();
            CriteriaQuery<Item> q = cb.createQuery(Item.class);
            Root<Item> i = q.from(Item.class);
            return em.createQuery(q.where(cb.equal(i.get("bucket"), "small"), cb.equal(i.get("seq"), "seven"))).getResultList();
        }));
        assertTrue(e.getMessage().contains("java.lang.String"), e.getMessage());
    }

    @Test
    void aBooleanAttributeIsACondition() {
        List<Integer> active = inEm(em -> {
            CriteriaBuilder cb = em.getCriteriaBuilder();
            CriteriaQuery<Item> q = cb.createQuery(Item.class);
            Root<Item> i = q.from(Item.class);
            q.where(cb.equal(i.get("bucket"), "small"), cb.isTrue(i.get("active")));
            return seqs(em.createQuery(q).getResultList());
        });
        assertEquals(List.of(0, 5, 10, 15), active);
        List<Integer> inactive = inEm(em -> {
            CriteriaBuilder cb = em.getCriteriaBuilder();
            CriteriaQuery<Item> q = cb.createQuery(Item.class);
            Root<Item> i = q.from(Item.class);
            q.where(cb.and(cb.equal(i.get("bucket"), "small"), cb.conjunction()), cb.isFalse(i.get("active")));
            return seqs(em.createQuery(q).getResultList());
        });
        assertEquals(16, inactive.size());
    }

    @Test
    void aDisjunctionSeedGrowsIntoTheOrOfThePredicatesAddedToIt() {
        unit.calls().reset();
        List<Integer> found = inEm(em -> {
            CriteriaBuilder cb = em.getCriteriaBuilder();
            CriteriaQuery<Item> q = cb.createQuery(Item.class);
            Root<Item> i = q.from(Item.class);
            jakarta.persistence.criteria.Predicate any = cb.disjunction();
            for (int seq : new int[] {2, 7, 11}) {
                any = cb.or(any, cb.equal(i.get("seq"), seq));
            }
            q.where(cb.equal(i.get("bucket"), "small"), any).orderBy(cb.asc(i.get("seq")));
            return seqs(em.createQuery(q).getResultList());
        });
        assertEquals(List.of(2, 7, 11), found);
        assertEquals(1, unit.calls().count("query"), "the bucket still keys a Query");
        assertEquals(1, unit.calls().total());
    }

    @Test
    void aConditionThatIsAlwaysFalseFindsNothingWithoutCallingDynamoDb() {
        unit.calls().reset();
        List<Function<CriteriaBuilder, Function<Root<Item>, jakarta.persistence.criteria.Predicate>>> nevers = List.of(
                cb -> i -> cb.disjunction(),
                cb -> i -> cb.not(cb.conjunction()),
                cb -> i -> i.get("seq").in(List.of()),
                cb -> i -> cb.and(cb.equal(i.get("bucket"), "small"), cb.or(cb.disjunction(), cb.disjunction())),
                cb -> i -> cb.or(cb.disjunction(), cb.and(cb.isTrue(i.get("active")), cb.disjunction())));
        for (var never : nevers) {
            assertEquals(List.of(), inEm(em -> {
                CriteriaBuilder cb = em.getCriteriaBuilder();
                CriteriaQuery<Item> q = cb.createQuery(Item.class);
                Root<Item> i = q.from(Item.class);
                return em.createQuery(q.where(never.apply(cb).apply(i))).getResultList();
            }));
            Long count = inEm(em -> {
                CriteriaBuilder cb = em.getCriteriaBuilder();
                CriteriaQuery<Long> q = cb.createQuery(Long.class);
                Root<Item> i = q.from(Item.class);
                return em.createQuery(q.select(cb.count(i)).where(never.apply(cb).apply(i))).getSingleResult();
            });
            assertEquals(0L, count);
        }
        int deleted = unit.fromTransaction(em -> {
            CriteriaBuilder cb = em.getCriteriaBuilder();
            CriteriaDelete<Item> d = cb.createCriteriaDelete(Item.class);
            Root<Item> i = d.from(Item.class);
            return em.createQuery(d.where(cb.disjunction())).executeUpdate();
        });
        assertEquals(0, deleted);
        assertEquals(0, unit.calls().total());
    }

    @Test
    void constantConditionsFoldIntoTheConditionsAroundThem() {
        List<Function<CriteriaBuilder, Function<Root<Item>, jakarta.persistence.criteria.Predicate>>> everything = List.of(
                cb -> i -> cb.not(cb.disjunction()),
                cb -> i -> cb.or(cb.equal(i.get("seq"), 3), cb.conjunction()),
                cb -> i -> i.get("seq").in(List.of()).not(),
                cb -> i -> cb.and(cb.conjunction(), cb.not(cb.and(cb.isTrue(i.get("active")), cb.disjunction()))));
        for (var all : everything) {
            assertEquals(20, inEm(em -> {
                CriteriaBuilder cb = em.getCriteriaBuilder();
                CriteriaQuery<Item> q = cb.createQuery(Item.class);
                Root<Item> i = q.from(Item.class);
                return em.createQuery(q.where(cb.equal(i.get("bucket"), "small"), all.apply(cb).apply(i))).getResultList();
            }).size());
        }
        List<Integer> active = inEm(em -> {
            CriteriaBuilder cb = em.getCriteriaBuilder();
            CriteriaQuery<Item> q = cb.createQuery(Item.class);
            Root<Item> i = q.from(Item.class);
            q.where(cb.equal(i.get("bucket"), "small"), cb.or(cb.disjunction(), cb.isTrue(i.get("active"))));
            return seqs(em.createQuery(q).getResultList());
        });
        assertEquals(List.of(0, 5, 10, 15), active);
    }

    @Test
    void asStringOfANumberIsJpqlsCastSoThatLikeMatchesItsDigits() {
        List<Integer> found = inEm(em -> {
            CriteriaBuilder cb = em.getCriteriaBuilder();
            CriteriaQuery<Item> q = cb.createQuery(Item.class);
            Root<Item> i = q.from(Item.class);
            q.where(cb.equal(i.get("bucket"), "small"), cb.like(i.get("seq").as(String.class), "1%"))
                    .orderBy(cb.asc(i.get("seq")));
            return seqs(em.createQuery(q).getResultList());
        });
        assertEquals(List.of(1, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19), found);
    }

    @Test
    void aParameterInValuesIsDecidedAtBindWithoutChangingTheRead() {
        for (int bound : new int[] {2, 9}) {
            unit.calls().reset();
            List<Integer> found = inEm(em -> {
                CriteriaBuilder cb = em.getCriteriaBuilder();
                CriteriaQuery<Item> q = cb.createQuery(Item.class);
                Root<Item> i = q.from(Item.class);
                ParameterExpression<Integer> n = cb.parameter(Integer.class, "n");
                q.where(cb.equal(i.get("bucket"), "small"), cb.lt(i.get("seq"), 2), n.in(1, 2, 3));
                return seqs(em.createQuery(q).setParameter(n, bound).getResultList());
            });
            assertEquals(bound == 2 ? List.of(0, 1) : List.of(), found);
            assertEquals(bound == 2 ? 1 : 0, unit.calls().total(), "false: no call at all");
        }
        long count = inEm(em -> em.createQuery("SELECT COUNT(i) FROM Item i WHERE i.bucket = 'small' AND :s IN ('a', 'b')",
                Long.class).setParameter("s", "b").getSingleResult());
        assertEquals(20, count);
    }

    @Test
    void parameterObjectsNamedOrNotAreSetThroughTheQueryAndListedByIt() {
        List<Integer> found = inEm(em -> {
            CriteriaBuilder cb = em.getCriteriaBuilder();
            CriteriaQuery<Item> q = cb.createQuery(Item.class);
            Root<Item> i = q.from(Item.class);
            ParameterExpression<String> bucket = cb.parameter(String.class, "bucket");
            ParameterExpression<Integer> below = cb.parameter(Integer.class);
            q.where(cb.equal(i.get("bucket"), bucket), cb.lt(i.get("seq"), below));
            assertEquals(2, q.getParameters().size());
            TypedQuery<Item> query = em.createQuery(q);
            assertTrue(query.getParameters().contains(bucket) && query.getParameters().contains(below),
                    "the query lists the application's parameters, not the values it carries: " + query.getParameters());
            assertEquals(2, query.getParameters().size());
            assertThrows(IllegalStateException.class, query::getResultList, "an unset parameter");
            return seqs(query.setParameter(bucket, "small").setParameter(below, 3).getResultList());
        });
        assertEquals(List.of(0, 1, 2), found);
    }

    @Test
    void keysInAnInListAreOneBatchGetItem() {
        unit.calls().reset();
        List<Integer> found = inEm(em -> {
            CriteriaBuilder cb = em.getCriteriaBuilder();
            CriteriaQuery<Item> q = cb.createQuery(Item.class);
            Root<Item> i = q.from(Item.class);
            q.where(cb.equal(i.get("bucket"), "small"), cb.in(i.get("seq")).value(3).value(7).value(11));
            return seqs(em.createQuery(q).getResultList());
        });
        assertEquals(List.of(3, 7, 11), found.stream().sorted().toList());
        assertEquals(1, unit.calls().count("batchGetItem"));
        assertEquals(0, unit.calls().count("query") + unit.calls().count("scan"));
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void aCollectionParameterIsAnInListAsSpringDataFindAllByIdWritesIt() {
        unit.calls().reset();
        List<Integer> found = inEm(em -> {
            CriteriaBuilder cb = em.getCriteriaBuilder();
            CriteriaQuery<Item> q = cb.createQuery(Item.class);
            Root<Item> i = q.from(Item.class);
            ParameterExpression<java.util.Collection<?>> seqs = cb.parameter((Class) java.util.Collection.class);
            q.where(cb.equal(i.get("bucket"), "small"), i.get("seq").in(seqs));
            return seqs(em.createQuery(q).setParameter(seqs, List.of(2, 4)).getResultList());
        });
        assertEquals(List.of(2, 4), found.stream().sorted().toList());
        assertEquals(1, unit.calls().count("batchGetItem"));
    }

    @Test
    void attributesTuplesArraysAndConstructedResults() {
        inEm(em -> {
            CriteriaBuilder cb = em.getCriteriaBuilder();
            CriteriaQuery<String> names = cb.createQuery(String.class);
            Root<Item> i = names.from(Item.class);
            names.select(i.get("name")).where(cb.equal(i.get("bucket"), "small"), cb.lt(i.get("seq"), 2));
            assertEquals(List.of("even", "odd"), em.createQuery(names).getResultList());

            CriteriaQuery<Tuple> tuples = cb.createTupleQuery();
            Root<Item> t = tuples.from(Item.class);
            tuples.multiselect(t.get("seq").alias("s"), t.get("name")).where(cb.equal(t.get("bucket"), "small"),
                    cb.equal(t.get("seq"), 3));
            Tuple row = em.createQuery(tuples).getSingleResult();
            assertEquals(3, row.get("s"));
            assertEquals("odd", row.get(1, String.class));
            assertEquals(2, row.getElements().size());

            CriteriaQuery<Object[]> arrays = cb.createQuery(Object[].class);
            Root<Item> a = arrays.from(Item.class);
            arrays.multiselect(a.get("seq"), a.get("count")).where(cb.equal(a.get("bucket"), "small"), cb.equal(a.get("seq"), 4));
            assertArrayEquals(new Object[] {4, 4L}, em.createQuery(arrays).getSingleResult());

            CriteriaQuery<Summary> built = cb.createQuery(Summary.class);
            Root<Item> b = built.from(Item.class);
            built.select(cb.construct(Summary.class, b.get("seq"), b.get("name")))
                    .where(cb.equal(b.get("bucket"), "small"), cb.equal(b.get("seq"), 6));
            assertEquals(new Summary(6, "even"), em.createQuery(built).getSingleResult());
            return null;
        });
    }

    /** A result built by {@code cb.construct}. */
    public record Summary(Integer seq, String name) {
    }

    @Test
    void aSelectedLiteralIsOneRowPerEntityAsSpringDatasExistsWritesIt() {
        List<Integer> ones = inEm(em -> {
            CriteriaBuilder cb = em.getCriteriaBuilder();
            CriteriaQuery<Integer> q = cb.createQuery(Integer.class);
            Root<Item> i = q.from(Item.class);
            q.select(cb.literal(1)).where(cb.equal(i.get("bucket"), "small"), cb.equal(i.get("name"), "odd"));
            return em.createQuery(q).setMaxResults(1).getResultList();
        });
        assertEquals(List.of(1), ones);
    }

    @Test
    void stringFunctionsAndArithmeticAreEvaluatedInJavaAfterTheKeyedRead() {
        unit.calls().reset();
        List<Integer> found = inEm(em -> {
            CriteriaBuilder cb = em.getCriteriaBuilder();
            CriteriaQuery<Item> q = cb.createQuery(Item.class);
            Root<Item> i = q.from(Item.class);
            q.where(cb.equal(i.get("bucket"), "small"),
                    cb.gt(cb.length(i.get("name")), 3),                                   // "even"
                    cb.equal(cb.mod(i.get("seq"), 4), 0),                                  // 0, 4, 8, 12, 16
                    cb.lt(cb.prod(cb.sum(i.<Integer>get("seq"), 1), 2), 20),               // (seq + 1) * 2 < 20
                    cb.equal(cb.concat(cb.substring(i.get("name"), 1, 2), "!"), "ev!"),
                    cb.equal(cb.trim(CriteriaBuilder.Trimspec.LEADING, 'e', i.get("name")), "ven"),
                    cb.gt(cb.locate(i.get("name"), "v"), 1),
                    cb.gt(cb.locate(i.get("name"), cb.literal("e"), cb.toInteger(cb.literal(1))), 0)); // as the TCK writes it
            return seqs(em.createQuery(q).setHint("jynamo.client-side", "allow").getResultList());
        });
        assertEquals(List.of(0, 4, 8), found);
        assertEquals(1, unit.calls().count("query"), "the bucket equality is still the key condition");
        assertEquals(0, unit.calls().count("scan"));
    }

    @Test
    void everyTrimOverloadTrimsTheSideAndCharacterItNames() {
        List<Integer> found = inEm(em -> {
            CriteriaBuilder cb = em.getCriteriaBuilder();
            CriteriaQuery<Item> q = cb.createQuery(Item.class);
            Root<Item> i = q.from(Item.class);
            Expression<String> name = i.get("name");
            Expression<Character> e = cb.literal('e');
            q.where(cb.equal(i.get("bucket"), "small"),
                    cb.equal(cb.trim(name), "even"),
                    cb.equal(cb.trim(CriteriaBuilder.Trimspec.TRAILING, name), "even"),
                    cb.equal(cb.trim(e, name), "ven"),
                    cb.equal(cb.trim(CriteriaBuilder.Trimspec.TRAILING, e, name), "even"),
                    cb.equal(cb.trim('n', name), "eve"),
                    cb.equal(cb.trim(CriteriaBuilder.Trimspec.LEADING, 'n', name), "even"),
                    cb.lt(i.get("seq"), 5));
            return seqs(em.createQuery(q).setHint("jynamo.client-side", "allow").getResultList());
        });
        assertEquals(List.of(0, 2, 4), found);
    }

    @Test
    void countOfAnAttributeCountsItsNonNullValuesWithDynamoDbsCount() {
        unit.calls().reset();
        long colored = inEm(em -> em.createQuery("SELECT COUNT(i.color) FROM Item i WHERE i.bucket = 'small'", Long.class)
                .getSingleResult());
        assertEquals(3L, colored, "seq 0 to 2 are red, the rest have no color");
        assertEquals(1, unit.calls().count("query"));
        assertEquals(software.amazon.awssdk.services.dynamodb.model.Select.COUNT,
                unit.calls().<software.amazon.awssdk.services.dynamodb.model.QueryRequest>requests("query").get(0).select());
        assertEquals(20L, (long) inEm(em -> em.createQuery("SELECT COUNT(i.seq) FROM Item i WHERE i.bucket = 'small'",
                Long.class).getSingleResult()));
        long criteria = inEm(em -> {
            CriteriaBuilder cb = em.getCriteriaBuilder();
            CriteriaQuery<Long> q = cb.createQuery(Long.class);
            Root<Item> i = q.from(Item.class);
            q.select(cb.count(i.get("color"))).where(cb.equal(i.get("bucket"), "small"), cb.lt(i.get("seq"), 2));
            return em.createQuery(q).getSingleResult();
        });
        assertEquals(2L, criteria);
    }

    @Test
    void countOfTheRootIsOneLong() {
        long count = inEm(em -> {
            CriteriaBuilder cb = em.getCriteriaBuilder();
            CriteriaQuery<Long> q = cb.createQuery(Long.class);
            Root<Item> i = q.from(Item.class);
            q.select(cb.count(i)).where(cb.equal(i.get("bucket"), "small"), cb.equal(i.get("name"), "even"));
            return em.createQuery(q).getSingleResult();
        });
        assertEquals(10L, count);
    }

    @Test
    void likeWithAnEscapeCharacterAsSpringWritesItTakesEscapedCharactersAsText() {
        List<Integer> found = inEm(em -> {
            CriteriaBuilder cb = em.getCriteriaBuilder();
            CriteriaQuery<Item> q = cb.createQuery(Item.class);
            Root<Item> i = q.from(Item.class);
            q.where(cb.equal(i.get("bucket"), "small"), cb.like(i.get("address").get("zip"), "Z1%", '\\'));
            return seqs(em.createQuery(q).getResultList());
        });
        assertEquals(List.of(1, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19), found);
        List<Integer> percent = inEm(em -> {
            CriteriaBuilder cb = em.getCriteriaBuilder();
            CriteriaQuery<Item> q = cb.createQuery(Item.class);
            Root<Item> i = q.from(Item.class);
            ParameterExpression<String> p = cb.parameter(String.class, "p");
            q.where(cb.equal(i.get("bucket"), "small"), cb.like(i.get("name"), p, '\\'));
            return seqs(em.createQuery(q).setParameter("p", "%\\%%").getResultList());
        });
        assertEquals(List.of(), percent, "an escaped % is a percent sign, which no name holds");
    }

    @Test
    void criteriaUpdateAndDeleteRunAsBulkStatements() {
        unit.inTransaction(em -> {
            em.persist(new Item("bulk", 1));
            em.persist(new Item("bulk", 2));
        });
        unit.calls().reset();
        int updated = unit.fromTransaction(em -> {
            CriteriaBuilder cb = em.getCriteriaBuilder();
            CriteriaUpdate<Item> u = cb.createCriteriaUpdate(Item.class);
            Root<Item> i = u.from(Item.class);
            u.set(i.get("name"), "renamed").set("qty", 7).where(cb.equal(i.get("bucket"), "bulk"), cb.equal(i.get("seq"), 1));
            return em.createQuery(u).executeUpdate();
        });
        assertEquals(1, updated);
        assertEquals(1, unit.calls().count("updateItem"), "a keyed update is one conditional UpdateItem");
        Item one = inEm(em -> em.find(Item.class, new Item.Key("bulk", 1)));
        assertEquals("renamed", one.getName());
        assertEquals(7, one.getQty());

        int deleted = unit.fromTransaction(em -> {
            CriteriaBuilder cb = em.getCriteriaBuilder();
            CriteriaDelete<Item> d = cb.createCriteriaDelete(Item.class);
            Root<Item> i = d.from(Item.class);
            d.where(cb.equal(i.get("bucket"), "bulk"));
            return em.createQuery(d).executeUpdate();
        });
        assertEquals(2, deleted);
        assertEquals(List.of(), inEm(em -> em.createQuery("SELECT i FROM Item i WHERE i.bucket = 'bulk'", Item.class)
                .getResultList()));
    }

    @Test
    void theFactoryAndTheEntityManagerGiveTheSameBuilder() {
        CriteriaBuilder fromFactory = unit.emf().getCriteriaBuilder();
        inEm(em -> {
            assertSame(fromFactory, em.getCriteriaBuilder());
            return null;
        });
    }

    @Test
    void whatTheSubsetCannotSayIsRefusedNamingTheConstruct() {
        inEm(em -> {
            CriteriaBuilder cb = em.getCriteriaBuilder();
            CriteriaQuery<Item> q = cb.createQuery(Item.class);
            Root<Item> i = q.from(Item.class);
            assertTrue(assertThrows(IllegalArgumentException.class, () -> q.subquery(Integer.class))
                    .getMessage().contains("CriteriaQuery.subquery"));
            assertTrue(assertThrows(IllegalArgumentException.class, () -> i.join("address"))
                    .getMessage().contains("Root.join"));
            assertTrue(assertThrows(IllegalArgumentException.class, () -> q.groupBy(i.get("name")))
                    .getMessage().contains("CriteriaQuery.groupBy"));
            // Ordering by several attributes, sort key or not, is sorted in memory (ClientSideQueryTest).
            q.where(cb.equal(i.get("bucket"), "small")).orderBy(cb.asc(i.get("seq")), cb.asc(i.get("name")));
            em.createQuery(q);
            assertThrows(IllegalArgumentException.class, () -> i.get("noSuchAttribute"));
            return null;
        });
    }

    @Test
    void aQueryWithoutARootIsAnInvalidQueryForCreateQuery() {
        // JPA 3.2 EntityManager.createQuery(CriteriaQuery): IllegalArgumentException if the query is found invalid.
        inEm(em -> {
            CriteriaQuery<Item> q = em.getCriteriaBuilder().createQuery(Item.class);
            assertTrue(assertThrows(IllegalArgumentException.class, () -> em.createQuery(q)).getMessage().contains("no root"));
            return null;
        });
    }
}
