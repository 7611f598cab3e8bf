package io.jynamo.jpql.plan;

import io.jynamo.jpql.BoundValue;
import io.jynamo.jpql.Operation;
import io.jynamo.jpql.ParameterInfo;
import io.jynamo.jpql.StatementKind;
import io.jynamo.jpql.ast.CompareOp;
import io.jynamo.jpql.ast.Comparison;
import io.jynamo.jpql.ast.In;
import io.jynamo.jpql.ast.OrderBy;
import io.jynamo.jpql.ast.Param;
import io.jynamo.jpql.ast.PathExpr;
import io.jynamo.jpql.ast.Statement;
import io.jynamo.jpql.model.AttributeInfo;
import io.jynamo.jpql.semantic.Analysis;
import io.jynamo.jpql.semantic.Types;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The plan of a query whose only condition is {@code path = :param} or {@code key IN :param}, made once and bound again
 * to each argument. The most frequent parameterised query (by key, by an index's key, by an attribute) plans the same
 * operation, expressions and placeholders for every non-null argument, and only the value differs; a read of many
 * keys ({@code IN} on the whole primary key) plans one BatchGetItem key per distinct element, and only the keys differ.
 *
 * <p>The planner's decisions depend on values in many places (a NULL argument, IN lists and their duplicates, LIKE
 * patterns, BETWEEN bounds, two conditions on one key told apart by value), so only these shapes are taken: a SELECT,
 * one parameter, used once, no join, no relationship step and no selection computed in Java. For {@code =}, a NULL or
 * collection argument is planned by the planner; for {@code IN}, a collection of fewer than two distinct non-null
 * elements (a GetItem, or nothing to read) or any other argument is. The first plan is kept only if the argument is
 * all it holds of the arguments (for {@code IN}: the keys of a BatchGetItem, one per distinct element, in order); the
 * arguments are checked and converted as the planner does, with the same errors, and an {@code IN} list's elements are
 * told apart as the planner tells keys apart ({@link Types#identity}), the first of equal ones kept.
 */
public final class PlanTemplate {

    private final Analysis analysis;
    private final Param param;
    private final ParameterInfo info;
    /** The attribute compared, for {@code IN}; {@code null} for {@code =}. */
    private final AttributeInfo inAttribute;
    /**
     * The first plan with its value taken out (a cached query keeps no argument of anyone's; for {@code IN}, one key is
     * kept, without its value, as the pattern of every key), or {@link #UNFIT} when it held more than that value;
     * {@code null} before the first plan.
     */
    private volatile Object made;

    private static final Object UNFIT = new Object();

    private PlanTemplate(Analysis analysis, Param param, AttributeInfo inAttribute) {
        this.analysis = analysis;
        this.param = param;
        this.info = analysis.parameters().get(0);
        this.inAttribute = inAttribute;
    }

    /** The template of a statement of the shapes above, or {@code null} for any other. */
    public static PlanTemplate of(Analysis analysis) {
        Statement s = analysis.statement();
        if (s.kind() != StatementKind.SELECT || analysis.parameters().size() != 1 || !analysis.steps().isEmpty()
                || !s.joins().isEmpty() || s.shape().computed()) {
            return null;
        }
        for (OrderBy o : s.order()) {
            if (o.path() == null) {
                return null;
            }
        }
        Object key = analysis.parameters().get(0).key();
        if (s.where() instanceof In in && !in.negated() && in.items().size() == 1 && in.items().get(0) instanceof Param p
                && in.value() instanceof PathExpr path && path.attribute() != null && p.key().equals(key)) {
            return new PlanTemplate(analysis, p, path.attribute());
        }
        if (!(s.where() instanceof Comparison c) || c.op() != CompareOp.EQ) {
            return null;
        }
        Param p = c.left() instanceof Param l ? l : c.right() instanceof Param r ? r : null;
        PathExpr path = c.left() instanceof PathExpr l ? l : c.right() instanceof PathExpr r ? r : null;
        if (p == null || path == null || path.attribute() == null || !p.key().equals(key)) {
            return null;
        }
        return new PlanTemplate(analysis, p, null);
    }

    /**
     * The plan for these arguments, or {@code null} when the planner must make it (an argument of the kinds above, or a
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
        List<Object> elements = null;
        if (inAttribute != null) {
            elements = elements(value);
            if (elements == null || elements.size() < 2) {
                return null;
            }
        } else if (value == null || value instanceof Collection<?>) {
            return null;
        }
        if (m == null) {
            Binder binder = Binder.bind(analysis, arguments);
            PlanData plan = Planner.plan(analysis, binder, null);
            Object bound = binder.eval(param);
            boolean fits = inAttribute != null ? holdsKeys(plan, elements(bound)) : holdsOnly(plan, bound);
            made = fits ? bound(plan, null, null) : UNFIT;
            return plan;
        }
        return bound((PlanData) m, value, elements);
    }

    /**
     * An {@code IN} argument's distinct non-null elements, in order, the first of equal ones kept; {@code null} if it
     * is no collection, or is one value of a collection attribute.
     */
    private List<Object> elements(Object value) {
        if (!(value instanceof Collection<?> values) || inAttribute.javaType().isInstance(value)) {
            return null;
        }
        List<Object> out = new ArrayList<>(values.size());
        Set<Object> seen = new HashSet<>(values.size() * 4 / 3 + 1);
        for (Object v : values) {
            if (v != null && seen.add(Types.identity(v))) {
                out.add(v);
            }
        }
        return out;
    }

    /** Whether the plan holds the argument's value and nothing else of the arguments, only where a value is bound. */
    private static boolean holdsOnly(PlanData plan, Object value) {
        if (!valuesOnlyInKeysOrPlaceholders(plan)) {
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

    /**
     * Whether the plan is a BatchGetItem of exactly these elements, each the one value of its key, under one key
     * attribute, and holds nothing else of the arguments.
     */
    private static boolean holdsKeys(PlanData plan, List<Object> elements) {
        if (!valuesOnlyInKeysOrPlaceholders(plan) || plan.operation() != Operation.BATCH_GET_ITEM || !plan.values().isEmpty()
                || plan.keys().size() != elements.size()) {
            return false;
        }
        Map.Entry<String, BoundValue> first = plan.keys().get(0).entrySet().iterator().next();
        for (int i = 0; i < elements.size(); i++) {
            Map<String, BoundValue> key = plan.keys().get(i);
            BoundValue v = key.get(first.getKey());
            if (key.size() != 1 || v == null || v.value() != elements.get(i)
                    || !v.attribute().equals(first.getValue().attribute()) || v.element() != first.getValue().element()) {
                return false;
            }
        }
        return true;
    }

    /** Whether a plan has nothing that may hold arguments besides its keys and placeholders. */
    private static boolean valuesOnlyInKeysOrPlaceholders(PlanData plan) {
        return !plan.alwaysEmpty() && plan.clientSide() == null && plan.selection() == null && plan.assignments().isEmpty();
    }

    /** Whether a template was kept (for tests): after a first plan of a fitting query. */
    boolean kept() {
        Object m = made;
        return m != null && m != UNFIT;
    }

    /**
     * The template bound to {@code value}, whose distinct elements are {@code elements} for {@code IN} ({@code null}
     * value: the template kept, without a value or a text).
     */
    private PlanData bound(PlanData t, Object value, List<Object> elements) {
        List<Map<String, BoundValue>> keys;
        if (inAttribute != null) {
            // The one key attribute (holdsKeys), taken once rather than from the pattern per element.
            Map.Entry<String, BoundValue> pattern = t.keys().get(0).entrySet().iterator().next();
            if (value == null) {
                keys = List.of(keyOf(pattern, null));
            } else {
                keys = new ArrayList<>(elements.size());
                for (Object e : elements) {
                    keys.add(keyOf(pattern, e));
                }
            }
        } else {
            keys = t.keys().isEmpty() ? List.of() : new ArrayList<>(t.keys().size());
            for (Map<String, BoundValue> key : t.keys()) {
                keys.add(with(key, value));
            }
        }
        return new PlanData(t.operation(), t.tableName(), t.indexName(), t.keyCondition(), t.filter(), t.projection(),
                t.names(), with(t.values(), value), List.copyOf(keys), t.count(), t.scanIndexForward(), t.assignments(),
                t.updateExpression(), t.writeCondition(), t.scanReason(), false, t.fetches(), t.selectedAssociation(), null,
                null, null,
                value == null ? null : () -> Planner.plan(analysis, Map.of(param.key(), value), null).explain());
    }

    /** One placeholder (or key attribute) bound to {@code value}. */
    private static Map<String, BoundValue> keyOf(Map.Entry<String, BoundValue> attribute, Object value) {
        return Map.of(attribute.getKey(), new BoundValue(value, attribute.getValue().attribute(), attribute.getValue().element()));
    }

    /** The placeholders (or key attributes) of the template, each bound to {@code value}. */
    private static Map<String, BoundValue> with(Map<String, BoundValue> template, Object value) {
        if (template.isEmpty()) {
            return template;
        }
        if (template.size() == 1) {
            return keyOf(template.entrySet().iterator().next(), value);
        }
        Map<String, BoundValue> bound = new LinkedHashMap<>();
        template.forEach((name, v) -> bound.put(name, new BoundValue(value, v.attribute(), v.element())));
        return java.util.Collections.unmodifiableMap(bound);
    }
}
