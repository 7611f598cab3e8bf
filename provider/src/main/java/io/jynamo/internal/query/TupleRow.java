package io.jynamo.internal.query;

import jakarta.persistence.Tuple;
import jakarta.persistence.TupleElement;

import java.util.List;
import java.util.Objects;

/** One result of a tuple query: the selected values, found by position, alias or element (a criteria selection). */
public final class TupleRow implements Tuple {
    private final List<? extends TupleElement<?>> items;
    private final Object[] values;

    public TupleRow(List<? extends TupleElement<?>> items, Object[] values) {
        this.items = items;
        this.values = values;
    }

    private int index(TupleElement<?> element) {
        int i = items.indexOf(element);
        if (i < 0) {
            throw new IllegalArgumentException("The tuple has no element " + element + "; it has " + items);
        }
        return i;
    }

    private int index(String alias) {
        for (int i = 0; i < items.size(); i++) {
            if (Objects.equals(items.get(i).getAlias(), alias)) {
                return i;
            }
        }
        throw new IllegalArgumentException("The tuple has no element with the alias '" + alias + "'");
    }

    private static <T> T typed(Object value, Class<T> type, Object at) {
        if (value != null && !Constructors.box(type).isInstance(value)) {
            throw new IllegalArgumentException("Tuple element " + at + " is a " + value.getClass().getName()
                    + ", not a " + type.getName());
        }
        @SuppressWarnings("unchecked")
        T t = (T) value;
        return t;
    }

    @Override
    public <X> X get(TupleElement<X> element) {
        @SuppressWarnings("unchecked")
        X x = (X) values[index(element)];
        return x;
    }

    /** A selected item of a JPQL query: its result variable and Java type. */
    public record Element<X>(String alias, Class<? extends X> javaType) implements TupleElement<X> {
        @Override
        public Class<? extends X> getJavaType() {
            return javaType;
        }

        @Override
        public String getAlias() {
            return alias;
        }
    }

    @Override
    public <X> X get(String alias, Class<X> type) {
        return typed(get(alias), type, alias);
    }

    @Override
    public Object get(String alias) {
        return values[index(alias)];
    }

    @Override
    public <X> X get(int i, Class<X> type) {
        return typed(get(i), type, i);
    }

    @Override
    public Object get(int i) {
        if (i < 0 || i >= values.length) {
            throw new IllegalArgumentException("The tuple has " + values.length + " elements; there is no element " + i);
        }
        return values[i];
    }

    @Override
    public Object[] toArray() {
        return values.clone();
    }

    @Override
    public List<TupleElement<?>> getElements() {
        return List.copyOf(items);
    }
}
