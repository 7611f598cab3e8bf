package io.jynamo.internal.query;

import io.jynamo.internal.metadata.AttributeMeta;
import io.jynamo.internal.metadata.EntityMeta;
import io.jynamo.jpql.CollectionRows;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * One row of a select through a join of a collection ({@link CollectionRows}): an (owner, element) pair's result
 * and the values it is ordered by, read from the loaded entities.
 *
 * @param result    what the query returns for the row: the element, one value, or the values
 * @param values    the select items' values (the entity, when one is selected)
 * @param orderKeys the ORDER BY items' values
 */
record CollectionRow(Object result, Object[] values, Object[] orderKeys) {

    static CollectionRow of(CollectionRows rows, EntityMeta ownerMeta, Object owner, EntityMeta elementMeta,
                            Object element) {
        Object[] values = new Object[rows.items().size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = read(rows.items().get(i), ownerMeta, owner, elementMeta, element);
        }
        Object[] keys = new Object[rows.order().size()];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = read(rows.order().get(i).item(), ownerMeta, owner, elementMeta, element);
        }
        return new CollectionRow(values.length == 1 ? values[0] : values, values, keys);
    }

    /** What DISTINCT compares: the entity itself (the caller compares it by identity), or the values. */
    Object identity() {
        return values.length == 1 ? values[0] : Arrays.asList(values);
    }

    /** The rows' ORDER BY: each item in turn, NULL placed as JPQL's in-memory order places it. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static Comparator<CollectionRow> order(CollectionRows rows) {
        Comparator<CollectionRow> all = (x, y) -> 0;
        for (int i = 0; i < rows.order().size(); i++) {
            int at = i;
            CollectionRows.Order o = rows.order().get(i);
            all = all.thenComparing((x, y) -> {
                Object l = x.orderKeys[at];
                Object r = y.orderKeys[at];
                if (l == null || r == null) {
                    return l == null ? (r == null ? 0 : o.nullsFirst() ? -1 : 1) : o.nullsFirst() ? 1 : -1;
                }
                int c = ((Comparable) l).compareTo(r);
                return o.descending() ? -c : c;
            });
        }
        return all;
    }

    private static Object read(CollectionRows.Item item, EntityMeta ownerMeta, Object owner, EntityMeta elementMeta,
                               Object element) {
        Object of = item.element() ? element : owner;
        if (of == null || item.path().isEmpty()) {
            return of;
        }
        return value(item.element() ? elementMeta : ownerMeta, of, item.path());
    }

    /** The value of a basic attribute path ({@code name}, {@code address.city}, {@code id.part}) of an entity. */
    private static Object value(EntityMeta meta, Object entity, String path) {
        AttributeMeta whole = meta.attribute(path);
        if (whole != null) {
            return whole.accessor().get(entity);
        }
        List<String> names = List.of(path.split("\\."));
        if (meta.embeddedId() != null && names.get(0).equals(meta.embeddedId().name())) {
            // a part of an @EmbeddedId is a key attribute of the entity's own
            return meta.attribute(String.join(".", names.subList(1, names.size()))).accessor().get(entity);
        }
        AttributeMeta a = meta.attribute(names.get(0));
        Object value = a.accessor().get(entity);
        for (String name : names.subList(1, names.size())) {
            if (value == null) {
                return null;
            }
            a = a.embeddable().attributes().stream().filter(n -> n.name().equals(name)).findFirst().orElseThrow();
            value = a.accessor().get(value);
        }
        return value;
    }
}
