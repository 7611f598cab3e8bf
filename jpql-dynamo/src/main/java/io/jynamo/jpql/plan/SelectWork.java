package io.jynamo.jpql.plan;

import io.jynamo.jpql.ClientSide;
import io.jynamo.jpql.Selection;
import io.jynamo.jpql.ast.Computed;
import io.jynamo.jpql.ast.Expr;
import io.jynamo.jpql.semantic.Types;
import io.jynamo.jpql.model.AttributeInfo;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;

/** Select items computed in Java, with the evaluator of the conditions left to Java (one evaluator). */
final class SelectWork implements Selection {
    private final List<Expr> items;
    private final List<Class<?>> types;
    private final ClientWork evaluator;
    private final List<AttributeInfo> attributes;

    SelectWork(List<Expr> items, List<Class<?>> types, Binder binder) {
        this.items = List.copyOf(items);
        this.types = List.copyOf(types);
        this.evaluator = new ClientWork(List.of(), List.of(), binder);
        this.attributes = ClientWork.attributesRead(items);
    }

    @Override
    public List<AttributeInfo> attributes() {
        return attributes;
    }

    /** The relationships whose SIZE a select item reads, counted per row, as EXPLAIN describes each count. */
    List<io.jynamo.jpql.model.AssociationInfo> countedAssociations() {
        return items.stream().flatMap(i -> Expr.nodes(i).stream())
                .filter(e -> e instanceof io.jynamo.jpql.ast.RelationSize)
                .map(e -> ((io.jynamo.jpql.ast.RelationSize) e).association()).distinct().toList();
    }

    @Override
    public Object[] values(ClientSide.Row row) {
        Object[] values = new Object[items.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = Results.as(evaluator.value(items.get(i), row), types.get(i));
        }
        return values;
    }

    @Override
    public boolean aggregates() {
        return !items.isEmpty() && Computed.aggregate(items.get(0));
    }

    @Override
    public Fold fold() {
        if (!aggregates()) {
            throw new IllegalStateException("the select items are not aggregates: " + describe());
        }
        Object[] state = new Object[items.size()];
        long[] counts = new long[items.size()];
        // Of an aggregate over DISTINCT values, the values seen (numbers by value: 1 and 1.0 are one)
        List<java.util.Set<Object>> seen = new ArrayList<>();
        for (Expr e : items) {
            seen.add(((Computed) e).arguments().size() > 1 ? new java.util.HashSet<>() : null);
        }
        return new Fold() {
            @Override
            public void add(ClientSide.Row row) {
                for (int i = 0; i < state.length; i++) {
                    Computed c = (Computed) items.get(i);
                    Object v = evaluator.value(c.arguments().get(0), row);
                    if (v == null || seen.get(i) != null && !seen.get(i).add(v instanceof Number n ? number(n).stripTrailingZeros() : v)) {
                        continue;
                    }
                    counts[i]++;
                    state[i] = switch (c.function()) {
                        case "SUM", "AVG" -> state[i] == null ? number(v) : ((BigDecimal) state[i]).add(number(v));
                        case "MIN" -> state[i] == null || ClientWork.compare(v, state[i]) < 0 ? v : state[i];
                        case "MAX" -> state[i] == null || ClientWork.compare(v, state[i]) > 0 ? v : state[i];
                        default -> null; // COUNT: the count is enough
                    };
                }
            }

            @Override
            public Object[] values() {
                Object[] out = new Object[state.length];
                for (int i = 0; i < out.length; i++) {
                    String f = ((Computed) items.get(i)).function();
                    Object v = f.equals("COUNT") ? (Object) counts[i] : counts[i] == 0 ? null
                            : f.equals("AVG") ? ((BigDecimal) state[i]).divide(BigDecimal.valueOf(counts[i]), MathContext.DECIMAL64)
                            : state[i];
                    out[i] = Results.as(v, types.get(i));
                }
                return out;
            }
        };
    }

    private static BigDecimal number(Object v) {
        BigDecimal d = v instanceof Number n ? Types.toBigDecimal(n) : null;
        if (d == null) {
            throw new IllegalArgumentException("SUM and AVG take numbers, not " + v + " (" + v.getClass().getName() + ")");
        }
        return d;
    }

    @Override
    public String describe() {
        List<String> texts = new ArrayList<>();
        for (Expr e : items) {
            texts.add(ClientWork.text(e));
        }
        return String.join(", ", texts);
    }
}
