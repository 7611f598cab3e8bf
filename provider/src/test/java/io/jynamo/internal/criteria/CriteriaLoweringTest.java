package io.jynamo.internal.criteria;

import io.jynamo.annotations.SortKey;
import io.jynamo.internal.metadata.MetadataBuilder;
import io.jynamo.internal.metadata.model.MetamodelImpl;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.ParameterExpression;
import jakarta.persistence.criteria.Root;
import org.junit.jupiter.api.Test;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Criteria queries lower to statements that do not depend on the values they carry. */
class CriteriaLoweringTest {

    public record Key(String owner, Integer seq) implements Serializable {
    }

    @Entity
    @IdClass(Key.class)
    static class Note {
        @Id
        String owner;
        @Id
        @SortKey
        Integer seq;
        String text;
    }

    private final CriteriaBuilderImpl cb = new CriteriaBuilderImpl(new MetamodelImpl(new MetadataBuilder("").build(List.of(Note.class))));

    private CriteriaStatement byOwner(String owner, int from) {
        CriteriaQuery<Note> q = cb.createQuery(Note.class);
        Root<Note> n = q.from(Note.class);
        q.where(cb.equal(n.get("owner"), owner), cb.ge(n.get("seq"), from));
        return CriteriaStatement.of(q);
    }

    @Test
    void queriesThatDifferOnlyInValuesHaveEqualStatementsSoOnePlanIsCached() {
        CriteriaStatement a = byOwner("ann", 1);
        CriteriaStatement b = byOwner("bob", 7);
        assertEquals(a.statement(), b.statement());
        assertEquals(Map.of("jynamo_value1", "ann", "jynamo_value2", 1), a.shaping().preset());
        assertEquals(Map.of("jynamo_value1", "bob", "jynamo_value2", 7), b.shaping().preset());
        assertEquals("SELECT e0 FROM Note e0 WHERE (e0.owner = 'ann') AND (e0.seq >= 1)", a.text());
    }

    @Test
    void getOnABasicPathIsIllegalStateAndAnUnknownNameIllegalArgumentAsPathSays() {
        Root<Note> n = cb.createQuery(Note.class).from(Note.class);
        assertThrows(IllegalStateException.class, () -> n.get("text").get("length"));
        assertThrows(IllegalArgumentException.class, () -> n.get("nope"));
    }

    @Test
    void unnamedParametersGetStatementNamesOfTheirOwnAndKeepANullName() {
        CriteriaQuery<Note> q = cb.createQuery(Note.class);
        Root<Note> n = q.from(Note.class);
        ParameterExpression<String> first = cb.parameter(String.class);
        ParameterExpression<Integer> second = cb.parameter(Integer.class);
        q.where(cb.equal(n.get("owner"), first), cb.equal(n.get("seq"), second));
        assertNull(first.getName());
        assertNotEquals(((ParameterImpl<?>) first).statementName(), ((ParameterImpl<?>) second).statementName());
        assertEquals(2, CriteriaStatement.of(q).shaping().visible().size());
        assertEquals(2, q.getParameters().size());
    }

    @Test
    void aNegatedInSaysItIsNegatedAndLowersToNotIn() {
        CriteriaQuery<Note> q = cb.createQuery(Note.class);
        Root<Note> n = q.from(Note.class);
        jakarta.persistence.criteria.Predicate notIn = cb.in(n.get("text")).value("a").value("b").not();
        assertTrue(notIn.isNegated());
        q.where(cb.equal(n.get("owner"), "ann"), notIn);
        assertTrue(CriteriaStatement.of(q).text().contains("NOT ("), CriteriaStatement.of(q).text());
    }

    @Test
    void twoItemsOfOneSelectionWithTheSameAliasAreRefused() {
        CriteriaQuery<Object[]> q = cb.createQuery(Object[].class);
        Root<Note> n = q.from(Note.class);
        var e = assertThrows(IllegalArgumentException.class,
                () -> cb.array(n.get("owner").alias("same"), n.get("text").alias("same")));
        assertTrue(e.getMessage().contains("alias 'same'"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> cb.createTupleQuery().multiselect(n.get("owner").alias("x"), n.get("seq").alias("x")));
    }
}
