package io.jynamo.jpql;

import io.jynamo.jpql.model.AssociationInfo;
import io.jynamo.jpql.model.AttributeInfo;
import io.jynamo.jpql.model.EntityInfo;
import io.jynamo.jpql.model.IndexInfo;
import io.jynamo.jpql.model.QueryModel;
import io.jynamo.jpql.testing.TestModels;
import io.jynamo.jpql.testing.TestModels.Customer;
import io.jynamo.jpql.testing.TestModels.Person;
import io.jynamo.jpql.testing.TestModels.Purchase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** JPQL over relationships: foreign-key paths, entity comparisons, joins and fetch joins (model {@code RELATIONS}). */
class RelationshipQueryTest {

    private static CompiledQuery compile(String q) {
        return JpqlCompiler.compile(q, TestModels.RELATIONS);
    }

    private static BoundPlan plan(String q, Object... args) {
        Map<Object, Object> m = new HashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            m.put(args[i], args[i + 1]);
        }
        return compile(q).bind(m, null);
    }

    private static List<Object> keyValues(BoundPlan p) {
        List<Object> out = new ArrayList<>();
        p.keys().forEach(k -> k.values().forEach(v -> out.add(v.value())));
        return out;
    }

    // ---- navigation to the target's key ------------------------------------------------------

    @Test
    void idOfAnEntityIsItsKeyAttributeAndOfAToOneItsForeignKey() {
        BoundPlan own = plan("SELECT ID(o) FROM Order o WHERE ID(o) = :id", "id", "o5");
        assertEquals(Operation.GET_ITEM, own.operation());
        assertEquals(List.of("id"), compile("SELECT ID(o) FROM Order o WHERE ID(o) = :id").selectedAttributes().stream()
                .map(AttributeInfo::path).toList());
        for (String q : List.of("SELECT o FROM Order o WHERE ID(o.customer) = :id",
                "SELECT o FROM Order o JOIN o.customer c WHERE ID(c) = :id")) {
            BoundPlan fk = plan(q, "id", 7L);
            assertEquals("byCustomer", fk.indexName(), q);
            assertEquals("customer_id", fk.names().get("#n0"), q);
        }
        var composite = assertThrows(IllegalArgumentException.class, () -> compile("SELECT o FROM Order o WHERE ID(o.owner) = 1"));
        assertTrue(composite.getMessage().contains("ID(o.owner) is not supported: User has a composite key"), composite.getMessage());
        var notEntity = assertThrows(IllegalArgumentException.class, () -> compile("SELECT o FROM Order o WHERE ID(o.total) = 1"));
        assertTrue(notEntity.getMessage().contains("ID takes an identification variable or a path to a to-one"),
                notEntity.getMessage());
    }

    @Test
    void pathToTheTargetKeyIsAConditionOnTheForeignKeyAndUsesItsIndex() {
        BoundPlan p = plan("SELECT o FROM Order o WHERE o.customer.id = :id AND o.total > 3", "id", 7L);
        assertEquals(Operation.QUERY, p.operation());
        assertEquals("byCustomer", p.indexName());
        assertEquals("#n0 = :v0", p.keyCondition());
        assertEquals("customer_id", p.names().get("#n0"));
        assertEquals(7L, p.values().get(":v0").value());
        assertEquals("customer.id", p.values().get(":v0").attribute().path());
        assertEquals("#n1 > :v1", p.filter());
    }

    @Test
    void inBetweenAndOrderingOnTheTargetKeyAreForeignKeyConditions() {
        assertEquals("#n0 IN (:v0, :v1)", plan("SELECT o FROM Order o WHERE o.customer.id IN (1, 2)").filter());
        assertEquals("(#n0 >= :v0 AND #n0 <= :v1)", plan("SELECT o FROM Order o WHERE o.customer.id BETWEEN 1 AND 9").filter());
        BoundPlan p = plan("SELECT o FROM Order o WHERE o.owner.lastName = 'S' AND o.owner.firstName <> 'J'");
        assertEquals("#n0 = :v0 AND (attribute_exists(#n1) AND #n1 <> :v1)", p.filter());
        assertEquals(Map.of("#n0", "owner_last", "#n1", "owner_first"), p.names());
    }

    @Test
    void foreignKeyMayBeStoredUnderAnyAttributePathTheAssociationNames() {
        // the target's key is reachable as 'id' and as the embedded-id path 'pk.id' (same stored name)
        Map<String, AttributeInfo> targetAttrs = Map.of(
                "id", TestModels.attr("id", "id", ValueKind.STRING, String.class),
                "pk.id", new AttributeInfo("pk.id", List.of("id"), ValueKind.STRING, String.class, null),
                "name", TestModels.attr("name", "name", ValueKind.STRING, String.class));
        EntityInfo target = new EntityInfo("Shop", "shops", "id", null, List.of(), targetAttrs);
        EntityInfo owner = new EntityInfo("Visit", "visits", "id", null, List.of(new IndexInfo("byShop", "shopRef", null, true)),
                Map.of("id", TestModels.attr("id", "id", ValueKind.STRING, String.class),
                        "shopRef", TestModels.attr("shopRef", "shop_ref", ValueKind.STRING, String.class)),
                Map.of("shop", AssociationInfo.owningToOne("shop", "Shop", Map.of("id", "shopRef"))), null, null);
        QueryModel model = name -> Optional.ofNullable(Map.of("Shop", target, "Visit", owner).get(name));
        for (String q : List.of("SELECT v FROM Visit v WHERE v.shop.id = 's'", "SELECT v FROM Visit v WHERE v.shop.pk.id = 's'",
                "SELECT v FROM Visit v JOIN v.shop s WHERE s.pk.id = 's'")) {
            BoundPlan p = JpqlCompiler.compile(q, model).bind(Map.of(), null);
            assertEquals("byShop", p.indexName(), q);
            assertEquals("shop_ref", p.names().get("#n0"), q);
        }
        var e = assertThrows(IllegalArgumentException.class,
                () -> JpqlCompiler.compile("SELECT v FROM Visit v WHERE v.shop = :s", model));
        assertTrue(e.getMessage().contains("v.shop is an entity, and the query model cannot read the key of a Shop argument"),
                e.getMessage());
        BoundPlan name = JpqlCompiler.compile("SELECT v.shop.name FROM Visit v", model).bind(Map.of(), null);
        assertEquals("#n0", name.projection(), "the foreign key is read, the name comes from the Shop loaded");
        assertEquals("shop_ref", name.names().get("#n0"));
    }

    @Test
    void selectingTheTargetKeyProjectsTheForeignKey() {
        CompiledQuery q = compile("SELECT o.id, o.customer.id FROM Order o WHERE o.id = 'a'");
        assertEquals(List.of("id", "customer.id"), q.selectedAttributes().stream().map(a -> a.path()).toList());
        BoundPlan p = q.bind(Map.of(), null);
        assertEquals("#n0, #n1", p.projection());
        assertEquals("customer_id", p.names().get("#n1"));
    }

    // ---- entity comparisons on a to-one ------------------------------------------------------

    @Test
    void toOneEqualsAnEntityComparesTheForeignKeyWithItsKey() {
        BoundPlan p = plan("SELECT o FROM Order o WHERE o.customer = :c", "c", new Customer(42L));
        assertEquals(Operation.QUERY, p.operation());
        assertEquals("byCustomer", p.indexName());
        assertEquals("#n0 = :v0", p.keyCondition());
        assertEquals(42L, p.values().get(":v0").value());
        assertEquals("customer.id", p.values().get(":v0").attribute().path());
    }

    @Test
    void toOneDifferentFromAnEntityNeedsTheForeignKeyToExist() {
        BoundPlan p = plan("SELECT o FROM Order o WHERE o.customer <> :c", "c", new Customer(42L));
        assertEquals(Operation.SCAN, p.operation());
        assertEquals("(attribute_exists(#n0) AND #n0 <> :v0)", p.filter());
        assertEquals("(attribute_exists(#n0) AND #n0 <> :v0)",
                plan("SELECT o FROM Order o WHERE NOT (o.customer = :c)", "c", new Customer(42L)).filter());
    }

    @Test
    void toOneInEntitiesIsInOfTheirKeys() {
        BoundPlan p = plan("SELECT o FROM Order o WHERE o.customer IN (:a, :b)", "a", new Customer(1L), "b", new Customer(2L));
        assertEquals("#n0 IN (:v0, :v1)", p.filter());
        BoundPlan list = plan("SELECT o FROM Order o WHERE o.customer IN :cs", "cs",
                List.of(new Customer(1L), new Customer(2L), new Customer(1L)));
        assertEquals("#n0 IN (:v0, :v1)", list.filter());
        assertTrue(plan("SELECT o FROM Order o WHERE o.customer IN :cs", "cs", List.of()).alwaysEmpty());
        assertEquals(Operation.SCAN, plan("SELECT o FROM Order o WHERE o.customer NOT IN :cs", "cs", List.of()).operation());
        assertTrue(plan("SELECT o FROM Order o WHERE o.customer NOT IN :cs", "cs",
                Arrays.asList(new Customer(1L), null)).alwaysEmpty());
    }

    @Test
    void toOneIsNullIsTheAbsenceOfTheForeignKey() {
        assertEquals("attribute_not_exists(#n0)", plan("SELECT o FROM Order o WHERE o.customer IS NULL").filter());
        assertEquals("attribute_exists(#n0)", plan("SELECT o FROM Order o WHERE o.customer IS NOT NULL").filter());
        assertEquals("attribute_not_exists(#n0) AND attribute_not_exists(#n1)",
                plan("SELECT o FROM Order o WHERE o.owner IS NULL").filter());
    }

    @Test
    void nullOrKeylessEntityArgumentEqualsNothing() {
        assertTrue(plan("SELECT o FROM Order o WHERE o.customer = :c", "c", null).alwaysEmpty());
        assertTrue(plan("SELECT o FROM Order o WHERE o.customer = :c", "c", new Customer(null)).alwaysEmpty());
        assertTrue(plan("SELECT o FROM Order o WHERE o.customer <> :c", "c", new Customer(null)).alwaysEmpty());
        assertTrue(plan("SELECT o FROM Order o WHERE o.customer = NULL").alwaysEmpty());
    }

    @Test
    void compositeTargetKeyComparesEveryPart() {
        BoundPlan eq = plan("SELECT o FROM Order o WHERE o.owner = :p", "p", new Person("Smith", "John"));
        assertEquals("#n0 = :v0 AND #n1 = :v1", eq.filter());
        assertEquals(Map.of("#n0", "owner_last", "#n1", "owner_first"), eq.names());
        assertEquals("Smith", eq.values().get(":v0").value());
        BoundPlan ne = plan("SELECT o FROM Order o WHERE o.owner <> :p", "p", new Person("Smith", "John"));
        assertEquals("(attribute_exists(#n0) AND #n0 <> :v0) OR (attribute_exists(#n1) AND #n1 <> :v1)", ne.filter());
        BoundPlan in = plan("SELECT o FROM Order o WHERE o.owner IN :ps", "ps",
                List.of(new Person("S", "J"), new Person("S", "K")));
        assertEquals("(#n0 = :v0 AND #n1 = :v1) OR (#n0 = :v2 AND #n1 = :v3)", in.filter());
    }

    @Test
    void entityArgumentOfTheWrongClassIsRefusedAtBind() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> plan("SELECT o FROM Order o WHERE o.customer = :c", "c", "not a customer"));
        assertTrue(e.getMessage().contains(":c") && e.getMessage().contains(Customer.class.getName()), e.getMessage());
        assertEquals(Customer.class, compile("SELECT o FROM Order o WHERE o.customer = :c").parameter("c").expectedType());
        assertTrue(compile("SELECT o FROM Order o WHERE o.customer IN :c").parameter("c").collectionAllowed());
    }

    @Test
    void entityComparisonWithoutAKeyExtractorIsRefusedAtCompile() {
        // USER in TestModels.MODEL has no key extractor
        var e = assertThrows(IllegalArgumentException.class, () -> JpqlCompiler.compile(
                "SELECT u FROM User u WHERE u = :u", TestModels.MODEL));
        assertTrue(e.getMessage().contains("line 1, column 28: 'u' is the entity itself, and the query model cannot "
                + "read the key of a User argument"), e.getMessage());
        assertTrue(e.getMessage().contains("Hint: compare its key attributes, e.g. u.lastName = :key"), e.getMessage());
    }

    // ---- entity comparisons on the root (issue 12) -------------------------------------------

    @Test
    void rootEqualsAnEntityIsGetItem() {
        BoundPlan p = plan("SELECT o FROM Order o WHERE o = :o", "o", new Purchase("a"));
        assertEquals(Operation.GET_ITEM, p.operation());
        assertEquals(List.of("a"), keyValues(p));
        BoundPlan composite = plan("SELECT u FROM User u WHERE u = ?1", 1, new Person("Smith", "John"));
        assertEquals(Operation.GET_ITEM, composite.operation());
        assertEquals(List.of("Smith", "John"), keyValues(composite));
    }

    @Test
    void rootEqualsOneOfSeveralEntitiesIsBatchGetItem() {
        BoundPlan or = plan("SELECT o FROM Order o WHERE o = ?1 OR o = ?2 OR o = ?3", 1, new Purchase("a"),
                2, new Purchase("b"), 3, new Purchase("a"));
        assertEquals(Operation.BATCH_GET_ITEM, or.operation());
        assertEquals(List.of("a", "b"), keyValues(or));
        BoundPlan in = plan("SELECT u FROM User u WHERE u IN :us", "us",
                List.of(new Person("S", "J"), new Person("T", "K"), new Person("S", "J")));
        assertEquals(Operation.BATCH_GET_ITEM, in.operation());
        assertEquals(List.of("S", "J", "T", "K"), keyValues(in));
        assertEquals(Map.of("last_name", "S", "first_name", "J"), Map.of(
                "last_name", in.keys().get(0).get("last_name").value(), "first_name", in.keys().get(0).get("first_name").value()));
    }

    @Test
    void disjunctionOfKeyEqualitiesIsBatchGetItem() {
        BoundPlan p = plan("SELECT o FROM Order o WHERE o.id = 'a' OR o.id IN ('b', 'c') OR o.id = 'a'");
        assertEquals(Operation.BATCH_GET_ITEM, p.operation());
        assertEquals(List.of("a", "b", "c"), keyValues(p));
        BoundPlan notKeys = plan("SELECT o FROM Order o WHERE o.id = 'a' OR o.total = 3");
        assertEquals(Operation.SCAN, notKeys.operation());
    }

    @Test
    void springDataDeleteAllInBatchIsAKeyedDelete() {
        BoundPlan p = plan("delete from Order x where x = ?1 or x = ?2", 1, new Purchase("a"), 2, new Purchase("b"));
        assertEquals(StatementKind.DELETE, compile("delete from Order x where x = ?1 or x = ?2").kind());
        assertEquals(Operation.BATCH_GET_ITEM, p.operation());
        assertEquals(List.of("a", "b"), keyValues(p));
        assertNull(p.writeCondition());
    }

    @Test
    void rootDifferentFromAnEntityIsAKeyFilter() {
        BoundPlan p = plan("SELECT o FROM Order o WHERE o <> :o AND o.customer.id = 1", "o", new Purchase("a"));
        assertEquals(Operation.QUERY, p.operation());
        assertEquals("(attribute_exists(#n1) AND #n1 <> :v1)", p.filter());
        assertEquals("id", p.names().get("#n1"));
    }

    // ---- joins -------------------------------------------------------------------------------

    @Test
    void joinWithConditionsOnTheTargetKeyIsRewrittenToTheForeignKey() {
        BoundPlan p = plan("SELECT o FROM Order o JOIN o.customer c WHERE c.id = :id", "id", 5L);
        assertEquals(Operation.QUERY, p.operation());
        assertEquals("byCustomer", p.indexName());
        assertEquals("#n0 = :v0", p.keyCondition());
        assertEquals("attribute_exists(#n0)", p.filter());
        BoundPlan entity = plan("SELECT o FROM Order AS o INNER JOIN o.customer AS c WHERE c = :c", "c", new Customer(5L));
        assertEquals("#n0 = :v0", entity.keyCondition());
        assertTrue(compile("SELECT o FROM Order o JOIN o.customer c WHERE c.id = :id").fetches().isEmpty());
    }

    @Test
    void innerJoinKeepsOnlyOwnersWithATargetAndLeftJoinKeepsAll() {
        assertEquals("attribute_exists(#n0)", plan("SELECT o FROM Order o JOIN o.customer c").filter());
        assertEquals("attribute_exists(#n0) AND attribute_exists(#n1)", plan("SELECT o FROM Order o JOIN o.owner w").filter());
        BoundPlan left = plan("SELECT o FROM Order o LEFT OUTER JOIN o.customer c");
        assertNull(left.filter());
        assertEquals(Operation.SCAN, left.operation());
        assertEquals("attribute_not_exists(#n0)", plan("SELECT o FROM Order o LEFT JOIN o.customer c WHERE c IS NULL").filter());
        assertEquals("#n0 = :v0", plan("SELECT COUNT(o) FROM Order o JOIN o.customer c WHERE c.id = 3").keyCondition());
    }

    @Test
    void selectingTheJoinedKeyProjectsTheForeignKey() {
        BoundPlan p = plan("SELECT o.id, c.id FROM Order o LEFT JOIN o.customer c WHERE o.id = 'x'");
        assertEquals("#n0, #n1", p.projection());
        assertEquals("customer_id", p.names().get("#n1"));
    }

    @Test
    void fetchJoinsArePartOfThePlanAndOfExplain() {
        CompiledQuery q = compile("SELECT o FROM Order o LEFT JOIN FETCH o.customer JOIN FETCH o.owner w "
                + "LEFT JOIN FETCH o.lines LEFT JOIN FETCH o.tags LEFT JOIN FETCH o.customer WHERE o.id = :id");
        assertEquals(List.of("customer", "owner", "lines", "tags"), q.fetches().stream().map(a -> a.name()).toList());
        BoundPlan p = q.bind(Map.of("id", "a"), null);
        assertEquals(Operation.GET_ITEM, plan("SELECT o FROM Order o LEFT JOIN FETCH o.customer WHERE o.id = 'a'").operation());
        assertEquals(q.fetches(), p.fetches());
        // the inner fetch join of owner keeps orders with an owner
        assertEquals(Operation.QUERY, p.operation());
        assertEquals("attribute_exists(#n1) AND attribute_exists(#n2)", p.filter());
        String explain = p.explain();
        assertTrue(explain.contains("then fetch:     customer -> Customer: BatchGetItem of the distinct keys"), explain);
        assertTrue(explain.contains("then fetch:     lines -> OrderLine: one Query per result on index byOrder (OrderLine.order)"), explain);
        assertTrue(explain.contains("then fetch:     tags -> Thing: one Query per result on link table order_tags"), explain);
        assertTrue(q.explain(null).contains("then fetch:     owner -> User"), q.explain(null));
    }

    @Test
    void innerJoinOnKeyReadsSaysWhyItIsNotABatchGet() {
        BoundPlan p = plan("SELECT o FROM Order o JOIN FETCH o.customer WHERE o.id IN ('a', 'b')");
        assertEquals(Operation.SCAN, p.operation());
        assertTrue(p.scanReason().contains("use LEFT JOIN [FETCH] when the association is never null"), p.scanReason());
        assertEquals(Operation.BATCH_GET_ITEM,
                plan("SELECT o FROM Order o LEFT JOIN FETCH o.customer WHERE o.id IN ('a', 'b')").operation());
        BoundPlan one = plan("SELECT o FROM Order o JOIN FETCH o.customer WHERE o.id = 'a'");
        assertEquals(Operation.QUERY, one.operation());
        assertEquals("attribute_exists(#n1)", one.filter());
    }

    @Test
    void fetchJoinOfACollectionOnTheOwnerKeyStaysAGetItem() {
        BoundPlan p = plan("SELECT c FROM Customer c LEFT JOIN FETCH c.orders WHERE c.id = 1");
        assertEquals(Operation.GET_ITEM, p.operation());
        assertEquals("orders", p.fetches().get(0).name());
        assertTrue(compile("SELECT c FROM Customer c WHERE c.id = 1").fetches().isEmpty());
    }

    @Test
    void anInnerFetchJoinOfAnAssociationStoredOnTheOtherSideIsAFetchWhoseEmptyOwnersAreDropped() {
        CompiledQuery inner = compile("SELECT c FROM Customer c JOIN FETCH c.orders JOIN FETCH c.profile WHERE c.id = 1");
        assertEquals(List.of("orders", "profile"), inner.fetches().stream().map(AssociationInfo::name).toList());
        assertEquals(List.of("orders", "profile"), inner.innerFetches().stream().map(AssociationInfo::name).toList());
        assertTrue(compile("SELECT c FROM Customer c LEFT JOIN FETCH c.orders WHERE c.id = 1").innerFetches().isEmpty());
        assertTrue(compile("SELECT o FROM Order o JOIN FETCH o.customer WHERE o.id = 'a'").innerFetches().isEmpty(),
                "an owning to-one's inner fetch is the foreign key's existence test");
    }

    @Test
    void aDistinctJoinOfACollectionWithoutConditionsOnItIsAnExistenceTestOrNothing() {
        BoundPlan inner = plan("SELECT DISTINCT c FROM Customer c JOIN c.orders o WHERE c.name = 'x'");
        assertEquals("filter SIZE(c.orders) > 0", inner.clientSide().describe(), "the customers with an order");
        BoundPlan left = plan("SELECT DISTINCT c FROM Customer c LEFT JOIN c.orders o WHERE c.name = 'x'");
        assertNull(left.clientSide(), "every customer, each once");
        assertEquals(inner.filter(), left.filter());
    }

    @Test
    void aCollectionMemberDeclarationIsAnInnerJoin() {
        assertEquals(compile("SELECT DISTINCT c FROM Customer c JOIN c.orders o WHERE o.total > 1").explain(null),
                compile("SELECT DISTINCT Object(c) FROM Customer c, IN(c.orders) AS o WHERE o.total > 1").explain(null));
        assertEquals(compile("SELECT DISTINCT c FROM Customer c JOIN c.orders o").explain(null),
                compile("select distinct c from Customer c, in (c.orders) o").explain(null));
        var e = assertThrows(IllegalArgumentException.class, () -> compile("SELECT c FROM Customer c, IN(c.orders)"));
        assertTrue(e.getMessage().contains("an identification variable"), e.getMessage());
        var two = assertThrows(IllegalArgumentException.class, () -> compile("SELECT c FROM Customer c, Order o"));
        assertTrue(two.getMessage().contains("several entities in FROM"), two.getMessage());
    }

    @Test
    void orderByAToOneIsOrderByItsForeignKey() {
        BoundPlan p = plan("SELECT o FROM Order o ORDER BY o.customer DESC");
        assertTrue(p.clientSide().sorts());
        assertEquals(plan("SELECT o FROM Order o ORDER BY o.customer.id DESC").projection(), p.projection());
        assertTrue(p.clientSide().describe().contains("o.customer DESC"), p.clientSide().describe());
    }

    @Test
    void explainShowsTheKeyOfAnUnboundEntityParameter() {
        String e = compile("SELECT o FROM Order o WHERE o.customer = :c").explain(null);
        assertTrue(e.contains("key condition:  #n0 = :v0"), e);
        assertTrue(e.contains(":v0=:c.id (as customer.id)"), e);
        assertTrue(e.contains("note:           o.customer is compared with the key of the entity bound to :c"), e);
        String keys = compile("SELECT o FROM Order o WHERE o IN :os").explain(null);
        assertTrue(keys.contains("operation:      BATCH_GET_ITEM"), keys);
        assertTrue(keys.contains("keys:           {id=:os.id (as id)}"), keys);
    }

    @Test
    void planCachedByTextKeepsNoArgument() {
        CompiledQuery q = compile("SELECT o FROM Order o WHERE o.customer = :c");
        BoundPlan a = q.bind(Map.of("c", new Customer(1L)), null);
        BoundPlan b = q.bind(Map.of("c", new Customer(2L)), null);
        assertEquals(1L, a.values().get(":v0").value());
        assertEquals(2L, b.values().get(":v0").value());
        assertFalse(q.explain(null).contains("=1 "), q.explain(null));
    }

    // ---- selecting a to-one ------------------------------------------------------------------

    @Test
    void selectingAToOneReadsTheForeignKeysOfOwnersThatHaveOneThenTheTargets() {
        CompiledQuery q = JpqlCompiler.compile("SELECT o.customer FROM Order o WHERE o.total > 5",
                TestModels.RELATIONS_READING_TARGETS);
        assertEquals(SelectKind.ATTRIBUTES, q.selectKind());
        assertEquals(List.of("customer.id"), q.selectedAttributes().stream().map(a -> a.path()).toList());
        assertEquals("customer", q.selectedAssociation().name());
        BoundPlan p = q.bind(Map.of(), null);
        assertEquals(Operation.SCAN, p.operation());
        assertEquals("#n0 > :v0 AND attribute_exists(#n1)", p.filter());
        assertEquals("#n1", p.projection());
        assertEquals("customer", p.selectedAssociation().name());
        assertTrue(p.explain().contains("then read:      customer -> Customer: BatchGetItem of the distinct keys"), p.explain());
        assertNull(compile("SELECT o FROM Order o").selectedAssociation());
    }

    @Test
    void selectingTheJoinedToOneIsTheSameTwoStepRead() {
        CompiledQuery q = JpqlCompiler.compile("SELECT w FROM Order o JOIN o.owner w WHERE o.id = 'a'",
                TestModels.RELATIONS_READING_TARGETS);
        assertEquals(List.of("owner.lastName", "owner.firstName"), q.selectedAttributes().stream().map(a -> a.path()).toList());
        BoundPlan p = q.bind(Map.of(), null);
        assertEquals("#n0 = :v0", p.keyCondition());
        assertEquals("attribute_exists(#n1) AND attribute_exists(#n2)", p.filter()); // once, from the inner join
        assertEquals("#n1, #n2", p.projection());
        assertEquals("owner", p.selectedAssociation().name());
        BoundPlan left = JpqlCompiler.compile("SELECT c FROM Order o LEFT JOIN o.customer c",
                TestModels.RELATIONS_READING_TARGETS).bind(Map.of(), null);
        assertEquals("attribute_exists(#n0)", left.filter());
    }

    @Test
    void aToOneBesideOtherItemsIsAPseudoAttributeOfTheTargetReadThroughItsForeignKey() {
        CompiledQuery q = JpqlCompiler.compile("SELECT o.id, o.customer FROM Order o", TestModels.RELATIONS_READING_TARGETS);
        assertEquals(List.of("id", AttributeInfo.NAVIGATION_PREFIX + "customer"),
                q.selectedAttributes().stream().map(AttributeInfo::path).toList());
        BoundPlan p = q.bind(Map.of(), null);
        assertEquals("attribute_exists(#n0)", p.filter(), "a path is an inner join");
        assertTrue(q.explain(null).contains("the to-one targets of customer are read"), q.explain(null));
    }

    @Test
    void aFetchJoinBesideASelectedToOneIsRefused() {
        var fetch = assertThrows(IllegalArgumentException.class, () -> JpqlCompiler.compile(
                "SELECT c FROM Order o JOIN o.customer c LEFT JOIN FETCH o.owner", TestModels.RELATIONS_READING_TARGETS));
        assertTrue(fetch.getMessage().contains("needs the entity o itself in the SELECT list"), fetch.getMessage());
    }

    // ---- refused -----------------------------------------------------------------------------

    @Test
    void anInnerJoinsOnConditionIsTheSameConditionInWhereBeforeTheOthers() {
        assertEquals(compile("SELECT o FROM Order o JOIN o.customer c WHERE c.id = :id AND o.id <> 'x'").explain(null),
                compile("SELECT o FROM Order o JOIN o.customer c ON c.id = :id WHERE o.id <> 'x'").explain(null));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            UPDATE Order o SET o.total = 1 WHERE o.customer.name = 'x'         | 1, column 38 | only the key (id) of Customer is stored on Order items
            SELECT o FROM Order o WHERE o.customer.nope = 'x'                  | 1, column 29 | unknown attribute 'nope' of entity Customer
            SELECT o FROM Order o WHERE o.customer < :c                        | 1, column 40 | '<' is not defined on the entity o.customer
            SELECT o FROM Order o WHERE o.customer = 5                         | 1, column 42 | compare its key: o.customer.id
            SELECT o FROM Order o WHERE o.customer = o.owner                   | 1, column 40 | comparing two entities
            SELECT o FROM Order o WHERE o.customer LIKE 'x%'                   | 1, column 29 | to-one association, not an attribute
            SELECT o.customer FROM Order o                                     | 1, column 8  | LEFT JOIN FETCH o.customer
            SELECT c FROM Order o JOIN o.customer c                            | 1, column 8  | selecting the to-one c is not supported
            SELECT c FROM Order o LEFT JOIN FETCH o.lines c                    | 1, column 23 | needs the entity o itself
            SELECT o FROM Order o LEFT JOIN FETCH o.lines l WHERE l.id = 'x'   | 1, column 55 | the key is stored on OrderLine (OrderLine.order)
            SELECT COUNT(c) FROM Order o JOIN o.customer c                     | 1, column 14 | selecting the joined entity c
            SELECT c FROM Customer c WHERE c.orders IS NULL                    | 1, column 32 | a one-to-many collection (mappedBy)
            SELECT c FROM Customer c WHERE c.profile = :p                      | 1, column 32 | the key is stored on Thing (Thing.customer)
            SELECT COUNT(o) FROM Order o LEFT JOIN FETCH o.customer            | 1, column 30 | needs the entity o itself in the SELECT list
            SELECT o.id FROM Order o LEFT JOIN FETCH o.customer                | 1, column 26 | needs the entity o itself
            SELECT o FROM Order o JOIN o.supplier s                            | 1, column 23 | Order has no association 'supplier'
            SELECT o FROM Order o JOIN x.customer c                            | 1, column 28 | unknown identification variable 'x'
            SELECT o FROM Order o JOIN o.customer.orders c                     | 1, column 28 | only an association of the queried entity can be joined
            SELECT o FROM Order o JOIN Customer c                              | 1, column 28 | joining an entity by name
            SELECT o FROM Order o LEFT JOIN o.customer c ON c.id = 1           | 1, column 46 | LEFT JOIN ... ON is not supported
            SELECT o FROM Order o JOIN FETCH o.customer c ON c.id = 1          | 1, column 47 | JOIN FETCH ... ON is not allowed
            SELECT o FROM Order o RIGHT JOIN o.customer c                      | 1, column 23 | RIGHT JOIN
            SELECT o FROM Order o JOIN o.customer o                            | 1, column 23 | declared twice
            SELECT o FROM Order o JOIN o.customer c WHERE c.orders IS NULL     | 1, column 47 | navigates two associations
            DELETE FROM Order o JOIN o.customer c WHERE c.id = 1               | 1, column 21 | JOIN in a bulk UPDATE or DELETE
            SELECT o FROM Order o WHERE o.customer.id = c.id                   | 1, column 45 | unknown identification variable 'c'
            UPDATE Order o SET o.customer.id = 5                               | 1, column 20 | it stores the key of the association Order.customer
            UPDATE Order o SET o.customer = :c                                 | 1, column 20 | to-one association, not an attribute
            """)
    void unsupportedRelationshipQueriesNameConstructPositionAndAlternative(String jpql, String where, String text) {
        var e = assertThrows(IllegalArgumentException.class, () -> compile(jpql));
        assertTrue(e.getMessage().contains("line " + where), e.getMessage());
        assertTrue(e.getMessage().contains(text), e.getMessage());
        assertTrue(e.getMessage().contains("Hint:"), e.getMessage());
    }
}
