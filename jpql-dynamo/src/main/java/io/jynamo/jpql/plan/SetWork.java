package io.jynamo.jpql.plan;

import io.jynamo.jpql.ClientSide;
import io.jynamo.jpql.Selection;
import io.jynamo.jpql.ast.SetClause;
import io.jynamo.jpql.model.AttributeInfo;
import io.jynamo.jpql.semantic.Types;

import java.util.ArrayList;
import java.util.List;

/**
 * The SET values of an UPDATE computed in Java for each item read ({@code SET e.salary = e.salary * 2}), each of
 * its attribute's Java type. A number is converted only when it fits: {@code 3000000000} is no {@code Integer}, and
 * {@code 2.5} no whole number (the analysis already refused decimal types for whole-number attributes).
 */
final class SetWork implements Selection {
    private final List<SetClause> sets;
    private final List<Class<?>> types = new ArrayList<>();
    private final ClientWork evaluator;
    private final List<AttributeInfo> attributes;

    SetWork(List<SetClause> sets, Binder binder) {
        this.sets = List.copyOf(sets);
        this.evaluator = new ClientWork(List.of(), List.of(), binder);
        for (SetClause s : sets) {
            types.add(Types.wrap(s.target().attribute().javaType()));
        }
        this.attributes = ClientWork.attributesRead(sets.stream().map(SetClause::value).toList());
    }

    @Override
    public List<AttributeInfo> attributes() {
        return attributes;
    }

    @Override
    public Object[] values(ClientSide.Row row) {
        Object[] values = new Object[sets.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = fitted(evaluator.value(sets.get(i).value(), row), types.get(i), sets.get(i));
        }
        return values;
    }

    private static Object fitted(Object v, Class<?> type, SetClause set) {
        if (v instanceof Number n && !type.isInstance(v) && Types.whole(type)) {
            Object whole = Types.fromBigDecimal(Types.toBigDecimal(n), type);
            if (whole == null) {
                throw new IllegalArgumentException("SET " + set.target().text() + " = " + ClientWork.text(set.value())
                        + " gave " + Types.toBigDecimal(n).toPlainString() + ", which is not a " + type.getSimpleName());
            }
            return whole;
        }
        Object fitted = Results.as(v, type);
        if (fitted != null && !type.isInstance(fitted)) {
            throw new IllegalArgumentException("SET " + set.target().text() + " = " + ClientWork.text(set.value())
                    + " gave " + fitted + " (" + fitted.getClass().getName() + "), not a " + type.getName());
        }
        return fitted;
    }

    @Override
    public String describe() {
        List<String> texts = new ArrayList<>();
        for (SetClause s : sets) {
            texts.add(s.target().text() + " = " + ClientWork.text(s.value()));
        }
        return String.join(", ", texts);
    }

    @Override
    public boolean aggregates() {
        return false;
    }

    @Override
    public Fold fold() {
        throw new IllegalStateException("SET values are no aggregates: " + describe());
    }
}
