package io.jynamo.internal.metadata;

import io.jynamo.internal.convert.Codec;
import io.jynamo.internal.convert.Codecs;
import jakarta.persistence.PersistenceException;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * {@code @OrderBy} of an element collection: the elements are ordered in Java when read, and written in that order,
 * so that an item Jynamo wrote reads back unchanged (no write at the next flush). Basic elements order by their
 * value ({@code @OrderBy} or {@code @OrderBy("DESC")}); embeddable elements by their attributes, a nested one
 * named with a dot ({@code @OrderBy("zipcode.zip DESC, street")}). Nulls come first in ascending order.
 */
final class ElementOrder {

    private ElementOrder() {
    }

    /** The collection codec ordering its elements as {@code orderBy} says. */
    static Codecs.CollectionCodec ordered(Codecs.CollectionCodec codec, String orderBy, String at) {
        Comparator<Object> order = comparator(codec.element(), orderBy, at);
        return new Codecs.CollectionCodec(codec.kind(), codec.set(), codec.element(), codec.expected(), values -> {
            List<Object> sorted = new ArrayList<>(values);
            sorted.sort(order);
            return codec.writer().apply(sorted);
        }, value -> {
            List<Object> sorted = new ArrayList<>(codec.reader().apply(value));
            sorted.sort(order);
            return sorted;
        });
    }

    private static Comparator<Object> comparator(Codec element, String orderBy, String at) {
        AttributeMeta.EmbeddableMeta embeddable = element instanceof EmbeddedCodec e ? e.meta() : null;
        Comparator<Object> result = null;
        for (String part : orderBy.isBlank() ? new String[] {""} : orderBy.split(",")) {
            String[] words = part.trim().split("\\s+");
            String path = words[0].toUpperCase(Locale.ROOT).matches("ASC|DESC") ? "" : words[0];
            String direction = words[words.length - 1].toUpperCase(Locale.ROOT);
            Comparator<Object> one = embeddable == null ? basic(path, orderBy, at) : attribute(embeddable, path, orderBy, at);
            one = direction.equals("DESC") ? one.reversed() : one;
            result = result == null ? one : result.thenComparing(one);
        }
        return result;
    }

    private static Comparator<Object> basic(String path, String orderBy, String at) {
        if (!path.isEmpty()) {
            throw new PersistenceException(at + " @OrderBy(\"" + orderBy + "\") names '" + path + "', but the elements are"
                    + " basic values: write @OrderBy (or @OrderBy(\"DESC\")) to order them by value");
        }
        return natural(e -> e);
    }

    private static Comparator<Object> attribute(AttributeMeta.EmbeddableMeta embeddable, String path, String orderBy, String at) {
        if (path.isEmpty()) {
            throw new PersistenceException(at + " @OrderBy(\"" + orderBy + "\") names no attribute of the embeddable "
                    + embeddable.javaClass().getSimpleName() + ": name the attributes to order by, e.g. @OrderBy(\""
                    + embeddable.attributes().get(0).name() + "\")");
        }
        List<AttributeMeta> steps = new ArrayList<>();
        AttributeMeta.EmbeddableMeta in = embeddable;
        for (String name : path.split("\\.")) {
            AttributeMeta a = in == null ? null : named(in, name);
            if (a == null) {
                throw new PersistenceException(at + " @OrderBy(\"" + orderBy + "\") names '" + path + "', which is no"
                        + " attribute of the embeddable " + embeddable.javaClass().getSimpleName() + " (its attributes: "
                        + embeddable.attributes().stream().map(AttributeMeta::name).toList() + ")");
            }
            steps.add(a);
            in = a.embeddable();
        }
        AttributeMeta last = steps.get(steps.size() - 1);
        if (last.embeddable() != null || !Comparable.class.isAssignableFrom(Types.box(last.javaType()))) {
            throw new PersistenceException(at + " @OrderBy(\"" + orderBy + "\") orders by '" + path + "', a "
                    + last.javaType().getSimpleName() + ", which has no order: name a basic attribute");
        }
        return natural(e -> {
            Object v = e;
            for (AttributeMeta a : steps) {
                v = v == null ? null : a.accessor().get(v);
            }
            return v;
        });
    }

    /**
     * The embeddable's attribute of that name; else, as SQL-minded models (and the official TCK) spell them, of that
     * name in another case ({@code zipcode} for {@code zipCode}) when just one matches so.
     */
    private static AttributeMeta named(AttributeMeta.EmbeddableMeta in, String name) {
        List<AttributeMeta> loosely = new ArrayList<>();
        for (AttributeMeta a : in.attributes()) {
            if (a.name().equals(name)) {
                return a;
            }
            if (a.name().equalsIgnoreCase(name)) {
                loosely.add(a);
            }
        }
        return loosely.size() == 1 ? loosely.get(0) : null;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Comparator<Object> natural(java.util.function.Function<Object, Object> key) {
        return Comparator.comparing(e -> (Comparable) key.apply(e), Comparator.nullsFirst(Comparator.naturalOrder()));
    }
}
