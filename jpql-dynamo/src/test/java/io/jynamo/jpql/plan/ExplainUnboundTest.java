package io.jynamo.jpql.plan;

import io.jynamo.jpql.CompiledQuery;
import io.jynamo.jpql.JpqlCompiler;
import io.jynamo.jpql.testing.TestModels;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A query with parameters is explained without arguments, its parameters shown as placeholders. */
class ExplainUnboundTest {

    private static String explain(String q) {
        return JpqlCompiler.compile(q, TestModels.MODEL).explain(null);
    }

    private static void contains(String text, String... parts) {
        for (String p : parts) {
            assertTrue(text.contains(p), "<" + p + "> in\n" + text);
        }
    }

    @Test
    void namedParametersOnTheFullKeyAreAGetItemWithPlaceholderKeys() {
        contains(explain("SELECT u FROM User u WHERE u.lastName = :last AND u.firstName = :first"),
                "operation:      GET_ITEM", "last_name=:last (as lastName)", "first_name=:first (as firstName)",
                "note:", "parameters :last, :first are not bound");
    }

    @Test
    void positionalParametersAreShownAsPlaceholders() {
        contains(explain("SELECT u FROM User u WHERE u.email = ?1 AND u.age > ?2"),
                "operation:      QUERY", "index:          byEmail", "key condition:  #n0 = :v0",
                ":v0=?1 (as email)", ":v1=?2 (as age)");
    }

    @Test
    void inACollectionParameterOnTheKeySaysTheKeysDependOnIt() {
        String e = explain("SELECT u FROM User u WHERE u.lastName IN :names AND u.firstName = 'x'");
        contains(e, "operation:      BATCH_GET_ITEM", "last_name=:names (as lastName)",
                "the keys depend on :names", "BatchGetItem (100 keys a call)", "a single value is one GetItem");
    }

    @Test
    void likeWithAParameterSaysTheShapeDependsOnThePattern() {
        String e = explain("SELECT u FROM User u WHERE u.lastName = :l AND u.firstName NOT LIKE :p");
        contains(e, "operation:      QUERY", "filter:         #n1 NOT LIKE :p", "LIKE :p becomes begins_with, contains or =");
    }

    @Test
    void parameterNullChecksAreShownAsDecidedAtBind() {
        String e = explain("SELECT u FROM User u WHERE u.lastName = 'S' AND (:a IS NULL OR u.age = :a)");
        contains(e, ":a IS NULL OR #n1 = :v1", ":v1=:a (as age)", ":a IS NULL is decided when :a is bound");
    }

    @Test
    void caseFunctionsOfParametersAndUpdatesShowTheirPlaceholders() {
        contains(explain("SELECT u FROM User u WHERE u.email = LOWER(:e)"), "=LOWER(:e) (as email)");
        contains(explain("UPDATE User u SET u.name = :n WHERE u.lastName = :l"),
                "update:         SET #n2 = :v1", ":v1=:n (as name)", "write if:");
    }

    @Test
    void aQueryWithoutParametersIsExplainedAsBound() {
        CompiledQuery q = JpqlCompiler.compile("SELECT u FROM User u WHERE u.email = 'a'", TestModels.MODEL);
        assertEquals(q.bind(Map.of(), null).explain(), q.explain(null));
    }

    @Test
    void anUnusableForcedIndexIsStillRefused() {
        CompiledQuery q = JpqlCompiler.compile("SELECT u FROM User u WHERE u.email = :e", TestModels.MODEL);
        assertThrows(IllegalArgumentException.class, () -> q.explain("nope"));
        contains(q.explain("byEmail"), "index:          byEmail");
    }
}
