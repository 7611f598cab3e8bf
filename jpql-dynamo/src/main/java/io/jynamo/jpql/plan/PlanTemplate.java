package io.jynamo.jpql.plan;

import io.jynamo.jpql.BoundValue;
import io.jynamo.jpql.ParameterInfo;
import io.jynamo.jpql.StatementKind;
import io.jynamo.jpql.ast.CompareOp;
import io.jynamo.jpql.ast.Comparison;
import io.jynamo.jpql.ast.OrderBy;
import io.jynamo.jpql.ast.Param;
import io.jynamo.jpql.ast.PathExpr;
import io.jynamo.jpql.ast.Statement;
import io.jynamo.jpql.semantic.Analysis;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The plan of a query whose only condition is {@code path = :param}, made once and bound again to each argument:
 * the most frequent parameterised query (by key, by an index's key, by an attribute) plans the same operation,
 * expressions and placeholders for every non-null argument, and only the value differs.
 *
 * <p>The planner's decisions depend on values in many places (a NULL argument, IN lists and their duplicates, LIKE
 * patterns, BETWEEN bounds, two conditions on one key told apart by value), so only this shape is taken, where none
 * of them can arise: a SELECT, one parameter, used once, compared by {@code =} with an attribute, no join, no
 * relationship step and no selection computed in Java. A NULL or collection argument is planned by the planner. The
 * first plan is kept only if the argument's value is all it holds of the arguments; the arguments are checked and
 * converted as the planner does, with the same errors.
 */
public final class PlanTemplate {

    private final Analysis analysis;
    private final Param param;
    private final ParameterInfo info;
    /**
     * The first plan with its value taken out (a cached query keeps no argument of anyone's), or {@link #UNFIT} when it
     * held more than that value; {@code null} before the first plan.
     */
    private volatile Object made;

    private static final Object UNFIT = new Object();

    private PlanTemplate(Analysis analysis, Param param) {
        this.analysis = analysis;
        this.param = param;
        this.info = analysis.parameters().get(0);
    }

    /** The template of a statement of the shape above, or {@code null} for any other. */
    public static PlanTemplate of(Analysis analysis) {
        Statement s = analysis.statement();
        if (s.kind() != StatementKind.SELECT || analysis.parameters().size() != 1 || !analysis.steps().isEmpty()
                || !s.joins().isEmpty() || s.shape().computed() || !(s.where() instanceof Comparison c)
                || c.op() != CompareOp.EQ) {
            return null;
        }
        for (OrderBy o : s.order()) {
            if (o.path() == null) {
                return null;
            }
        }
        Param p = c.left() instanceof Param l ? l : c.right() instanceof Param r ? r : null;
        PathExpr path = c.left() instanceof PathExpr l ? l : c.right() instanceof PathExpr r ? r : null;
        if (p == null || path == null || path.attribute() == null || !p.key().equals(analysis.parameters().get(0).key())) {
            return null;
        }
        return new PlanTemplate(analysis, p);
    }

    /**
     * The plan for these arguments, or {@code null} when the planner must make it (a NULL or collection argument, or a
     * query whose first plan did not fit).
     *
     * @throws IllegalArgumentException for a missing or ill-typed argument, as the planner
     */
    public PlanData plan(Map<Object, Object> arguments) {
        Object m = made;
        if (m == UNFIT) {
            return null;
        }
        Object value = Binder.argument(analysis, info, arguments == null ? Map.of() : arguments);
        if (value == null || value instanceof Collection<?>) {
            return null;
        }
        if (m == null) {
            Binder binder = Binder.bind(analysis, arguments);
            PlanData plan = Planner.plan(analysis, binder, null);
            made = holdsOnly(plan, binder.eval(param)) ? bound(plan, null) : UNFIT;
            return plan;
        }
        return bound((PlanData) m, value);
    }

    /** Whether the plan holds the argument's value and nothing else of the arguments, only where a value is bound. */
    private static boolean holdsOnly(PlanData plan, Object value) {
        if (plan.alwaysEmpty() || plan.clientSide() != null || plan.selection() != null || !plan.assignments().isEmpty()) {
            return false;
        }
        int held = 0;
        for (BoundValue v : plan.values().values()) {
            if (v.value() != value) {
                return false;
            }
            held++;
        }
        for (Map<String, BoundValue> key : plan.keys()) {
            for (BoundValue v : key.values()) {
                if (v.value() != value) {
                    return false;
                }
                held++;
            }
        }
        return held > 0;
    }

    /** Whether a template was kept (for tests): after a first plan of a fitting query. */
    boolean kept() {
        Object m = made;
        return m != null && m != UNFIT;
    }

    /** The template bound to {@code value} ({@code null}: the template kept, without a value or a text). */
    private PlanData bound(PlanData t, Object value) {
        List<Map<String, BoundValue>> keys = t.keys().isEmpty() ? List.of() : new ArrayList<>(t.keys().size());
        for (Map<String, BoundValue> key : t.keys()) {
            keys.add(with(key, value));
        }
        return new PlanData(t.operation(), t.tableName(), t.indexName(), t.keyCondition(), t.filter(), t.projection(),
                t.names(), with(t.values(), value), List.copyOf(keys), t.count(), t.scanIndexForward(), t.assignments(),
                t.updateExpression(), t.writeCondition(), t.scanReason(), false, t.fetches(), t.selectedAssociation(), null,
                null,
                value == null ? null : () -> Planner.plan(analysis, Map.of(param.key(), value), null).explain());
    }

    /** The placeholders (or key attributes) of the template, each bound to {@code value}. */
    private static Map<String, BoundValue> with(Map<String, BoundValue> template, Object value) {
        if (template.size() == 1) {
            Map.Entry<String, BoundValue> only = template.entrySet().iterator().next();
            return Map.of(only.getKey(), new BoundValue(value, only.getValue().attribute(), only.getValue().element()));
        }
        Map<String, BoundValue> bound = new LinkedHashMap<>();
        template.forEach((name, v) -> bound.put(name, new BoundValue(value, v.attribute(), v.element())));
        return java.util.Collections.unmodifiableMap(bound);
    }
}
