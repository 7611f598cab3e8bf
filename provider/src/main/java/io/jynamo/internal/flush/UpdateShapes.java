package io.jynamo.internal.flush;

import io.jynamo.internal.metadata.EntityMeta;
import io.jynamo.jpql.expression.ExpressionBuilder;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The expressions of UpdateItems, rendered once per shape: the entities of a flush usually change the same
 * attributes, so their updates differ in values only. A shape is the attributes set and removed, in order,
 * and the condition's kind; its update and condition text and its names are made the first time and shared,
 * and each write puts only its own values under the placeholders. One per factory; thread-safe.
 *
 * <p>At most {@value #MAX_SHAPES} shapes are kept: a new one finding them all taken drops them, so shapes seen once
 * (a patch-mode entity changing ever new sets of attributes) cannot keep the common ones out for good, which are
 * rendered again once. Only shapes of up to {@value #MAX_ATTRIBUTES} attributes are kept, so the kept text stays
 * small: a larger update is rendered for itself.
 */
final class UpdateShapes {

    static final int MAX_SHAPES = 512;
    static final int MAX_ATTRIBUTES = 32;

    private final Map<Shape, Rendered> rendered = new ConcurrentHashMap<>();

    /**
     * The expressions of an update of {@code meta}'s item.
     *
     * @param set             the attributes to set, in the order the update names them
     * @param remove          the attributes to remove
     * @param expectedVersion the version the item must still hold; {@code null} for none, and then an
     *                        unversioned entity's item must still exist (patch mode must not resurrect a deleted one)
     */
    Write.Expressions of(EntityMeta meta, Map<String, AttributeValue> set, Set<String> remove,
                         AttributeValue expectedVersion) {
        String version = expectedVersion == null ? null : meta.version().storedName();
        String mustExist = expectedVersion == null && meta.version() == null ? meta.partitionKey().storedName() : null;
        Shape shape = new Shape(List.copyOf(set.keySet()), List.copyOf(remove), version, mustExist);
        if (set.size() + remove.size() > MAX_ATTRIBUTES) {
            return Rendered.of(shape).with(set.values(), expectedVersion);
        }
        Rendered r = rendered.get(shape);
        if (r == null) {
            r = Rendered.of(shape);
            if (rendered.size() >= MAX_SHAPES) {
                rendered.clear();
            }
            rendered.put(shape, r);
        }
        return r.with(set.values(), expectedVersion);
    }

    /** How many shapes are kept (for tests). */
    int size() {
        return rendered.size();
    }

    /** What the text of an update depends on; at most one of {@code version} and {@code mustExist} is set. */
    private record Shape(List<String> set, List<String> remove, String version, String mustExist) {
    }

    /**
     * A shape's expressions without values: {@code placeholders[i]} takes the i-th set value, and the last one
     * the expected version when there is one.
     */
    private record Rendered(String update, String condition, Map<String, String> names, String[] placeholders) {

        static Rendered of(Shape shape) {
            // The builder numbers the placeholders; the value of each is its index in the write's values.
            ExpressionBuilder<Integer> x = new ExpressionBuilder<>();
            int i = 0;
            for (String name : shape.set()) {
                x.set(name, i++);
            }
            shape.remove().forEach(x::remove);
            String update = x.update();
            String condition = null;
            if (shape.version() != null) {
                condition = Write.versionIs(x, shape.version(), i);
            } else if (shape.mustExist() != null) {
                condition = x.attributeExists(shape.mustExist());
            }
            String[] placeholders = new String[x.values().size()];
            x.values().forEach((placeholder, index) -> placeholders[index] = placeholder);
            return new Rendered(update, condition, Collections.unmodifiableMap(new LinkedHashMap<>(x.names())),
                    placeholders);
        }

        Write.Expressions with(Collection<AttributeValue> setValues, AttributeValue expectedVersion) {
            Map<String, AttributeValue> values = new LinkedHashMap<>(2 * placeholders.length);
            int i = 0;
            for (AttributeValue v : setValues) {
                values.put(placeholders[i++], v);
            }
            if (expectedVersion != null) {
                values.put(placeholders[i], expectedVersion);
            }
            return new Write.Expressions(condition, update, names.isEmpty() ? null : names,
                    values.isEmpty() ? null : Collections.unmodifiableMap(values));
        }
    }
}
