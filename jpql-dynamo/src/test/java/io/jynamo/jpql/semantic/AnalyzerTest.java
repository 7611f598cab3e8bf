package io.jynamo.jpql.semantic;

import io.jynamo.jpql.CompiledQuery;
import io.jynamo.jpql.JpqlCompiler;
import io.jynamo.jpql.ParameterInfo;
import io.jynamo.jpql.SelectKind;
import io.jynamo.jpql.ast.Comparison;
import io.jynamo.jpql.ast.Literal;
import io.jynamo.jpql.testing.TestModels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AnalyzerTest {

    private static CompiledQuery compile(String q) {
        return JpqlCompiler.compile(q, TestModels.MODEL);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            SELECT x FROM Nobody x                                      | 1, column 15 | unknown entity 'Nobody'
            SELECT u FROM User u WHERE u.nope = 1                       | 1, column 28 | known attributes: active, address
            SELECT x FROM User u                                        | 1, column 8  | unknown identification variable 'x'
            SELECT u FROM User u WHERE x.age = 1                        | 1, column 28 | unknown identification variable 'x'
            SELECT u FROM User u WHERE u.age = 'abc'                    | 1, column 36 | 'abc' is a String but u.age is java.lang.Integer
            SELECT u FROM User u WHERE u.name = 5                       | 1, column 37 | 5 is an integer but u.name is java.lang.String
            SELECT u FROM User u WHERE u.age = 1.5                      | 1, column 36 | 1.5 is a decimal but u.age
            SELECT u FROM User u WHERE u.active = 'yes'                 | 1, column 39 | is a String but u.active is java.lang.Boolean
            SELECT u FROM User u WHERE u.age = 99999999999              | 1, column 36 | out of range
            SELECT u FROM User u WHERE u.score = 1e-400                 | 1, column 38 | too small and would be 0
            SELECT u FROM User u WHERE u.score = 1e400                  | 1, column 38 | out of range
            SELECT u FROM User u WHERE u.status = 'ACTIVE'              | 1, column 39 | write the constant without quotes
            SELECT u FROM User u WHERE u.status = ACTIV                 | 1, column 39 | 'ACTIV' is not a constant
            SELECT u FROM User u WHERE u.status = com.x.Status.ACTIVE   | 1, column 39 | is not a constant of
            SELECT u FROM User u WHERE u.age = ACTIVE                   | 1, column 36 | unknown identifier 'ACTIVE'
            SELECT u FROM User u WHERE u.status < ACTIVE                | 1, column 37 | '<' is not supported on u.status
            SELECT u FROM User u WHERE u.active > TRUE                  | 1, column 37 | '>' is not supported
            SELECT u FROM User u WHERE u.tags = 'x'                     | 1, column 28 | use :value MEMBER OF u.tags
            SELECT u FROM User u WHERE u.address = 'x'                  | 1, column 28 | compare its attributes
            SELECT u FROM User u WHERE 'x' MEMBER OF u.name             | 1, column 42 | MEMBER OF needs a collection attribute
            SELECT u FROM User u WHERE 5 MEMBER OF u.scores AND SIZE(u.age) = 1 | 1, column 58 | SIZE needs a collection attribute
            SELECT u FROM User u WHERE u.age LIKE '1%'                  | 1, column 28 | LIKE needs a string attribute
            SELECT u FROM User u WHERE u.name LIKE 'a\\b' ESCAPE '\\'      | 1, column 40 | escapes 'b', which needs no escape
            SELECT u FROM User u WHERE LOWER(u.age) = 'a'               | 1, column 34 | LOWER needs a string but u.age is java.lang.Integer
            SELECT u FROM User u WHERE LENGTH(u.name) = 'a'             | 1, column 45 | 'a' is a String
            SELECT u FROM User u WHERE u.age + u.name > 1               | 1, column 36 | arithmetic needs a number but u.name
            SELECT u FROM User u WHERE u.age IN (:a + 1)                | 1, column 41 | arithmetic is not supported as IN item
            SELECT u FROM User u WHERE LENGTH(:p) = 2                   | 1, column 39 | needs an attribute
            SELECT u FROM User u WHERE u.email IN (UPPER(u.name))       | 1, column 40 | UPPER on an attribute is not supported
            SELECT u FROM User u WHERE u.age = LOWER('a')               | 1, column 36 | LOWER produces a String
            SELECT u FROM User u WHERE 1 = 1                            | 1, column 30 | needs an attribute
            SELECT u FROM User u WHERE :a = :b                          | 1, column 31 | needs an attribute
            SELECT u FROM User u WHERE u = :p                           | 1, column 28 | is the entity itself
            SELECT u FROM User u WHERE u.age = u.name                   | 1, column 34 | cannot compare u.age
            SELECT u FROM User u WHERE u.age = :p AND u.name = :p       | 1, column 52 | parameter :p is used as java.lang.Integer
            SELECT u FROM User u WHERE u.age = :p AND u.name = ?1       | 1, column 52 | cannot be mixed
            SELECT u FROM User u ORDER BY u.tags                        | 1, column 31 | ORDER BY on the collection u.tags
            UPDATE User u SET u.lastName = 'x'                          | 1, column 19 | part of the primary key
            UPDATE User u SET u.age = 1, u.age = 2                      | 1, column 30 | assigned twice
            UPDATE User u SET u.age = 'x'                               | 1, column 27 | is a String but u.age
            SELECT u FROM User u WHERE u.birthday = 'not a date'        | 1, column 41 | not a valid LocalDate
            SELECT u FROM User u WHERE u.age IN (1, 'x')                | 1, column 41 | is a String
            SELECT u FROM User u WHERE u.name LIKE u.email              | 1, column 40 | an attribute is not allowed
            """)
    void semanticErrorsNameTheProblemAndPosition(String jpql, String where, String message) {
        var e = assertThrows(IllegalArgumentException.class, () -> compile(jpql));
        assertTrue(e.getMessage().contains("line " + where), e.getMessage());
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    @Test
    void literalsAreConvertedToTheAttributeType() {
        CompiledQuery q = compile("SELECT u FROM User u WHERE u.count = 5 AND u.balance = 2 AND u.score = 1.5 "
                + "AND u.birthday = '2020-01-02' AND u.status = ACTIVE AND u.active = TRUE");
        var ops = ((io.jynamo.jpql.ast.And) q.where()).operands();
        assertEquals(5L, ((Literal) ((Comparison) ops.get(0)).right()).value());
        assertEquals(BigDecimal.valueOf(2), ((Literal) ((Comparison) ops.get(1)).right()).value());
        assertEquals(1.5, ((Literal) ((Comparison) ops.get(2)).right()).value());
        assertEquals(LocalDate.of(2020, 1, 2), ((Literal) ((Comparison) ops.get(3)).right()).value());
        assertEquals(TestModels.Status.ACTIVE, ((Literal) ((Comparison) ops.get(4)).right()).value());
        assertEquals(Boolean.TRUE, ((Literal) ((Comparison) ops.get(5)).right()).value());
    }

    @Test
    void qualifiedEnumLiteralIsResolved() {
        CompiledQuery q = compile("SELECT u FROM User u WHERE u.status = io.jynamo.jpql.testing.TestModels.Status.BANNED");
        assertEquals(TestModels.Status.BANNED, ((Literal) ((Comparison) q.where()).right()).value());
    }

    @Test
    void parametersAreTypedInOrderOfFirstAppearance() {
        CompiledQuery q = compile("SELECT u FROM User u WHERE u.age > :age AND u.name LIKE :pat AND u.email IN :emails "
                + "AND :tag MEMBER OF u.tags AND SIZE(u.scores) = :n AND u.age < :age AND :opt IS NULL");
        assertEquals(List.of(
                new ParameterInfo("age", null, Integer.class, false),
                new ParameterInfo("pat", null, String.class, false),
                new ParameterInfo("emails", null, String.class, true),
                new ParameterInfo("tag", null, String.class, false),
                new ParameterInfo("n", null, Integer.class, false),
                new ParameterInfo("opt", null, Object.class, false)), q.parameters());
    }

    @Test
    void positionalParametersHavePositions() {
        CompiledQuery q = compile("SELECT u FROM User u WHERE u.age > ?2 AND u.name = ?1");
        assertEquals(List.of(new ParameterInfo(null, 2, Integer.class, false), new ParameterInfo(null, 1, String.class, false)),
                q.parameters());
    }

    @Test
    void selectedAttributesAreListedInOrder() {
        CompiledQuery q = compile("SELECT u.email, u.address.city FROM User u");
        assertEquals(SelectKind.ATTRIBUTES, q.selectKind());
        assertEquals("email", q.selectedAttributes().get(0).path());
        assertEquals("address.city", q.selectedAttributes().get(1).path());
    }

    @Test
    void lowerOfLiteralIsFoldedAtCompileTime() {
        CompiledQuery q = compile("SELECT u FROM User u WHERE u.email = LOWER('A@B.COM')");
        assertEquals("a@b.com", ((Literal) ((Comparison) q.where()).right()).value());
    }

    @Test
    void orderByAnIndexSortKeyIsAccepted() {
        compile("SELECT u FROM User u WHERE u.status = ACTIVE ORDER BY u.age");
        compile("SELECT u FROM User u WHERE u.lastName = 'x' ORDER BY u.firstName DESC");
    }
}
