package io.jynamo.jpql.expression;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExpressionBuilderTest {

    @Test
    void eachDistinctNameGetsOnePlaceholderNumberedInFirstUseOrder() {
        ExpressionBuilder<String> x = new ExpressionBuilder<>();
        assertEquals("#n0", x.name("status"));
        assertEquals("#n1", x.name("name"));
        assertEquals("#n0", x.name("status"));
        assertEquals(Map.of("#n0", "status", "#n1", "name"), x.names());
        assertEquals(List.of("#n0", "#n1"), List.copyOf(x.names().keySet()));
    }

    @Test
    void aBuilderWithOtherPrefixesMakesPlaceholdersThatCannotClashWithAnothersExpressions() {
        ExpressionBuilder<Integer> x = new ExpressionBuilder<>("#s", ":s");
        x.set("a", 1).remove(List.of("b", "c"));
        assertEquals("SET #s0 = :s0 REMOVE #s1.#s2", x.update());
        assertEquals(Map.of("#s0", "a", "#s1", "b", "#s2", "c"), x.names());
        assertEquals(Map.of(":s0", 1), x.values());
        assertThrows(IllegalArgumentException.class, () -> new ExpressionBuilder<Integer>("s", ":s"));
    }

    @Test
    void manyNamesAndValuesKeepOnePlaceholderEachWhetherFoundByScanOrByHash() {
        ExpressionBuilder<Integer> x = new ExpressionBuilder<>();
        for (int i = 0; i < 100; i++) {
            x.set("a" + i, i);
        }
        for (int i = 0; i < 100; i++) {
            assertEquals("#n" + i, x.name("a" + i));
            assertEquals("a" + i, x.names().get("#n" + i));
            assertEquals(i, x.values().get(":v" + i));
        }
        assertEquals("#n100", x.name("b"));
        assertEquals(101, x.names().size());
        assertTrue(x.update().startsWith("SET #n0 = :v0, #n1 = :v1, "), x.update());
        assertTrue(x.update().endsWith(", #n99 = :v99"), x.update());
    }

    @Test
    void everyValueGetsItsOwnPlaceholderEvenWhenEqual() {
        ExpressionBuilder<Integer> x = new ExpressionBuilder<>();
        assertEquals(":v0", x.value(7));
        assertEquals(":v1", x.value(7));
        assertEquals(Map.of(":v0", 7, ":v1", 7), x.values());
    }

    @Test
    void aNestedPathSharesSegmentPlaceholdersWithTopLevelNames() {
        ExpressionBuilder<String> x = new ExpressionBuilder<>();
        assertEquals("#n0", x.name("city"));
        assertEquals("#n1.#n0", x.path(List.of("address", "city")));
        assertThrows(IllegalArgumentException.class, () -> x.path(List.of()));
    }

    @Test
    void existenceChecksUseTheNamePlaceholder() {
        ExpressionBuilder<String> x = new ExpressionBuilder<>();
        assertEquals("attribute_exists(#n0)", x.attributeExists("pk"));
        assertEquals("attribute_not_exists(#n0)", x.attributeNotExists("pk"));
        assertEquals("attribute_exists(#n1.#n2)", x.attributeExists(List.of("address", "zip")));
        assertEquals("attribute_not_exists(#n1.#n2)", x.attributeNotExists(List.of("address", "zip")));
    }

    @Test
    void updateListsSetsThenRemovesWithPlaceholdersTakenInCallOrder() {
        ExpressionBuilder<String> x = new ExpressionBuilder<>();
        x.remove("nick").set("name", "Ann").set(List.of("address", "city"), "Oslo");
        assertEquals("SET #n1 = :v0, #n2.#n3 = :v1 REMOVE #n0", x.update());
        assertEquals(Map.of("#n0", "nick", "#n1", "name", "#n2", "address", "#n3", "city"), x.names());
        assertEquals(Map.of(":v0", "Ann", ":v1", "Oslo"), x.values());
    }

    @Test
    void anUpdateOfOnlyRemovesHasNoSetClause() {
        ExpressionBuilder<String> x = new ExpressionBuilder<>();
        x.remove("a").remove(List.of("b", "c"));
        assertEquals("REMOVE #n0, #n1.#n2", x.update());
    }

    @Test
    void nothingSetOrRemovedMeansNoUpdateAndEmptyMapsAreNullForDynamo() {
        ExpressionBuilder<String> x = new ExpressionBuilder<>();
        assertNull(x.update());
        assertNull(x.namesOrNull());
        assertNull(x.valuesOrNull());
        x.value("v");
        assertNull(x.namesOrNull());
        assertEquals(Map.of(":v0", "v"), x.valuesOrNull());
    }

    @Test
    void theMapsAreReadOnly() {
        ExpressionBuilder<String> x = new ExpressionBuilder<>();
        x.set("a", "b");
        assertThrows(UnsupportedOperationException.class, () -> x.names().clear());
        assertThrows(UnsupportedOperationException.class, () -> x.values().clear());
    }
}
