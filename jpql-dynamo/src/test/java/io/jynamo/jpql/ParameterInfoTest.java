package io.jynamo.jpql;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ParameterInfoTest {

    private static final ParameterInfo AGE = new ParameterInfo("age", null, Integer.class, false);
    private static final ParameterInfo AGES = new ParameterInfo("ages", null, Integer.class, true);

    @Test
    void acceptsItsTypeAndLosslessNumberConversions() {
        assertTrue(AGE.accepts(3));
        assertTrue(AGE.accepts(3L));
        assertFalse(AGE.accepts(Long.MAX_VALUE));
        assertFalse(AGE.accepts("3"));
    }

    @Test
    void acceptsACollectionOnlyWhereTheQueryAllowsOneAndEveryElementFits() {
        assertFalse(AGE.accepts(List.of(1, 2)));
        assertTrue(AGES.accepts(List.of(1, 2L)));
        assertFalse(AGES.accepts(List.of(1, "2")));
        assertFalse(AGES.accepts(Arrays.asList(1, null)));
    }
}
