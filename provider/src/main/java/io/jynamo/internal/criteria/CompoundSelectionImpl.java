package io.jynamo.internal.criteria;

import jakarta.persistence.criteria.CompoundSelection;
import jakarta.persistence.criteria.Selection;

import java.util.List;

/**
 * {@code cb.tuple(...)}, {@code cb.array(...)} or {@code cb.construct(C.class, ...)}: several selected values.
 *
 * @param <X> what a result is
 */
final class CompoundSelectionImpl<X> implements CompoundSelection<X> {
    enum Kind { TUPLE, ARRAY, CONSTRUCT }

    private final Kind kind;
    private final Class<X> javaType;
    private final List<Selection<?>> items;
    private String alias;

    CompoundSelectionImpl(Kind kind, Class<X> javaType, List<Selection<?>> items) {
        if (items.isEmpty()) {
            throw new IllegalArgumentException("A compound selection needs at least one item");
        }
        java.util.Set<String> aliases = new java.util.HashSet<>();
        for (Selection<?> s : items) {
            if (s.isCompoundSelection()) {
                throw new IllegalArgumentException("A compound selection cannot hold another one (" + s + ")");
            }
            if (s.getAlias() != null && !aliases.add(s.getAlias())) {
                throw new IllegalArgumentException("Two items of the selection have the alias '" + s.getAlias()
                        + "'; give each its own, since a Tuple finds its values by alias");
            }
        }
        this.kind = kind;
        this.javaType = javaType;
        this.items = List.copyOf(items);
    }

    Kind kind() {
        return kind;
    }

    @Override
    public Selection<X> alias(String name) {
        this.alias = name;
        return this;
    }

    @Override
    public boolean isCompoundSelection() {
        return true;
    }

    @Override
    public List<Selection<?>> getCompoundSelectionItems() {
        return items;
    }

    @Override
    public Class<? extends X> getJavaType() {
        return javaType;
    }

    @Override
    public String getAlias() {
        return alias;
    }
}
