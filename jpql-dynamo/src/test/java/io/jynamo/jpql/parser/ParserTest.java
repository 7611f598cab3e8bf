package io.jynamo.jpql.parser;

import io.jynamo.jpql.JpqlCompiler;
import io.jynamo.jpql.SelectKind;
import io.jynamo.jpql.StatementKind;
import io.jynamo.jpql.ast.And;
import io.jynamo.jpql.ast.Between;
import io.jynamo.jpql.ast.CaseFunction;
import io.jynamo.jpql.ast.CompareOp;
import io.jynamo.jpql.ast.Comparison;
import io.jynamo.jpql.ast.In;
import io.jynamo.jpql.ast.IsNull;
import io.jynamo.jpql.ast.Like;
import io.jynamo.jpql.ast.Literal;
import io.jynamo.jpql.ast.MemberOf;
import io.jynamo.jpql.ast.Not;
import io.jynamo.jpql.ast.Or;
import io.jynamo.jpql.ast.Param;
import io.jynamo.jpql.ast.SizeExpr;
import io.jynamo.jpql.testing.TestModels;
import io.jynamo.jpql.ast.Statement;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ParserTest {

    @Test
    void selectEntityWithAsAndKeywordsInAnyCase() {
        Statement s = Parser.parse("select u from User as u where u.a = 1 order by u.b desc");
        assertEquals(StatementKind.SELECT, s.kind());
        assertEquals(SelectKind.ENTITY, s.selectKind());
        assertEquals("User", s.entityName());
        assertEquals("u", s.variable());
        assertTrue(s.orderBy().descending());
        assertEquals("b", s.orderBy().path().path());
    }

    @Test
    void selectAttributesAndCount() {
        Statement s = Parser.parse("SELECT u.a, u.address.city FROM User u");
        assertEquals(SelectKind.ATTRIBUTES, s.selectKind());
        assertEquals("address.city", s.selected().get(1).path());
        assertNull(s.where());
        assertEquals(SelectKind.COUNT, Parser.parse("SELECT COUNT(u) FROM User u").selectKind());
    }

    @Test
    void aParenthesisThatStartsAConditionMayGroupAValue() {
        Comparison plusOne = (Comparison) Parser.parse("SELECT d FROM D d WHERE ((d.n + 1) = ?1)").where();
        assertInstanceOf(io.jynamo.jpql.ast.Computed.class, plusOne.left());
        assertEquals(CompareOp.EQ, plusOne.op());
        assertInstanceOf(Between.class, Parser.parse("SELECT d FROM D d WHERE (d.n) BETWEEN 1 AND 2").where());
        assertTrue(((In) Parser.parse("SELECT d FROM D d WHERE (d.n + 1) * 2 NOT IN (1, 2)").where()).negated());
        And grouped = (And) Parser.parse("SELECT d FROM D d WHERE (d.n = 1 OR d.m = 2) AND ((d.n)) = 3").where();
        assertInstanceOf(Or.class, grouped.operands().get(0));
        assertInstanceOf(Comparison.class, grouped.operands().get(1));
    }

    @Test
    void countsAloneAreDynamoDbCountsAndOtherAggregatesSelectItems() {
        assertEquals(SelectKind.COUNT, Parser.parse("SELECT COUNT(DISTINCT u) FROM User u").selectKind());
        Statement counted = Parser.parse("SELECT COUNT(u.a) FROM User u");
        assertEquals(SelectKind.COUNT, counted.selectKind());
        assertInstanceOf(IsNull.class, counted.where());
        Statement distinct = Parser.parse("SELECT COUNT(DISTINCT u.a) FROM User u");
        assertEquals(SelectKind.ATTRIBUTES, distinct.selectKind());
        io.jynamo.jpql.ast.Computed c = (io.jynamo.jpql.ast.Computed) distinct.shape().items().get(0);
        assertEquals("COUNT", c.function());
        assertEquals(io.jynamo.jpql.ast.Computed.DISTINCT, c.arguments().get(1));
        assertEquals(2, Parser.parse("SELECT COUNT(u), SUM(DISTINCT u.b) FROM User u").shape().items().size());
    }

    @Test
    void objectOfTheVariableIsTheVariable() {
        Statement s = Parser.parse("SELECT OBJECT(u) FROM User u WHERE u.a = 1");
        assertEquals(SelectKind.ENTITY, s.selectKind());
        assertEquals(java.util.List.of("u"), s.selected().get(0).names());
        assertEquals(SelectKind.ENTITY, Parser.parse("select distinct object(u) from User u").selectKind());
        var path = assertThrows(IllegalArgumentException.class, () -> Parser.parse("SELECT OBJECT(u.a) FROM User u"));
        assertTrue(path.getMessage().contains("takes an identification variable"), path.getMessage());
    }

    @Test
    void updateAndDelete() {
        Statement u = Parser.parse("UPDATE User u SET u.a = 'x', u.b = NULL WHERE u.c = 1");
        assertEquals(StatementKind.UPDATE, u.kind());
        assertEquals(2, u.sets().size());
        assertNull(((Literal) u.sets().get(1).value()).value());
        Statement d = Parser.parse("DELETE FROM User u");
        assertEquals(StatementKind.DELETE, d.kind());
        assertNull(d.where());
    }

    @Test
    void precedenceIsOrThenAndThenNot() {
        Statement s = Parser.parse("SELECT u FROM U u WHERE NOT u.a = 1 AND u.b = 2 OR u.c = 3");
        Or or = assertInstanceOf(Or.class, s.where());
        And and = assertInstanceOf(And.class, or.operands().get(0));
        assertInstanceOf(Not.class, and.operands().get(0));
        assertInstanceOf(Comparison.class, or.operands().get(1));
    }

    @Test
    void parenthesesGroupConditions() {
        Statement s = Parser.parse("SELECT u FROM U u WHERE u.a = 1 AND (u.b = 2 OR u.c = 3)");
        And and = assertInstanceOf(And.class, s.where());
        assertInstanceOf(Or.class, and.operands().get(1));
    }

    @Test
    void everyPredicateForm() {
        Statement s = Parser.parse("SELECT u FROM U u WHERE u.a NOT BETWEEN 1 AND 2 AND u.b NOT LIKE 'x%' "
                + "AND u.c NOT IN (1, :p, ?2) AND u.d IN :list AND u.e IS NOT NULL AND :v NOT MEMBER OF u.f "
                + "AND :w MEMBER u.g AND SIZE(u.h) >= 2 AND u.i = LOWER(:q) AND -5 < u.j");
        var ops = ((And) s.where()).operands();
        assertTrue(assertInstanceOf(Between.class, ops.get(0)).negated());
        assertTrue(assertInstanceOf(Like.class, ops.get(1)).negated());
        In in = assertInstanceOf(In.class, ops.get(2));
        assertTrue(in.negated());
        assertEquals(3, in.items().size());
        assertInstanceOf(Param.class, assertInstanceOf(In.class, ops.get(3)).items().get(0));
        assertTrue(assertInstanceOf(IsNull.class, ops.get(4)).negated());
        assertTrue(assertInstanceOf(MemberOf.class, ops.get(5)).negated());
        assertInstanceOf(MemberOf.class, ops.get(6));
        assertInstanceOf(SizeExpr.class, ((Comparison) ops.get(7)).left());
        assertInstanceOf(CaseFunction.class, ((Comparison) ops.get(8)).right());
        Comparison neg = (Comparison) ops.get(9);
        assertEquals(-5, ((Literal) neg.left()).value());
        assertEquals(CompareOp.LT, neg.op());
    }

    @Test
    void keywordsMayBeAttributeNamesAfterADot() {
        Statement s = Parser.parse("SELECT u FROM U u WHERE u.count = 1 AND u.order = 2 AND u.size = 3 AND u.member = 4");
        assertEquals(4, ((And) s.where()).operands().size());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            SELECT u FROM User u RIGHT JOIN u.orders o                  | 1, column 22 | RIGHT JOIN
            SELECT u FROM User u LEFT JOIN Order o                      | 1, column 32 | JOIN
            SELECT u FROM User u, Order o                               | 1, column 21 | JOIN
            SELECT u FROM User u GROUP BY u.a                           | 1, column 22 | GROUP BY
            SELECT u FROM User u WHERE u.a = 1 GROUP BY u.a             | 1, column 36 | GROUP BY
            SELECT u FROM User u WHERE u.a = 1 HAVING u.a > 1           | 1, column 36 | HAVING
            SELECT u FROM User u WHERE u.a IN (SELECT x.a FROM X x)     | 1, column 36 | subqueries
            SELECT u FROM User u WHERE EXISTS (SELECT x FROM X x)       | 1, column 28 | EXISTS
            SELECT u FROM User u WHERE u.a > ALL (SELECT x.a FROM X x)  | 1, column 34 | ALL
            SELECT u FROM User u WHERE u.a = (SELECT x.a FROM X x)      | 1, column 35 | subqueries
            SELECT MAX(u) FROM User u                                   | 1, column 12 | MAX(u) takes a value
            SELECT SUM(u.a), COUNT(DISTINCT u) FROM User u              | 1, column 24 | COUNT(DISTINCT u) beside other select items
            SELECT u.a, SUM(u.b) FROM User u                            | 1, column 8  | has only aggregates
            SELECT NEW com.x.Dto(u) FROM User u                         | 1, column 22 | NEW takes attributes
            SELECT NEW com.x.Dto(u.a), u.b FROM User u                  | 1, column 26 | NEW cannot be combined
            SELECT NEW com.x.Dto(u.a AS a) FROM User u                  | 1, column 26 | not allowed inside NEW
            SELECT u FROM User u WHERE CASE WHEN u.a = 1 THEN 1 = 1     | 1, column 53 | END
            SELECT u FROM User u WHERE SOUNDEX(u.a) = 2                 | 1, column 28 | SOUNDEX
            SELECT u FROM User u WHERE SUBSTRING(u.a) = 'ab'            | 1, column 28 | SUBSTRING does not take 1 argument
            SELECT u FROM User u WHERE LENGTH(u.a, 2) = 2               | 1, column 28 | LENGTH does not take 2 arguments
            SELECT u FROM User u WHERE TRIM(LEADING 'x' u.a) = 'x'      | 1, column 45 | FROM
            SELECT u FROM User u WHERE TREAT(u AS Admin) = 1            | 1, column 46 | '.' and an attribute of Admin
            SELECT u FROM User u WHERE KEY(u.m) = 'x'                   | 1, column 28 | KEY
            SELECT u FROM User u WHERE u.a LIKE 'x!%' ESCAPE 'ab'       | 1, column 50 | ESCAPE takes one character
            SELECT u FROM User u WHERE u.a < LOCAL NOW                  | 1, column 40 | DATE, TIME or DATETIME
            SELECT u FROM User u ORDER BY u.a NULLS u.b                 | 1, column 41 | FIRST or LAST
            SELECT u FROM User u UNION SELECT v FROM V v                | 1, column 22 | UNION
            FROM User u                                                 | 1, column 1  | SELECT, UPDATE or DELETE
            SELECT u FROM User                                          | 1, column 19 | identification variable
            SELECT u FROM User u WHERE                                  | 1, column 27 | a value
            SELECT u FROM User u WHERE u.a =                            | 1, column 33 | a value
            SELECT u FROM User u WHERE u.a = 1 u.b = 2                  | 1, column 36 | end of query
            SELECT u FROM User u WHERE (u.a = 1                         | 1, column 36 | ')'
            SELECT u FROM User u WHERE u.a NOT = 1                      | 1, column 36 | BETWEEN, LIKE, IN or MEMBER
            SELECT u FROM User u WHERE u.a BETWEEN 1 2                  | 1, column 42 | AND
            SELECT u FROM User u WHERE u.a IN 1                         | 1, column 35 | '('
            SELECT u FROM User u WHERE u.a IS 1                         | 1, column 35 | NULL
            SELECT u, u.a FROM User u                                   | 1, column 11 | either the entity alone
            """)
    void unsupportedOrMalformedQueriesNameConstructAndPosition(String jpql, String where, String construct) {
        var e = assertThrows(IllegalArgumentException.class, () -> Parser.parse(jpql));
        assertTrue(e.getMessage().contains("line " + where), e.getMessage());
        assertTrue(e.getMessage().contains(construct), e.getMessage());
        assertTrue(e.getMessage().contains("Hint:") || e.getMessage().contains("expected"), e.getMessage());
    }

    @Test
    void multiLineQueryReportsLineAndColumnOfTheOffendingToken() {
        String q = """
                SELECT u
                FROM User u
                WHERE u.lastName = 'Smith'
                  AND u.age % 1 > 3""";
        var e = assertThrows(IllegalArgumentException.class, () -> Parser.parse(q));
        assertTrue(e.getMessage().contains("line 4, column 13"), e.getMessage());

        String q2 = "SELECT u\nFROM User u\n  JOIN u.friends f\nWHERE f.a = 1";
        // JOIN parses; that User has no association 'friends' is the analyser's to say, at the JOIN
        var e2 = assertThrows(IllegalArgumentException.class, () -> JpqlCompiler.compile(q2, TestModels.MODEL));
        assertTrue(e2.getMessage().contains("line 3, column 3"), e2.getMessage());
        assertTrue(e2.getMessage().contains("JOIN"), e2.getMessage());

        String q3 = "SELECT u FROM User u\n WHERE u.a = 1\n GROUP BY u.a";
        var e3 = assertThrows(IllegalArgumentException.class, () -> Parser.parse(q3));
        assertTrue(e3.getMessage().contains("line 3, column 2"), e3.getMessage());
    }

    @Test
    void identificationVariablesAreCaseInsensitive() {
        var q = JpqlCompiler.compile("SELECT DISTINCT Object(U) FROM User u WHERE U.email = 'a' ORDER BY U.email", TestModels.MODEL);
        assertEquals(JpqlCompiler.compile("SELECT DISTINCT u FROM User u WHERE u.email = 'a' ORDER BY u.email", TestModels.MODEL)
                .explain(null), q.explain(null));
    }

    @Test
    void doublePipesAreConcatAtTheLevelOfPlusAndMinus() {
        Statement s = Parser.parse("SELECT u FROM User u WHERE u.a = 'x' || u.b || 'y'");
        var outer = (io.jynamo.jpql.ast.Computed) ((Comparison) s.where()).right();
        assertEquals("CONCAT", outer.function());
        var inner = (io.jynamo.jpql.ast.Computed) outer.arguments().get(0);
        assertEquals("CONCAT", inner.function());
        assertEquals(java.util.List.of("u", "b"), ((io.jynamo.jpql.ast.PathExpr) inner.arguments().get(1)).names());
        var e = assertThrows(IllegalArgumentException.class, () -> Parser.parse("SELECT u FROM User u WHERE u.a = 'x' | 'y'"));
        assertTrue(e.getMessage().contains("line 1, column 38: unexpected character '|'"), e.getMessage());
    }
}
