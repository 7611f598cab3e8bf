package io.jynamo.jpql;

import io.jynamo.jpql.ast.Comparison;
import io.jynamo.jpql.ast.Literal;
import io.jynamo.jpql.model.AttributeInfo;
import io.jynamo.jpql.model.EntityInfo;
import io.jynamo.jpql.model.QueryModel;
import io.jynamo.jpql.testing.TestModels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Keywords are contextual: entities, variables, attributes and enum constants may be named like them. */
class KeywordNamesTest {

    /** Constants named like JPQL keywords. */
    enum OrderStatus { NEW, OPEN, ALL, ORDER, CASE, SELECT }

    private static EntityInfo entity(String name) {
        Map<String, AttributeInfo> a = new LinkedHashMap<>();
        for (AttributeInfo x : List.of(
                TestModels.attr("id", "id", ValueKind.STRING, String.class),
                TestModels.attr("index", "index", ValueKind.NUMBER, Integer.class),
                TestModels.attr("value", "value", ValueKind.NUMBER, Integer.class),
                TestModels.attr("key", "key", ValueKind.STRING, String.class),
                TestModels.attr("count", "count", ValueKind.NUMBER, Long.class),
                TestModels.attr("group", "group", ValueKind.STRING, String.class),
                TestModels.attr("member", "member", ValueKind.STRING, String.class),
                TestModels.attr("select", "select", ValueKind.STRING, String.class),
                TestModels.attr("status", "status", ValueKind.STRING, OrderStatus.class))) {
            a.put(x.path(), x);
        }
        return new EntityInfo(name, name.toLowerCase(), "id", "index", List.of(), a);
    }

    private static final QueryModel MODEL = name -> List.of("Order", "Group", "Member", "Value", "Key", "Index",
            "Count", "Select").contains(name) ? Optional.of(entity(name)) : Optional.empty();

    private static CompiledQuery compile(String q) {
        return JpqlCompiler.compile(q, MODEL);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "SELECT o FROM Order o WHERE o.id = 'a' AND o.value = 1 AND o.key = 'k' AND o.index = 2 AND o.count = 3 "
                    + "AND o.group = 'g' AND o.member = 'm' AND o.select = 's'",
            "SELECT g FROM Group g",
            "SELECT m FROM Member m WHERE m.value = 1",
            "SELECT COUNT(s) FROM Select s WHERE s.key = 'x'",
            "SELECT v.key, v.value FROM Value v",
            "SELECT c FROM Count AS c WHERE c.count > 1",
            "SELECT i FROM Index i WHERE i.index BETWEEN 1 AND 2",
            "SELECT order FROM Order AS order WHERE order.id = 'a' ORDER BY order.index DESC",
            "SELECT order.value, order.key FROM Order AS order WHERE order.value IS NOT NULL",
            "SELECT value FROM Value AS value WHERE value.key LIKE 'a%' OR NOT value.count = 2",
            "SELECT member FROM Member AS member WHERE member.member = :p AND NOT member.key IN (:p)",
            "UPDATE Order o SET o.value = 2, o.group = 'g' WHERE o.key = 'k'",
            "UPDATE Order AS group SET group.value = 2 WHERE group.key = 'k'",
            "DELETE FROM Group g WHERE g.value = 1",
            "DELETE FROM Group AS where WHERE where.value = 1",
    })
    void keywordNamedEntitiesVariablesAndAttributesCompile(String q) {
        compile(q);
    }

    @Test
    void anUnqualifiedEnumConstantNamedLikeAKeywordIsTheAttributesConstant() {
        CompiledQuery q = compile("SELECT o FROM Order o WHERE o.status = NEW");
        assertEquals(OrderStatus.NEW, ((Literal) ((Comparison) q.where()).right()).value());
        assertEquals(OrderStatus.NEW, ((Literal) ((Comparison) compile("SELECT o FROM Order o WHERE NEW = o.status")
                .where()).left()).value());
        for (String constant : List.of("OPEN", "ALL", "ORDER", "CASE", "SELECT")) {
            CompiledQuery c = compile("SELECT o FROM Order o WHERE o.status = " + constant + " AND o.value = 1");
            assertTrue(c.bind(Map.of(), null).explain().contains("OrderStatus." + constant), constant);
        }
    }

    @Test
    void unqualifiedEnumConstantsInAnInList() {
        BoundPlan p = compile("SELECT o FROM Order o WHERE o.status IN (NEW, OPEN) OR o.status NOT IN (ALL, ORDER) "
                + "OR o.status IN (SELECT)").bind(Map.of(), null);
        for (String constant : List.of("NEW", "OPEN", "ALL", "ORDER", "SELECT")) {
            assertTrue(p.explain().contains("OrderStatus." + constant), p.explain());
        }
    }

    @Test
    void qualifiedEnumConstantsKeepWorking() {
        for (String qualifier : List.of(OrderStatus.class.getCanonicalName(), OrderStatus.class.getName(), "OrderStatus")) {
            CompiledQuery q = compile("SELECT o FROM Order o WHERE o.status = " + qualifier + ".NEW");
            assertEquals(OrderStatus.NEW, ((Literal) ((Comparison) q.where()).right()).value(), qualifier);
        }
    }

    @Test
    void aKeywordThatIsNoConstantOfTheAttributeIsReportedAsSuch() {
        var e = assertThrows(IllegalArgumentException.class, () -> compile("SELECT o FROM Order o WHERE o.status = END"));
        assertTrue(e.getMessage().contains("'END' is not a constant of"), e.getMessage());
        var n = assertThrows(IllegalArgumentException.class, () -> compile("SELECT o FROM Order o WHERE o.value = NEW"));
        assertTrue(n.getMessage().contains("unknown identifier 'NEW'"), n.getMessage());
    }

    @Test
    void newAtTheStartOfTheSelectClauseIsAConstructorExpression() {
        assertEquals("com.x.Dto", compile("SELECT NEW com.x.Dto(o.value) FROM Order o").shape().constructor());
    }

    @Test
    void anAttributeNamedIndexIsANameInAComputedOrderBy() {
        assertEquals("(o.index + 1)", io.jynamo.jpql.plan.ClientWorkText.of(
                compile("SELECT o FROM Order o WHERE o.value = 1 ORDER BY o.index + 1").order().get(0).computed()));
    }

    @Test
    void caseAtTheStartOfTheSelectClauseIsACaseExpression() {
        assertEquals(java.util.List.of(Integer.class),
                compile("SELECT CASE WHEN o.value = 1 THEN 1 END FROM Order o").selectedTypes());
    }

    @Test
    void keywordsStillMeanTheirConstructWhereTheGrammarNeedsThem() {
        for (String[] c : new String[][] {
                {"SELECT o FROM Order o WHERE o.value = NEW com.x.Dto(1)", "constructor expressions (NEW)"},
                {"SELECT o FROM Order o WHERE EXISTS (SELECT x FROM X x)", "EXISTS"},
                {"SELECT o FROM Order o WHERE o.status IN (SELECT x.s FROM X x)", "subqueries"},
                {"SELECT o FROM Order o WHERE o.value > ALL (SELECT x.a FROM X x)", "subqueries (ALL)"},
                {"SELECT o FROM Order o GROUP BY o.value", "GROUP BY"},
                {"SELECT o FROM Order o WHERE o.value < CURRENT_DATE", "cannot compare a Integer with a LocalDate"}}) {
            var e = assertThrows(IllegalArgumentException.class, () -> compile(c[0]), c[0]);
            assertTrue(e.getMessage().contains(c[1]), c[0] + " -> " + e.getMessage());
        }
    }

    @Test
    void aVariableNamedLikeAClauseKeywordNeedsAsAndTheHintSaysSo() {
        var e = assertThrows(IllegalArgumentException.class, () -> compile("SELECT order FROM Order order"));
        assertTrue(e.getMessage().contains("declare it with AS: Entity AS order"), e.getMessage());
    }
}
