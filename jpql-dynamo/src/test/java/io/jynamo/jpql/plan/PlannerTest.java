package io.jynamo.jpql.plan;

import io.jynamo.jpql.BoundPlan;
import io.jynamo.jpql.BoundValue;
import io.jynamo.jpql.JpqlCompiler;
import io.jynamo.jpql.Operation;
import io.jynamo.jpql.ValueKind;
import io.jynamo.jpql.model.EntityInfo;
import io.jynamo.jpql.model.QueryModel;
import io.jynamo.jpql.testing.TestModels;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlannerTest {

    private static BoundPlan plan(String q, Object... args) {
        return planForced(q, null, args);
    }

    private static BoundPlan planForced(String q, String index, Object... args) {
        Map<Object, Object> m = new HashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            m.put(args[i], args[i + 1]);
        }
        return JpqlCompiler.compile(q, TestModels.MODEL).bind(m, index);
    }

    private static Object value(BoundPlan p, String placeholder) {
        return p.values().get(placeholder).value();
    }

    @Test
    void partitionKeyEqualityBecomesQuery() {
        BoundPlan p = plan("SELECT u FROM User u WHERE u.lastName = :n", "n", "Smith");
        assertEquals(Operation.QUERY, p.operation());
        assertEquals("dynamodb-user", p.tableName());
        assertNull(p.indexName());
        assertEquals("#n0 = :v0", p.keyCondition());
        assertEquals(Map.of("#n0", "last_name"), p.names());
        assertEquals("Smith", value(p, ":v0"));
        assertEquals("lastName", p.values().get(":v0").attribute().path());
        assertNull(p.filter());
        assertFalse(p.scan());
    }

    @Test
    void sortKeyPrefixLikeGoesIntoKeyConditionAndTheRestIntoFilter() {
        BoundPlan p = plan("SELECT u FROM User u WHERE u.firstName LIKE 'J%' AND u.lastName = 'Smith' AND u.age > 3");
        assertEquals("#n0 = :v0 AND begins_with(#n1, :v1)", p.keyCondition());
        assertEquals("#n2 > :v2", p.filter());
        assertEquals("J", value(p, ":v1"));
    }

    @Test
    void bestSortKeyConditionWins() {
        BoundPlan p = plan("SELECT u FROM User u WHERE u.lastName = 'S' AND u.firstName LIKE 'J%' AND u.firstName BETWEEN 'A' AND 'K'");
        assertTrue(p.keyCondition().endsWith("#n1 BETWEEN :v1 AND :v2"), p.keyCondition());
        assertEquals("begins_with(#n1, :v3)", p.filter());
    }

    @Test
    void fullPrimaryKeyEqualityIsGetItem() {
        BoundPlan p = plan("SELECT u FROM User u WHERE u.lastName = 'Smith' AND u.firstName = :f", "f", "John");
        assertEquals(Operation.GET_ITEM, p.operation());
        assertEquals(1, p.keys().size());
        assertEquals("Smith", p.keys().get(0).get("last_name").value());
        assertEquals("John", p.keys().get(0).get("first_name").value());
        assertNull(p.keyCondition());
    }

    @Test
    void partitionKeyInIsBatchGetWithoutDuplicates() {
        BoundPlan p = plan("SELECT t FROM Thing t WHERE t.id IN :ids", "ids", List.of("a", "b", "a", "c"));
        assertEquals(Operation.BATCH_GET_ITEM, p.operation());
        assertEquals(List.of("a", "b", "c"), p.keys().stream().map(k -> k.get("id").value()).toList());
    }

    @Test
    void compositeKeyInCombinationsAreBatchGet() {
        BoundPlan p = plan("SELECT u.email FROM User u WHERE u.lastName = 'S' AND u.firstName IN ('a', 'b')");
        assertEquals(Operation.BATCH_GET_ITEM, p.operation());
        assertEquals(2, p.keys().size());
        assertEquals("#n0", p.projection());
        BoundPlan q = plan("SELECT u FROM User u WHERE u.lastName IN ('x', 'y') AND u.firstName = 'a'");
        assertEquals(Operation.BATCH_GET_ITEM, q.operation());
        assertEquals("y", q.keys().get(1).get("last_name").value());
    }

    @Test
    void keyInWithAnotherConditionIsNotBatchGet() {
        BoundPlan p = plan("SELECT t FROM Thing t WHERE t.id IN ('a', 'b') AND t.color = 'red'");
        assertEquals(Operation.SCAN, p.operation());
        assertEquals("#n0 IN (:v0, :v1) AND #n1 = :v2", p.filter());
    }

    @Test
    void countNeverUsesGetItem() {
        BoundPlan p = plan("SELECT COUNT(u) FROM User u WHERE u.lastName = 'S' AND u.firstName = 'J'");
        assertEquals(Operation.QUERY, p.operation());
        assertTrue(p.count());
        assertEquals("#n0 = :v0 AND #n1 = :v1", p.keyCondition());
    }

    @Test
    void countOfKeysInSeveralPartitionsReadsThemInsteadOfScanning() {
        BoundPlan p = plan("SELECT COUNT(t) FROM Thing t WHERE t.id IN ('a', 'b', 'c')");
        assertEquals(Operation.BATCH_GET_ITEM, p.operation());
        assertEquals(3, p.keys().size());
        assertEquals(Operation.QUERY, plan("SELECT COUNT(t) FROM Thing t WHERE t.id = 'a'").operation(),
                "one partition: Select=COUNT reads nothing back");
        assertEquals(Operation.SCAN, plan("SELECT COUNT(t) FROM Thing t WHERE t.id IN ('a', 'b') AND t.color = 'red'")
                .operation(), "a condition beside the keys: counted by DynamoDB's filter");
    }

    @Test
    void indexPartitionKeyEqualityQueriesTheIndex() {
        BoundPlan p = plan("SELECT u FROM User u WHERE u.email = 'a@b.c' AND u.age > 3");
        assertEquals(Operation.QUERY, p.operation());
        assertEquals("byEmail", p.indexName());
        assertEquals("#n0 = :v0", p.keyCondition());
        assertEquals("#n1 > :v1", p.filter());
    }

    @Test
    void indexWithSortKeyIsUsedOnlyWhenTheConditionImpliesTheSortKey() {
        BoundPlan withAge = plan("SELECT u FROM User u WHERE u.status = ACTIVE AND u.age >= 18");
        assertEquals("byStatus", withAge.indexName());
        assertEquals("#n0 = :v0 AND #n1 >= :v1", withAge.keyCondition());
        BoundPlan withoutAge = plan("SELECT u FROM User u WHERE u.status = ACTIVE");
        assertEquals(Operation.SCAN, withoutAge.operation());
        assertTrue(withoutAge.scanReason().contains("byStatus"), withoutAge.scanReason());
        BoundPlan notNull = plan("SELECT u FROM User u WHERE u.status = ACTIVE AND u.age IS NOT NULL");
        assertEquals("byStatus", notNull.indexName());
        assertEquals("attribute_exists(#n1)", notNull.filter());
    }

    @Test
    void tableKeyWinsOverIndexes() {
        BoundPlan p = plan("SELECT u FROM User u WHERE u.email = 'e' AND u.lastName = 'S' AND u.age = 3");
        assertNull(p.indexName());
        assertEquals("#n0 = :v0", p.keyCondition());
    }

    @Test
    void forcedIndexIsUsed() {
        BoundPlan p = planForced("SELECT u FROM User u WHERE u.lastName = 'S' AND u.age < 30", "byAge");
        assertEquals("byAge", p.indexName());
        assertEquals("#n0 = :v0 AND #n1 < :v1", p.keyCondition());
        BoundPlan status = planForced("SELECT u FROM User u WHERE u.status = BANNED", "byStatus");
        assertEquals("byStatus", status.indexName());
    }

    @Test
    void unknownOrUnusableForcedIndexIsRefused() {
        var e = assertThrows(IllegalArgumentException.class, () -> planForced("SELECT u FROM User u WHERE u.lastName = 'S'", "nope"));
        assertTrue(e.getMessage().contains("unknown index 'nope'") && e.getMessage().contains("byEmail(email)"), e.getMessage());
        var e2 = assertThrows(IllegalArgumentException.class, () -> planForced("SELECT u FROM User u WHERE u.lastName = 'S'", "byEmail"));
        assertTrue(e2.getMessage().contains("no equality on its partition key 'email'"), e2.getMessage());
    }

    @Test
    void noKeyEqualityIsScanWithReason() {
        BoundPlan p = plan("SELECT u FROM User u WHERE u.age = 3 OR u.lastName = 'S'");
        assertTrue(p.scan());
        assertEquals("#n0 = :v0 OR #n1 = :v1", p.filter());
        assertEquals("no equality on partition key 'lastName' or on an index partition key "
                + "(indexes: byEmail(email), byStatus(status, age), byAge(lastName, age))", p.scanReason());
        assertTrue(p.explain().contains("scan:           yes"), p.explain());
        assertEquals("no WHERE condition: every item is read", plan("SELECT t FROM Thing t").scanReason());
    }

    @Test
    void orderByDescendingSortKeyReversesTheQuery() {
        BoundPlan p = plan("SELECT u FROM User u WHERE u.lastName = 'S' ORDER BY u.firstName DESC");
        assertEquals(Operation.QUERY, p.operation());
        assertFalse(p.scanIndexForward());
        assertTrue(plan("SELECT u FROM User u WHERE u.lastName = 'S' ORDER BY u.firstName").scanIndexForward());
    }

    @Test
    void orderByFullKeyStillQueries() {
        BoundPlan p = plan("SELECT u FROM User u WHERE u.lastName = 'S' AND u.firstName = 'J' ORDER BY u.firstName");
        assertEquals(Operation.QUERY, p.operation());
    }

    @Test
    void orderByLocalIndexSortKeyChoosesThatIndex() {
        BoundPlan p = plan("SELECT u FROM User u WHERE u.lastName = 'S' AND u.age > 0 ORDER BY u.age DESC");
        assertEquals("byAge", p.indexName());
        assertEquals("#n0 = :v0 AND #n1 > :v1", p.keyCondition());
        assertFalse(p.scanIndexForward());
    }

    @Test
    void orderByASparseIndexSortKeyWithoutAConditionOnItIsSortedInMemory() {
        // byAge omits the items without an age, which JPQL returns: the table Query reads them, Java sorts.
        BoundPlan p = plan("SELECT u FROM User u WHERE u.lastName = 'S' ORDER BY u.age");
        assertNull(p.indexName());
        assertEquals("age ASC NULLS LAST", p.clientSide().describe().replace("sort by u.", ""));
        assertEquals("byAge", planForced("SELECT u FROM User u WHERE u.lastName = 'S' ORDER BY u.age", "byAge").indexName());
    }

    @Test
    void orderByWithoutAQueryServingItIsSortedInMemory() {
        BoundPlan scan = plan("SELECT u FROM User u WHERE u.age = 3 ORDER BY u.firstName");
        assertEquals(Operation.SCAN, scan.operation());
        assertTrue(scan.clientSide().sorts());
        assertFalse(scan.clientSide().filters());
        BoundPlan forced = planForced("SELECT u FROM User u WHERE u.lastName = 'S' ORDER BY u.firstName", "byAge");
        assertEquals("byAge", forced.indexName());
        assertEquals("sort by u.firstName ASC NULLS LAST", forced.clientSide().describe());
    }

    @Test
    void reservedWordsAreAlwaysPlaceholders() {
        BoundPlan p = plan("SELECT u.name, u.count FROM User u WHERE u.status <> BANNED AND u.name = 'x'");
        assertEquals(Map.of("#n0", "status", "#n1", "name", "#n2", "count"), p.names());
        assertEquals("(attribute_exists(#n0) AND #n0 <> :v0) AND #n1 = :v1", p.filter());
        assertEquals("#n1, #n2", p.projection());
    }

    @Test
    void nestedEmbeddablePathsUseOnePlaceholderPerSegment() {
        BoundPlan p = plan("SELECT u FROM User u WHERE u.address.city = 'Paris' AND u.address.name = 'home' AND u.name = 'n'");
        assertEquals("#n0.#n1 = :v0 AND #n0.#n2 = :v1 AND #n2 = :v2", p.filter());
        assertEquals(Map.of("#n0", "address", "#n1", "city", "#n2", "name"), p.names());
    }

    @Test
    void notIsPushedDownWithExistenceGuards() {
        BoundPlan p = plan("SELECT u FROM User u WHERE NOT (u.age = 5 OR u.name LIKE 'a%' OR u.email IN ('x', 'y') "
                + "OR u.age BETWEEN 1 AND 3 OR u.name IS NULL OR u.age < 2)");
        assertEquals("(attribute_exists(#n0) AND #n0 <> :v0) AND (attribute_exists(#n1) AND NOT begins_with(#n1, :v1)) "
                + "AND (attribute_exists(#n2) AND NOT (#n2 IN (:v2, :v3))) AND (#n0 < :v4 OR #n0 > :v5) "
                + "AND attribute_exists(#n1) AND #n0 >= :v6", p.filter());
    }

    @Test
    void doubleNegationAndDeMorgan() {
        BoundPlan p = plan("SELECT u FROM User u WHERE NOT (NOT u.age = 5 AND u.name = 'x')");
        assertEquals("#n0 = :v0 OR (attribute_exists(#n1) AND #n1 <> :v1)", p.filter());
    }

    @Test
    void notLikeContainsAndNotMemberOf() {
        BoundPlan p = plan("SELECT u FROM User u WHERE u.name NOT LIKE '%x%' AND 'a' NOT MEMBER OF u.tags AND 3 MEMBER OF u.scores");
        assertEquals("(attribute_exists(#n0) AND NOT contains(#n0, :v0)) AND (attribute_not_exists(#n1) OR NOT contains(#n1, :v1)) "
                + "AND contains(#n2, :v2)", p.filter());
        BoundValue element = p.values().get(":v1");
        assertTrue(element.element());
        assertEquals("tags", element.attribute().path());
        assertEquals(3, value(p, ":v2"));
    }

    @Test
    void sizeCountsAnAbsentCollectionAsEmpty() {
        assertEquals("(attribute_not_exists(#n0) OR size(#n0) < :v0)", plan("SELECT u FROM User u WHERE SIZE(u.tags) < 2").filter());
        assertEquals("(attribute_exists(#n0) AND size(#n0) > :v0)", plan("SELECT u FROM User u WHERE SIZE(u.tags) > 0").filter());
        assertEquals("(attribute_not_exists(#n0) OR size(#n0) = :v0)", plan("SELECT u FROM User u WHERE SIZE(u.tags) = 0").filter());
    }

    @Test
    void largeInIsSplitIntoChunksOfOneHundred() {
        List<Integer> ages = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            ages.add(i);
        }
        BoundPlan p = plan("SELECT u FROM User u WHERE u.age IN :ages", "ages", ages);
        assertEquals(250, p.values().size());
        assertTrue(p.filter().startsWith("(#n0 IN (:v0, "), p.filter());
        assertEquals(3, p.filter().split(" OR ").length);
        BoundPlan n = plan("SELECT u FROM User u WHERE u.age NOT IN :ages", "ages", ages);
        assertEquals(3, n.filter().split("AND NOT \\(#n0 IN").length - 1, n.filter());
        assertTrue(n.filter().startsWith("(attribute_exists(#n0) AND NOT (#n0 IN (:v0,"), n.filter());
    }

    @Test
    void nullArgumentMakesAComparisonUnknownAndThePlanEmpty() {
        BoundPlan p = plan("SELECT u FROM User u WHERE u.age = :a", "a", null);
        assertTrue(p.alwaysEmpty());
        assertEquals(Operation.BATCH_GET_ITEM, p.operation());
        assertTrue(p.keys().isEmpty());
        assertTrue(plan("SELECT u FROM User u WHERE NOT (u.age = :a)", "a", null).alwaysEmpty());
        assertTrue(plan("SELECT u FROM User u WHERE u.age = NULL").alwaysEmpty());
        BoundPlan or = plan("SELECT u FROM User u WHERE u.age = :a OR u.name = 'x'", "a", null);
        assertFalse(or.alwaysEmpty());
        assertEquals("#n0 = :v0", or.filter());
    }

    @Test
    void optionalParameterIdiomIsDecidedAtBind() {
        String q = "SELECT u FROM User u WHERE (:n IS NULL OR u.name = :n) AND u.lastName = 'S'";
        assertNull(plan(q, "n", null).filter());
        assertEquals("#n1 = :v1", plan(q, "n", "x").filter());
    }

    @Test
    void emptyInMatchesNothingAndEmptyNotInEverything() {
        assertTrue(plan("SELECT u FROM User u WHERE u.age IN :a", "a", List.of()).alwaysEmpty());
        BoundPlan p = plan("SELECT u FROM User u WHERE u.age NOT IN :a AND u.lastName = 'S'", "a", List.of());
        assertNull(p.filter());
        assertTrue(plan("SELECT u FROM User u WHERE u.age NOT IN (1, :a)", "a", null).alwaysEmpty());
        assertEquals("#n0 IN (:v0)", plan("SELECT u FROM User u WHERE u.age IN (1, :a)", "a", null).filter());
    }

    @Test
    void betweenWithLowAboveHighIsEmpty() {
        assertTrue(plan("SELECT u FROM User u WHERE u.age BETWEEN 5 AND 1").alwaysEmpty());
        assertEquals("#n0 < :v0 OR #n0 > :v1", plan("SELECT u FROM User u WHERE u.age NOT BETWEEN 5 AND 1").filter());
        assertEquals("#n0 > :v0", plan("SELECT u FROM User u WHERE u.age NOT BETWEEN :lo AND 5", "lo", null).filter());
    }

    @Test
    void countOfAnAttributeIsACountOfTheItemsThatHaveIt() {
        BoundPlan p = plan("SELECT COUNT(u.email) FROM User u WHERE u.lastName = 'S'");
        assertTrue(p.count());
        assertEquals("#n0 = :v0", p.keyCondition());
        assertEquals("attribute_exists(#n1)", p.filter());
        assertEquals("email", p.names().get("#n1"));
        assertTrue(plan("SELECT COUNT(u.email) FROM User u").count());
    }

    @Test
    void likeParameterPatternIsCheckedAtBind() {
        String q = "SELECT u FROM User u WHERE u.lastName = 'S' AND u.firstName LIKE :p";
        assertEquals("#n0 = :v0 AND begins_with(#n1, :v1)", plan(q, "p", "Jo%").keyCondition());
        assertEquals("contains(#n1, :v1)", plan(q, "p", "%o%").filter());
        assertEquals(Operation.GET_ITEM, plan(q, "p", "John").operation());
        assertEquals("attribute_exists(#n1)", plan(q, "p", "%").filter());
        for (String inJava : List.of("J_hn", "%n", "J%n", "J%o%n")) {
            BoundPlan p = plan(q, "p", inJava);
            assertEquals(Operation.QUERY, p.operation(), inJava);
            assertEquals("#n0 = :v0", p.keyCondition(), inJava);
            assertNull(p.filter(), inJava);
            assertEquals("filter u.firstName LIKE :p", p.clientSide().describe(), inJava);
        }
    }

    @Test
    void likeWithAnEscapeCharacterTakesEscapedWildcardsAsText() {
        // what Spring Data writes for findByFirstNameStartingWith("J%n") and ...Containing("o_")
        String q = "SELECT u FROM User u WHERE u.lastName = 'S' AND u.firstName LIKE :p ESCAPE '\\'";
        BoundPlan prefix = plan(q, "p", "J\\%n%");
        assertEquals("#n0 = :v0 AND begins_with(#n1, :v1)", prefix.keyCondition());
        assertEquals("J%n", value(prefix, ":v1"));
        BoundPlan infix = plan(q, "p", "%o\\_%");
        assertEquals("contains(#n1, :v1)", infix.filter());
        assertEquals("o_", value(infix, ":v1"));
        assertEquals("a\\b", value(plan(q, "p", "%a\\\\b%"), ":v1"), "an escaped escape character is itself");
        BoundPlan literal = plan("SELECT u FROM User u WHERE u.lastName = 'S' AND u.firstName LIKE '100!%%' ESCAPE '!'");
        assertEquals("100%", value(literal, ":v1"));
        var dangling = assertThrows(IllegalArgumentException.class, () -> plan(q, "p", "ab\\"));
        assertTrue(dangling.getMessage().contains("ends with its escape character"), dangling.getMessage());
        var needless = assertThrows(IllegalArgumentException.class, () -> plan(q, "p", "\\ab%"));
        assertTrue(needless.getMessage().contains("escapes 'a'"), needless.getMessage());
        assertEquals("filter u.firstName LIKE :p ESCAPE '\\'", plan(q, "p", "a%b\\%").clientSide().describe(),
                "'%' inside the text: matched in Java");
    }

    @Test
    void distinctEntitiesAndCountDistinctPlanAsWithoutDistinct() {
        // Spring Data's findDistinctBy... and its count queries; entities are distinct already (no joins multiply rows)
        assertEquals(plan("SELECT u FROM User u WHERE u.lastName = 'S'").keyCondition(),
                plan("SELECT DISTINCT u FROM User u WHERE u.lastName = 'S'").keyCondition());
        assertEquals(plan("SELECT COUNT(u) FROM User u WHERE u.lastName = 'S'").keyCondition(),
                plan("SELECT COUNT(DISTINCT u) FROM User u WHERE u.lastName = 'S'").keyCondition());
    }

    @Test
    void lowerAndUpperOfParametersAreEvaluatedInJava() {
        BoundPlan p = plan("SELECT u FROM User u WHERE u.email = LOWER(:e)", "e", "A@B.C");
        assertEquals("a@b.c", value(p, ":v0"));
        assertEquals("byEmail", p.indexName());
    }

    @Test
    void missingAndIllTypedArgumentsAreRefused() {
        var missing = assertThrows(IllegalArgumentException.class, () -> plan("SELECT u FROM User u WHERE u.name = :x"));
        assertTrue(missing.getMessage().contains("parameter :x"), missing.getMessage());
        var wrong = assertThrows(IllegalArgumentException.class, () -> plan("SELECT u FROM User u WHERE u.name = :x", "x", 5));
        assertEquals("parameter :x expects java.lang.String but got java.lang.Integer", wrong.getMessage());
        var wrongElem = assertThrows(IllegalArgumentException.class, () -> plan("SELECT u FROM User u WHERE u.name IN :x", "x", List.of(1)));
        assertTrue(wrongElem.getMessage().contains("collection of java.lang.String"), wrongElem.getMessage());
        var positional = assertThrows(IllegalArgumentException.class, () -> plan("SELECT u FROM User u WHERE u.name = ?1"));
        assertTrue(positional.getMessage().contains("?1"), positional.getMessage());
    }

    @Test
    void losslessNumericArgumentsAreConverted() {
        assertEquals(7, value(plan("SELECT u FROM User u WHERE u.age = :a", "a", 7L), ":v0"));
        assertEquals(7L, value(plan("SELECT u FROM User u WHERE u.count = ?1", 1, 7), ":v0"));
        assertThrows(IllegalArgumentException.class, () -> plan("SELECT u FROM User u WHERE u.age = :a", "a", 1L << 40));
    }

    @Test
    void attributeToAttributeComparisonIsAFilter() {
        assertEquals("#n0 < #n1", plan("SELECT u FROM User u WHERE u.firstName < u.email").filter());
        assertEquals("(attribute_exists(#n0) AND attribute_exists(#n1) AND #n0 <> #n1)",
                plan("SELECT u FROM User u WHERE u.firstName <> u.email").filter());
    }

    @Test
    void valueOnTheLeftIsFlipped() {
        assertEquals("#n0 < :v0", plan("SELECT u FROM User u WHERE 5 > u.age").filter());
    }

    @Test
    void updatePlanReadsKeysAndSetsOrRemoves() {
        BoundPlan p = plan("UPDATE User u SET u.name = :n, u.email = NULL, u.age = 3 WHERE u.lastName = 'S' AND u.age < 3", "n", "x");
        assertEquals(Operation.QUERY, p.operation());
        assertEquals("#n0, #n2", p.projection());
        assertEquals(Map.of("#n0", "last_name", "#n1", "age", "#n2", "first_name", "#n3", "name", "#n4", "email"), p.names());
        assertEquals("SET #n3 = :v2, #n1 = :v3 REMOVE #n4", p.updateExpression());
        assertEquals(3, p.assignments().size());
        assertNull(p.assignments().get(1).value());
        assertEquals("x", p.assignments().get(0).value().value());
        BoundPlan nullParam = plan("UPDATE User u SET u.name = :n", "n", null);
        assertEquals("REMOVE #n2", nullParam.updateExpression());
    }

    @Test
    void anIncrementInSetIsDynamoDbsOwnArithmeticWhenEveryWrittenItemHasTheAttribute() {
        BoundPlan p = plan("UPDATE User u SET u.age = u.age + :d WHERE u.lastName = 'S' AND u.age IS NOT NULL", "d", 2);
        assertTrue(p.updateExpression().matches("SET (#n\\d+) = \\1 \\+ :v\\d+"), p.updateExpression());
        BoundPlan minus = plan("UPDATE User u SET u.age = 10 - u.age WHERE u.lastName = 'S' AND u.age > 0");
        assertTrue(minus.updateExpression().matches("SET (#n\\d+) = :v\\d+ - \\1"), minus.updateExpression());
        BoundPlan absent = plan("UPDATE User u SET u.age = u.age + 1 WHERE u.lastName = 'S'");
        assertNotNull(absent.assignedInJava(), "an item without u.age gets NULL, as JPQL says: computed in Java");
        assertNull(absent.updateExpression());
        assertNull(p.assignedInJava(), "DynamoDB computes it");
    }

    @Test
    void otherComputedSetValuesAreComputedInJavaFromTheAttributesTheyRead() {
        BoundPlan p = plan("UPDATE User u SET u.age = u.age * 2, u.name = :n WHERE u.lastName = 'S'", "n", "x");
        assertNotNull(p.assignedInJava());
        assertNull(p.updateExpression(), "the provider writes each item's values");
        assertEquals(List.of("age"), p.assignedInJava().attributes().stream().map(a -> a.path()).toList());
        assertTrue(p.projection().split(", ").length == 3, "the key and age: " + p.projection() + " " + p.names());
        assertArrayEquals(new Object[] {42, "x"}, p.assignedInJava().values(a -> a.path().equals("age") ? 21 : null));
        assertArrayEquals(new Object[] {null, "x"}, p.assignedInJava().values(a -> null), "NULL * 2 is NULL");
        assertTrue(p.explain().contains("computed in Java for each item read: SET u.age = (u.age * 2), u.name = :n"),
                p.explain());
        // Once one value is computed in Java, an increment is too: one way of writing per statement.
        BoundPlan both = plan("UPDATE User u SET u.age = u.age + 1, u.name = UPPER(u.name) WHERE u.lastName = 'S'");
        assertEquals(List.of("age", "name"), both.assignedInJava().attributes().stream().map(a -> a.path()).toList());
        assertNotNull(plan("UPDATE User u SET u.age = u.age + u.age").assignedInJava());
        assertNotNull(plan("UPDATE User u SET u.name = u.lastName").assignedInJava());
        assertNotNull(plan("UPDATE User u SET u.name = NULLIF(u.name, 'x')").assignedInJava());
    }

    @Test
    void aComputedSetValueMustBeOfTheAttributesType() {
        for (String[] c : new String[][] {
                {"UPDATE User u SET u.age = u.age * 1.5", "CAST(... AS Integer)"},
                {"UPDATE User u SET u.name = u.age * 2", "a value of type java.lang.Integer"},
                {"UPDATE User u SET u.age = u.name", "a value of type java.lang.String"},
                {"UPDATE User u SET u.name = u.name + 'x'", "SET arithmetic needs numbers"}}) {
            var e = assertThrows(IllegalArgumentException.class, () -> plan(c[0]), c[0]);
            assertTrue(e.getMessage().contains(c[1]), c[0] + " -> " + e.getMessage());
        }
        BoundPlan cast = plan("UPDATE User u SET u.age = CAST(u.age * 1.5 AS Integer)");
        var tooBig = assertThrows(IllegalArgumentException.class,
                () -> plan("UPDATE User u SET u.age = u.age * 2").assignedInJava().values(a -> 2_000_000_000));
        assertTrue(tooBig.getMessage().contains("4000000000, which is not a Integer"), tooBig.getMessage());
        assertNotNull(cast.assignedInJava());
    }

    @Test
    void anInOfValuesOnlyIsDecidedWhenTheArgumentsAreBound() {
        String q = "SELECT u FROM User u WHERE u.lastName = 'S' AND :n IN (1, 2)";
        BoundPlan in = plan(q, "n", 2);
        assertEquals(Operation.QUERY, in.operation());
        assertNull(in.filter(), "true: no condition left");
        assertTrue(plan(q, "n", 3).alwaysEmpty());
        assertTrue(plan(q, "n", 2L).alwaysEmpty() == false, "numbers compare by value");
        assertTrue(plan(q, "n", null).alwaysEmpty(), "NULL IN (...) is unknown");
        assertTrue(plan("SELECT u FROM User u WHERE u.lastName = 'S' AND :n NOT IN (1, 2)", "n", 2).alwaysEmpty());
        assertTrue(plan("SELECT u FROM User u WHERE u.lastName = 'S' AND NOT (:s IN :list)", "s", "a", "list",
                java.util.Arrays.asList("b", null)).alwaysEmpty(), "no match beside a NULL is unknown, so is its negation");
        assertNull(plan("SELECT u FROM User u WHERE u.lastName = 'S' AND :s IN :list", "s", "a", "list", List.of("b", "a"))
                .filter());
        var e = assertThrows(IllegalArgumentException.class, () -> plan("SELECT u FROM User u WHERE :n IN (u.age, 2)"));
        assertTrue(e.getMessage().contains("literals and parameters only"), e.getMessage());
    }

    @Test
    void deletePlanProjectsTheKey() {
        BoundPlan p = plan("DELETE FROM Thing t WHERE t.id = 'a'");
        assertEquals(Operation.GET_ITEM, p.operation());
        assertEquals("#n0", p.projection());
        assertNull(p.updateExpression());
    }

    @Test
    void explainListsEverything() {
        BoundPlan p = plan("SELECT COUNT(u) FROM User u WHERE u.status = ACTIVE AND u.age > 20 AND u.name <> 'x'");
        String e = p.explain();
        for (String s : List.of("operation:      QUERY", "index:          byStatus", "key condition:  #n0 = :v0 AND #n1 > :v1",
                "filter:         (attribute_exists(#n2) AND #n2 <> :v2)", "select:         COUNT", "scan:           no",
                "names:          #n0=status, #n1=age, #n2=name", ":v0=Status.ACTIVE (as status)")) {
            assertTrue(e.contains(s), s + " in\n" + e);
        }
    }

    @Test
    void compiledQueryIsReusableAcrossBindings() {
        var q = JpqlCompiler.compile("SELECT u FROM User u WHERE u.email = :e", TestModels.MODEL);
        BoundPlan a = q.bind(Map.of("e", "a"), null);
        BoundPlan b = q.bind(Map.of("e", "b"), null);
        assertEquals("a", value(a, ":v0"));
        assertEquals("b", value(b, ":v0"));
        assertEquals(Arrays.asList("a"), List.of(value(a, ":v0")));
    }

    /**
     * An entity keyed by {@code id} (BigDecimal) and {@code day} (LocalDate), with {@code code}, an Integer a
     * converter stores as a String, and {@code n}, an Integer stored as a number.
     */
    private static final QueryModel EVENTS = name -> Optional.ofNullable(name.equals("Event") ? new EntityInfo("Event",
            "events", "id", "day", List.of(), Map.of(
            "id", TestModels.attr("id", "id", ValueKind.NUMBER, BigDecimal.class),
            "day", TestModels.attr("day", "day", ValueKind.STRING, LocalDate.class),
            "code", TestModels.attr("code", "code", ValueKind.STRING, Integer.class),
            "n", TestModels.attr("n", "n", ValueKind.NUMBER, Integer.class))) : null);

    private static BoundPlan event(String q, Object... args) {
        Map<Object, Object> m = new HashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            m.put(args[i], args[i + 1]);
        }
        return JpqlCompiler.compile(q, EVENTS).bind(m, null);
    }

    @Test
    void betweenWithLowAboveHighIsEmptyForDatesToo() {
        // As a key condition DynamoDB would refuse BETWEEN with low > high instead of returning nothing.
        assertTrue(event("SELECT e FROM Event e WHERE e.id = 1 AND e.day BETWEEN '2024-02-01' AND '2024-01-01'").alwaysEmpty());
        assertTrue(event("SELECT e FROM Event e WHERE e.id = 1 AND e.day BETWEEN :lo AND :hi",
                "lo", LocalDate.of(2024, 2, 1), "hi", LocalDate.of(2024, 1, 1)).alwaysEmpty());
        assertEquals("#n0 = :v0 AND #n1 BETWEEN :v1 AND :v2",
                event("SELECT e FROM Event e WHERE e.id = 1 AND e.day BETWEEN '2024-01-01' AND '2024-02-01'").keyCondition());
    }

    @Test
    void orderingAnAttributeStoredInAnotherTypeIsRefused() {
        // '10' < '9' as stored strings: the answer would not be JPQL's.
        var e = assertThrows(IllegalArgumentException.class, () -> event("SELECT e FROM Event e WHERE e.code < 10"));
        assertTrue(e.getMessage().contains("'<' is not supported on e.code"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> event("SELECT e FROM Event e WHERE e.code BETWEEN 1 AND 10"));
        assertEquals("#n0 = :v0", event("SELECT e FROM Event e WHERE e.code = 10").filter());
        assertEquals("#n0 < :v0", event("SELECT e FROM Event e WHERE e.n < 10").filter());
    }

    @Test
    void comparingAttributesStoredInDifferentTypesIsRefused() {
        // A stored S never equals a stored N, though both hold the Integer 7.
        var e = assertThrows(IllegalArgumentException.class, () -> event("SELECT e FROM Event e WHERE e.code = e.n"));
        assertTrue(e.getMessage().contains("cannot compare e.code"), e.getMessage());
    }

    @Test
    void equalDecimalKeysAreOneKey() {
        // DynamoDB refuses a BatchGetItem that lists one key twice; 1.0 and 1.00 are the same number to it.
        BoundPlan p = event("SELECT e FROM Event e WHERE e.id IN (1.0, 1.00, :x) AND e.day = '2024-01-01'",
                "x", BigDecimal.ONE);
        assertEquals(Operation.GET_ITEM, p.operation());
        assertEquals(1, p.keys().size());
    }

    @Test
    void parameterTestedForNullMayStillBeACollection() {
        String q = "SELECT u FROM User u WHERE (:ages IS NULL OR u.age IN :ages) AND u.lastName = 'S'";
        assertEquals("#n1 IN (:v1, :v2)", plan(q, "ages", List.of(1, 2)).filter());
        assertNull(plan(q, "ages", null).filter());
        String reversed = "SELECT u FROM User u WHERE (u.age IN :ages OR :ages IS NULL) AND u.lastName = 'S'";
        assertEquals("#n1 IN (:v1, :v2)", plan(reversed, "ages", List.of(1, 2)).filter());
    }

    @Test
    void orderByOnASparseIndexStillQueriesTheTableByItsPartitionKey() {
        BoundPlan p = plan("SELECT u FROM User u WHERE u.lastName = 'S' ORDER BY u.age DESC");
        assertEquals(Operation.QUERY, p.operation());
        assertTrue(p.scanIndexForward());
        assertEquals("sort by u.age DESC NULLS FIRST", p.clientSide().describe());
    }

    @Test
    void sparseIndexIsUsedWhenEveryBranchOfAnOrRequiresItsSortKey() {
        BoundPlan p = plan("SELECT u FROM User u WHERE u.status = ACTIVE AND ((u.age > 3 AND u.name = 'x') OR u.age < 1)");
        assertEquals(Operation.QUERY, p.operation());
        assertEquals("byStatus", p.indexName());
    }

    @Test
    void queryWithoutParametersIsPlannedOnce() {
        var q = JpqlCompiler.compile("SELECT COUNT(u) FROM User u WHERE u.lastName = 'S'", TestModels.MODEL);
        assertSame(q.bind(null, null), q.bind(Map.of(), null));
        assertNotSame(q.bind(null, null), q.bind(null, "byAge"));
    }
}
