package io.jynamo.jpql.plan;

import io.jynamo.jpql.ClientSide;
import io.jynamo.jpql.Selection;
import io.jynamo.jpql.ast.Expr;
import io.jynamo.jpql.model.AttributeInfo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
        Map<String, AttributeInfo> attrs = new LinkedHashMap<>();
        for (Expr e : items) {
            ClientWork.collect(e, attrs);
        }
        this.attributes = List.copyOf(attrs.values());
    }

    @Override
    public List<AttributeInfo> attributes() {
        return attributes;
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
    public String describe() {
        List<String> texts = new ArrayList<>();
        for (Expr e : items) {
            texts.add(ClientWork.text(e));
        }
        return String.join(", ", texts);
    }
}
