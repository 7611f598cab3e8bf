package io.jynamo.jpql.plan;

import io.jynamo.jpql.BoundPlan;
import io.jynamo.jpql.JoinedKey;
import io.jynamo.jpql.JpqlCompiler;
import io.jynamo.jpql.Operation;
import io.jynamo.jpql.ValueKind;
import io.jynamo.jpql.model.AttributeInfo;
import io.jynamo.jpql.model.EntityInfo;
import io.jynamo.jpql.model.QueryModel;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.jynamo.jpql.testing.TestModels.attr;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Equalities on the first parts of a sort key joined from several key attributes become one condition on it. */
class JoinedSortKeysTest {

    /** Stop keyed by route (partition key) and day#stop (joined from day and stop). */
    private static final QueryModel MODEL;

    static {
        Map<String, AttributeInfo> a = new LinkedHashMap<>();
        for (AttributeInfo i : List.of(attr("route", "route", ValueKind.STRING, String.class),
                attr("day#stop", "day#stop", ValueKind.STRING, String.class),
                attr("day", "day", ValueKind.NUMBER, Integer.class),
                attr("stop", "stop", ValueKind.STRING, String.class),
                attr("seats", "seats", ValueKind.NUMBER, Integer.class))) {
            a.put(i.path(), i);
        }
        EntityInfo stop = new EntityInfo("Stop", "stops", "route", "day#stop", List.of(), a, Map.of(), null, null,
                List.of("day", "stop"));
        MODEL = name -> Optional.ofNullable(name.equals("Stop") ? stop : null);
    }

    private static BoundPlan plan(String q) {
        return JpqlCompiler.compile(q, MODEL).bind(Map.of(), null);
    }

    @Test
    void theFirstPartsFixedAreABeginsWithInTheKeyCondition() {
        BoundPlan p = plan("SELECT s FROM Stop s WHERE s.route = 'r' AND s.day = 2 AND s.seats > 1");
        assertEquals(Operation.QUERY, p.operation());
        assertTrue(p.keyCondition().contains("begins_with("), p.keyCondition());
        assertEquals("#n2 > :v2", p.filter(), "the day is no filter any more");
        JoinedKey joined = (JoinedKey) p.values().values().stream().filter(v -> v.value() instanceof JoinedKey)
                .findFirst().orElseThrow().value();
        assertTrue(joined.prefix());
        assertEquals(List.of(2), joined.parts().stream().map(v -> ((Number) v.value()).intValue()).toList());
    }

    @Test
    void everyPartFixedIsTheWholeKey() {
        BoundPlan p = plan("SELECT s FROM Stop s WHERE s.stop = 'x' AND s.route = 'r' AND s.day = 2");
        assertEquals(Operation.GET_ITEM, p.operation());
    }

    @Test
    void aLaterPartWithoutTheFirstStaysAFilter() {
        BoundPlan p = plan("SELECT s FROM Stop s WHERE s.route = 'r' AND s.stop = 'x'");
        assertEquals("#n0 = :v0", p.keyCondition());
        assertTrue(p.filter() != null && !p.filter().contains("begins_with"), p.filter());
        BoundPlan range = plan("SELECT s FROM Stop s WHERE s.route = 'r' AND s.day > 2");
        assertFalse(range.keyCondition().contains("begins_with"), range.keyCondition());
    }
}
