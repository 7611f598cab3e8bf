package io.jynamo.jpql;

import io.jynamo.jpql.model.AttributeInfo;
import io.jynamo.jpql.model.EntityInfo;
import io.jynamo.jpql.model.QueryModel;
import io.jynamo.jpql.testing.TestModels;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The compiler's side of MEMBER OF, IS EMPTY and SIZE on relationship collections, and of JOIN with conditions on
 * the joined entity's other attributes: the steps it asks the provider to run, and the plans it makes of their keys.
 */
class RelationshipConditionsPlanTest {

    /** An instance of Thing, which this model can read the key of. */
    record Tag(String id) {
    }

    private static final EntityInfo THING = new EntityInfo(TestModels.THING.name(), TestModels.THING.tableName(),
            TestModels.THING.partitionKey(), TestModels.THING.sortKey(), TestModels.THING.indexes(),
            TestModels.THING.attributes(), TestModels.THING.associations(), Tag.class, o -> Map.of("id", ((Tag) o).id()));

    private static final QueryModel MODEL = name -> name.equals("Thing") ? Optional.of(THING) : TestModels.RELATIONS.entity(name);

    private static CompiledQuery compile(String q) {
        return JpqlCompiler.compile(q, MODEL);
    }

    private static EntityKey id(Object v) {
        return new EntityKey(Map.of("id", v));
    }

    private static BoundPlan bind(CompiledQuery q, Object... args) {
        Map<Object, Object> m = new HashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            m.put(args[i], args[i + 1]);
        }
        return q.bind(m, null);
    }

    private static List<Object> keyValues(BoundPlan p) {
        List<Object> out = new ArrayList<>();
        p.keys().forEach(k -> k.values().forEach(v -> out.add(v.value())));
        return out;
    }

    // ---- MEMBER OF ---------------------------------------------------------------------------

    @Test
    void aConditionOnlyJavaEvaluatesBesideAJoinLeavesTheKeyEqualityToDynamoDb() {
        // The inner join's condition is ANDed to the WHERE: still one conjunct per condition, so the key equality
        // is the key condition and only SQRT is evaluated in Java (it used to drag the whole WHERE into a Scan).
        BoundPlan p = compile("SELECT o FROM Order o JOIN o.customer c WHERE o.id = 'x' AND SQRT(o.total) > 2")
                .bind(Map.of(), null);
        assertEquals(Operation.QUERY, p.operation());
        assertEquals("#n0 = :v0", p.keyCondition());
        assertFalse(p.scan());
    }

    @Test
    void memberOfAnInverseCollectionIsAStepForTheOwnersThenTheirKeys() {
        CompiledQuery q = compile("SELECT c FROM Customer c WHERE :o MEMBER OF c.orders");
        assertEquals(1, q.steps().size());
        RelationStep step = q.steps().get(0);
        assertEquals(RelationStep.Kind.MEMBER_OWNERS, step.kind());
        assertEquals("orders", step.association().name());
        assertEquals("o", step.element());
        assertEquals("jynamo.step1", step.key());
        assertEquals(":o MEMBER OF c.orders", step.text());
        // the parameter is the user's, typed as the element entity; the step's key is no parameter
        assertEquals(List.of("o"), q.parameters().stream().map(ParameterInfo::name).toList());
        assertEquals(TestModels.Purchase.class, q.parameter("o").expectedType());

        BoundPlan one = bind(q, "o", new TestModels.Purchase("p1"), step.key(), List.of(id(7L)));
        assertEquals(Operation.GET_ITEM, one.operation());
        assertEquals(List.of(7L), keyValues(one));
        BoundPlan two = bind(q, "o", new TestModels.Purchase("p1"), step.key(), List.of(id(7L), id(8L), id(7L)));
        assertEquals(Operation.BATCH_GET_ITEM, two.operation());
        assertEquals(List.of(7L, 8L), keyValues(two));
        assertTrue(bind(q, "o", new TestModels.Purchase("p1"), step.key(), List.of()).alwaysEmpty());
    }

    @Test
    void notMemberOfIsTheComplementAndAnUnknownElementMatchesNothingEitherWay() {
        CompiledQuery not = compile("SELECT c FROM Customer c WHERE :o NOT MEMBER OF c.orders");
        String key = not.steps().get(0).key();
        BoundPlan none = bind(not, "o", new TestModels.Purchase("p1"), key, List.of());
        assertEquals(Operation.SCAN, none.operation());
        assertNull(none.filter());
        BoundPlan some = bind(not, "o", new TestModels.Purchase("p1"), key, List.of(id(7L)));
        assertEquals(Operation.SCAN, some.operation());
        assertEquals("(attribute_exists(#n0) AND NOT (#n0 IN (:v0)))", some.filter());
        // NULL (or keyless) element: UNKNOWN, so neither MEMBER OF nor NOT MEMBER OF keeps a row
        List<EntityKey> unknown = Arrays.asList((EntityKey) null);
        assertTrue(bind(not, "o", new TestModels.Purchase("p1"), key, unknown).alwaysEmpty());
        CompiledQuery member = compile("SELECT c FROM Customer c WHERE :o MEMBER OF c.orders");
        assertTrue(bind(member, "o", null, member.steps().get(0).key(), unknown).alwaysEmpty());
        assertTrue(compile("SELECT c FROM Customer c WHERE NULL MEMBER OF c.orders").bind(null, null).alwaysEmpty());
        assertTrue(compile("SELECT c FROM Customer c WHERE NULL NOT MEMBER OF c.orders").bind(null, null).alwaysEmpty());
    }

    @Test
    void memberOfALinkTableSideIsAStepOverTheLinkTable() {
        CompiledQuery q = compile("SELECT o FROM Order o WHERE :t MEMBER OF o.tags AND o.total > 3");
        RelationStep step = q.steps().get(0);
        assertEquals("tags", step.association().name());
        assertEquals(Tag.class, q.parameter("t").expectedType());
        BoundPlan p = bind(q, "t", new Tag("x"), step.key(), List.of(id("o1"), id("o2")));
        assertEquals(Operation.SCAN, p.operation());
        BoundPlan single = bind(q, "t", new Tag("x"), step.key(), List.of(id("o1")));
        assertEquals(Operation.QUERY, single.operation());
        assertEquals("#n0 = :v0", single.keyCondition());
        assertEquals("#n1 > :v1", single.filter());
    }

    @Test
    void explainShowsTheStepBeforeTheRead() {
        String explain = compile("SELECT c FROM Customer c WHERE :o MEMBER OF c.orders").explain(null);
        assertTrue(explain.startsWith("first:          step1 = the Customer keys whose orders hold :o: the Order :o's "
                + "customer (its stored foreign key: GetItem of :o, none when it is managed); then :o MEMBER OF c.orders "
                + "is Customer key IN step1\noperation:      BATCH_GET_ITEM"), explain);
        assertTrue(explain.contains("keys:           {id=step1.id (as id)}"), explain);
        String link = compile("SELECT o FROM Order o WHERE :t NOT MEMBER OF o.tags").explain(null);
        assertTrue(link.contains("first:          step1 = the Order keys whose tags hold :t: a Query of link table "
                + "order_tags by the key of :t (the owners' keys, following its pages); then :t NOT MEMBER OF o.tags is "
                + "Order key NOT IN step1"), link);
        assertTrue(link.contains("operation:      SCAN"), link);
    }

    @Test
    void memberOfARelationshipNeedsAnEntityParameter() {
        var literal = assertThrows(IllegalArgumentException.class,
                () -> compile("SELECT c FROM Customer c WHERE 'x' MEMBER OF c.orders"));
        assertTrue(literal.getMessage().contains("needs a parameter bound to a Order"), literal.getMessage());
        var wrongType = assertThrows(IllegalArgumentException.class, () -> bind(
                compile("SELECT c FROM Customer c WHERE :o MEMBER OF c.orders"), "o", "text", "jynamo.step1", List.of()));
        assertTrue(wrongType.getMessage().contains("parameter :o expects"), wrongType.getMessage());
        var toOne = assertThrows(IllegalArgumentException.class,
                () -> compile("SELECT c FROM Customer c WHERE :p MEMBER OF c.profile"));
        assertTrue(toOne.getMessage().contains("MEMBER OF on the relationship c.profile is not supported: it is a to-one"),
                toOne.getMessage());
        var notRun = assertThrows(IllegalStateException.class, () -> bind(
                compile("SELECT c FROM Customer c WHERE :o MEMBER OF c.orders"), "o", new TestModels.Purchase("p")));
        assertTrue(notRun.getMessage().contains("has not run"), notRun.getMessage());
    }

    // ---- SIZE and IS EMPTY -------------------------------------------------------------------

    @Test
    void sizeOfARelationshipIsCountedPerRowInJavaAsFarAsTheConditionNeeds() {
        CompiledQuery q = compile("SELECT c FROM Customer c WHERE SIZE(c.orders) > 2 AND c.name = 'x'");
        assertTrue(q.steps().isEmpty());
        BoundPlan p = q.bind(null, null);
        assertEquals(Operation.SCAN, p.operation());
        assertEquals("#n0 = :v0", p.filter());
        ClientSide cs = p.clientSide();
        assertNotNull(cs);
        AttributeInfo count = cs.attributes().stream().filter(a -> cs.counted(a) != null).findFirst().orElseThrow();
        assertEquals("orders", cs.counted(count).name());
        assertEquals(3, cs.countUpTo(count));
        assertEquals("filter SIZE(c.orders) > 2", cs.describe());
        assertTrue(cs.test(a -> a == count ? 3 : null));
        assertFalse(cs.test(a -> a == count ? 2 : null));
    }

    @Test
    void aSizeInsideCaseIsCountedAfterTheCheaperConditionsLikeAnyOtherSize() {
        ClientSide cs = compile("SELECT c FROM Customer c WHERE CASE WHEN SIZE(c.orders) > 2 THEN 'big' ELSE 'small' END"
                + " = 'big' AND LOWER(c.name) = 'x'").bind(null, null).clientSide();
        assertEquals("filter LOWER(c.name) = 'x' AND CASE WHEN SIZE(c.orders) > 2 THEN 'big' ELSE 'small' END = 'big'",
                cs.describe());
        List<String> read = new ArrayList<>();
        assertFalse(cs.test(a -> {
            read.add(a.path());
            return a.path().equals("name") ? "Y" : 3;
        }));
        assertEquals(List.of("name"), read, "the name decides alone: no count is made for the row");
        AttributeInfo count = cs.attributes().stream().filter(a -> cs.counted(a) != null).findFirst().orElseThrow();
        assertEquals(Long.MAX_VALUE, cs.countUpTo(count), "inside CASE the whole count is needed");
    }

    @Test
    void isEmptyCountsToOneAndIsSizeZero() {
        BoundPlan empty = compile("SELECT c FROM Customer c WHERE c.orders IS EMPTY").bind(null, null);
        ClientSide cs = empty.clientSide();
        AttributeInfo count = cs.attributes().get(0);
        assertEquals(1, cs.countUpTo(count));
        assertEquals("filter SIZE(c.orders) = 0", cs.describe());
        assertTrue(cs.test(a -> 0));
        assertFalse(cs.test(a -> 1));
        ClientSide notEmpty = compile("SELECT c FROM Customer c WHERE c.orders IS NOT EMPTY").bind(null, null).clientSide();
        assertEquals(1, notEmpty.countUpTo(notEmpty.attributes().get(0)));
        assertTrue(notEmpty.test(a -> 1));
        ClientSide between = compile("SELECT c FROM Customer c WHERE SIZE(c.orders) BETWEEN 2 AND :hi")
                .bind(Map.of("hi", 4), null).clientSide();
        assertEquals(5, between.countUpTo(between.attributes().get(0)));
        ClientSide lt = compile("SELECT o FROM Order o WHERE 3 > SIZE(o.tags)").bind(null, null).clientSide();
        assertEquals(3, lt.countUpTo(lt.attributes().get(0)));
    }

    @Test
    void explainShowsTheCountPerRowAndAProjectionReadsTheOwnersKey() {
        String explain = compile("SELECT c.name FROM Customer c WHERE SIZE(c.orders) >= 2").explain(null);
        assertTrue(explain.contains("in Java:        filter SIZE(c.orders) >= 2 (after reading every matching item, no Limit)\n"
                + "per row:        SIZE(orders): one Query with Select=COUNT per Customer row read, on index byCustomer of "
                + "Order (Order.customer), counting only as far as a condition needs (Limit 1 for IS EMPTY; all of it for a select item)"), explain);
        assertTrue(explain.contains("projection:     #n0, #n1"), explain);
        assertTrue(explain.contains("names:          #n0=name, #n1=id"), explain);
    }

    @Test
    void isEmptyOfAnElementCollectionIsSizeZeroOnTheItem() {
        BoundPlan p = JpqlCompiler.compile("SELECT u FROM User u WHERE u.tags IS EMPTY", TestModels.MODEL).bind(null, null);
        assertNull(p.clientSide());
        assertEquals("(attribute_not_exists(#n0) OR size(#n0) = :v0)", p.filter());
        BoundPlan not = JpqlCompiler.compile("SELECT u FROM User u WHERE u.tags IS NOT EMPTY", TestModels.MODEL).bind(null, null);
        assertEquals("(attribute_exists(#n0) AND size(#n0) > :v0)", not.filter());
    }

    // ---- JOIN with conditions on the joined entity -------------------------------------------

    @Test
    void joinWithAConditionOnANonKeyAttributeReadsTheJoinedEntityFirst() {
        CompiledQuery q = compile("SELECT o FROM Order o JOIN o.customer c WHERE c.name = :n AND o.total > 3");
        assertEquals(1, q.steps().size());
        RelationStep step = q.steps().get(0);
        assertEquals(RelationStep.Kind.JOINED_KEYS, step.kind());
        assertEquals("customer", step.association().name());
        CompiledQuery joined = step.query();
        assertEquals("Customer", joined.entity().name());
        assertEquals(List.of("id"), joined.selectedAttributes().stream().map(AttributeInfo::path).toList());
        BoundPlan first = joined.bind(Map.of("n", "Ann"), null);
        assertEquals(Operation.SCAN, first.operation());
        assertEquals("#n0 = :v0", first.filter());

        BoundPlan one = bind(q, "n", "Ann", step.key(), List.of(id(7L)));
        assertEquals(Operation.QUERY, one.operation());
        assertEquals("byCustomer", one.indexName());
        BoundPlan many = bind(q, "n", "Ann", step.key(), List.of(id(7L), id(8L)));
        assertEquals(Operation.SCAN, many.operation());
        assertTrue(many.filter().contains("IN (:v"), many.filter());
        assertTrue(bind(q, "n", "Ann", step.key(), List.of()).alwaysEmpty());
        assertEquals(List.of("n"), q.parameters().stream().map(ParameterInfo::name).toList());
    }

    @Test
    void explainOfATwoStepJoinShowsTheJoinedEntitysPlan() {
        String explain = compile("SELECT o FROM Order o JOIN o.customer c WHERE c.name = 'Ann'").explain(null);
        assertTrue(explain.startsWith("first:          step1 = the keys of the Customer entities JOIN o.customer c WHERE "
                + "(conditions on c) selects: their own plan, [operation: SCAN; entity: Customer; table: customers; "
                + "filter: #n0 = :v0; projection: #n1; scan: yes: "), explain);
        assertTrue(explain.contains("then Order.customer IN step1"), explain);
        // planned for one key found: a Query of the foreign-key index (run once per key, up to 100)
        String root = explain.substring(explain.indexOf("\noperation:"));
        assertTrue(root.startsWith("\noperation:      QUERY\nentity:         Order\ntable:          orders\n"
                + "index:          byCustomer\nkey condition:  #n0 = :v0\n"), root);
        assertTrue(root.contains("note:           JOIN o.customer c WHERE (conditions on c): the root is read for each key "
                + "the step finds"), root);
    }

    @Test
    void aPathThroughAToOneToAnotherAttributeIsTheInnerJoinItMeansInJpql() {
        CompiledQuery q = compile("SELECT o FROM Order o WHERE o.customer.name = :n AND o.total > 3");
        assertEquals(1, q.steps().size());
        RelationStep step = q.steps().get(0);
        assertEquals(RelationStep.Kind.JOINED_KEYS, step.kind());
        assertEquals("customer", step.association().name());
        assertEquals("Customer", step.query().entity().name());
        assertEquals("#n0 = :v0", step.query().bind(Map.of("n", "Ann"), null).filter());
        String explicit = compile("SELECT o FROM Order o JOIN o.customer c WHERE c.name = :n AND o.total > 3").explain(null);
        assertEquals(explicit.replace("JOIN o.customer c", "JOIN o.customer").replace("conditions on c", "conditions on o.customer"),
                q.explain(null));

        BoundPlan many = bind(q, "n", "Ann", step.key(), List.of(id(7L), id(8L)));
        assertTrue(many.filter().contains("IN (:v"), many.filter());
        assertTrue(bind(q, "n", "Ann", step.key(), List.of()).alwaysEmpty());
        assertEquals(List.of("n"), q.parameters().stream().map(ParameterInfo::name).toList());
    }

    @Test
    void aPathThroughAToOneUsesTheStatementsOwnInnerJoinOfItAndLeavesKeyPathsOnTheOwner() {
        CompiledQuery both = compile("SELECT o FROM Order o JOIN o.customer c WHERE c.name = 'Ann' AND o.customer.name <> 'Bob'");
        assertEquals(1, both.steps().size(), "one query of Customer with both conditions");
        String filter = both.steps().get(0).query().bind(Map.of(), null).filter();
        assertTrue(filter.startsWith("#n0 = :v0 AND ") && filter.contains("#n0 <> :v1"), filter);
        assertEquals(2, compile("SELECT o FROM Order o LEFT JOIN o.customer c WHERE c.name = 'Ann' AND o.customer.name <> 'Bob'")
                .steps().size(), "a LEFT JOIN is not the inner join the path means: a query of Customer each");
        assertTrue(compile("SELECT o FROM Order o WHERE o.customer.id = 7").steps().isEmpty(), "the owner stores the key");
        CompiledQuery count = compile("SELECT COUNT(o) FROM Order o WHERE o.customer.name = 'Ann'");
        assertEquals(1, count.steps().size());
    }

    @Test
    void aPathThroughAToOneThatCannotBeSplitIsEvaluatedInJavaOnTheTargetsOfTheOwnersWithOne() {
        BoundPlan mixed = compile("SELECT o FROM Order o WHERE o.customer.name = 'x' OR o.total > 3").bind(null, null);
        assertEquals(Operation.SCAN, mixed.operation());
        assertEquals("attribute_exists(#n0)", mixed.filter(), "the path is an inner join: owners without a customer drop out");
        ClientSide cs = mixed.clientSide();
        assertEquals("filter (o.customer.name = 'x' OR o.total > 3)", cs.describe());
        AttributeInfo name = cs.attributes().stream().filter(AttributeInfo::navigated).findFirst().orElseThrow();
        assertEquals("TO()customer.name", name.path());
        assertTrue(cs.test(a -> a == name ? "x" : 1));
        assertTrue(cs.test(a -> a == name ? null : 4), "no customer name, but the total decides");
        assertFalse(cs.test(a -> a == name ? "y" : 1));
        String explain = compile("SELECT o.id, o.customer.name FROM Order o WHERE o.customer.name = 'x' OR o.total > 3")
                .explain(null);
        assertTrue(explain.contains("per 100 rows:   the to-one targets of customer.name are read (BatchGetItem"), explain);
        var unknown = assertThrows(IllegalArgumentException.class,
                () -> compile("SELECT o FROM Order o WHERE o.customer.nope = 'x'"));
        assertTrue(unknown.getMessage().contains("unknown attribute 'nope' of entity Customer"), unknown.getMessage());
    }

    @Test
    void joinOfACollectionReadsTheChildrensOwnersFirstAndRepeatsRowsWithoutDistinct() {
        CompiledQuery q = compile("SELECT c FROM Customer c JOIN c.orders o WHERE o.total > :t AND c.name = 'x'");
        RelationStep step = q.steps().get(0);
        assertEquals(RelationStep.Kind.JOINED_KEYS, step.kind());
        assertEquals("orders", step.association().name());
        assertEquals(List.of("id"), step.keyPaths());
        assertTrue(step.repeatsRows());
        assertEquals(List.of("customer.id"), step.query().selectedAttributes().stream().map(AttributeInfo::path).toList());
        BoundPlan first = step.query().bind(Map.of("t", 3), null);
        assertEquals("Order", step.query().entity().name());
        assertEquals("#n0 > :v0", first.filter());
        BoundPlan root = bind(q, "t", 3, step.key(), List.of(id(1L), id(2L)));
        assertEquals(Operation.SCAN, root.operation());
        assertTrue(root.filter().contains("#n1 IN (:v1, :v2)"), root.filter());
        assertFalse(compile("SELECT DISTINCT c FROM Customer c JOIN c.orders o WHERE o.total > 3").steps().get(0).repeatsRows());
        String explain = compile("SELECT c FROM Customer c JOIN c.orders o WHERE o.total > 3").explain(null);
        assertTrue(explain.startsWith("first:          step1 = the Customer keys the Order entities of JOIN c.orders o "
                + "WHERE (conditions on o) belong to (their customer): their own plan, [operation: SCAN; entity: Order;"),
                explain);
        assertTrue(explain.contains("then Customer key IN step1, each Customer returned once per Order found (no DISTINCT)"),
                explain);
    }

    @Test
    void joinsOfACollectionThatWouldNotBeExactAreRefused() {
        var count = assertThrows(IllegalArgumentException.class,
                () -> compile("SELECT COUNT(c) FROM Customer c JOIN c.orders o WHERE o.total > 3"));
        assertTrue(count.getMessage().contains("COUNT(DISTINCT c)"), count.getMessage());
        assertEquals(1, compile("SELECT COUNT(DISTINCT c) FROM Customer c JOIN c.orders o WHERE o.total > 3").steps().size());
        // Without a condition on the elements each row is a (customer, order) pair: the customers' query, then
        // their collections, made into rows (CollectionRows).
        CompiledQuery bare = compile("SELECT c FROM Customer c LEFT JOIN c.orders o");
        assertEquals("orders", bare.collectionRows().association());
        assertTrue(bare.collectionRows().left());
        assertEquals(SelectKind.ENTITY, bare.selectKind(), "the owners' own query");
        assertTrue(bare.steps().isEmpty());
        assertTrue(bare.explain(null).contains("one row per (Customer, element), a Customer without elements one row"
                + " of NULLs"), bare.explain(null));
        assertEquals(null, compile("SELECT DISTINCT c FROM Customer c JOIN c.orders o").collectionRows(),
                "each owner with an order once: SIZE > 0, no collection read");
        var isNull = assertThrows(IllegalArgumentException.class,
                () -> compile("SELECT c FROM Customer c LEFT JOIN c.orders o WHERE o.total IS NULL"));
        assertTrue(isNull.getMessage().contains("test c.orders IS EMPTY"), isNull.getMessage());
    }

    @Test
    void anInnerJoinOfAnInverseOneToOneIsTheTargetsExistenceTestedInJava() {
        String explain = compile("SELECT c FROM Customer c JOIN c.profile p").explain(null);
        assertTrue(explain.contains("c.profile.id IS NOT NULL"), explain);
        assertFalse(compile("SELECT c FROM Customer c LEFT JOIN c.profile p").explain(null).contains("in Java"));
        var bulk = assertThrows(IllegalArgumentException.class,
                () -> compile("DELETE FROM Customer c WHERE c.profile.id = 'x'"));
        assertTrue(bulk.getMessage().contains("profile"), bulk.getMessage());
    }

    @Test
    void joinOfALinkTableCollectionReadsTheTargetsThenTheirLinks() {
        CompiledQuery q = compile("SELECT DISTINCT o FROM Order o JOIN o.tags t WHERE t.id = 'x'");
        RelationStep step = q.steps().get(0);
        assertEquals("tags", step.association().name());
        assertFalse(step.repeatsRows());
        assertEquals(List.of("id"), step.query().selectedAttributes().stream().map(AttributeInfo::path).toList());
        assertEquals("Thing", step.query().entity().name());
        String explain = q.explain(null);
        assertTrue(explain.startsWith("first:          step1 = the Order keys link table order_tags links to the Thing "
                + "entities of JOIN o.tags t WHERE (conditions on t): their own plan, [operation: GET_ITEM;"), explain);
        assertTrue(explain.contains(", then one Query of the link table per Thing found; then Order key IN step1, each "
                + "once (DISTINCT)"), explain);
    }

    @Test
    void aPathThroughAnInverseOneToOneIsReadByTheOwnersKeyAndIsAnInnerJoin() {
        BoundPlan p = compile("SELECT c.name FROM Customer c WHERE c.profile.id = 'x' OR c.name = 'y'").bind(null, null);
        assertEquals("filter (c.profile.id = 'x' OR c.name = 'y') AND c.profile.id IS NOT NULL", p.clientSide().describe());
        assertTrue(p.projection().split(", ").length == 2, "the name and the customer's key: " + p.projection());
    }

    @Test
    void conditionsOnAJoinedToOneThatCannotBeSplitAreEvaluatedInJava() {
        BoundPlan mixed = compile("SELECT o FROM Order o JOIN o.customer c WHERE c.name = 'x' OR o.total > 3").bind(null, null);
        assertEquals("filter (c.name = 'x' OR o.total > 3)", mixed.clientSide().describe());
        assertEquals("attribute_exists(#n0)", mixed.filter(), "JOIN: the owners with a customer");
        BoundPlan leftNull = compile("SELECT o FROM Order o LEFT JOIN o.customer c WHERE c.name IS NULL").bind(null, null);
        assertEquals("filter c.name IS NULL", leftNull.clientSide().describe());
        assertNull(leftNull.filter(), "LEFT JOIN: the owners without a customer too");
        assertTrue(leftNull.clientSide().test(a -> null), "no customer: its name is NULL");
    }
}
