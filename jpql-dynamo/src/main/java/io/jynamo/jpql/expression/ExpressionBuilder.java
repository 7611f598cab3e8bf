package io.jynamo.jpql.expression;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the placeholders of one DynamoDB request's expressions: every attribute name becomes {@code #nK}
 * (one per distinct name, so reserved words never need care) and every value {@code :vK} (one per call),
 * numbered from 0 in the order they are first asked for. One instance serves one request; not thread-safe.
 *
 * <pre>{@code
 * ExpressionBuilder<AttributeValue> x = new ExpressionBuilder<>();
 * x.set("name", AttributeValue.fromS("Ann"));           // SET #n0 = :v0
 * x.remove("nick");                                     // REMOVE #n1
 * String condition = x.attributeExists("pk");           // attribute_exists(#n2)
 * String update = x.update();                           // "SET #n0 = :v0 REMOVE #n1"
 * request.updateExpression(update).conditionExpression(condition)
 *         .expressionAttributeNames(x.names()).expressionAttributeValues(x.values());
 * }</pre>
 *
 * @param <V> the type of a value: the compiler's bound value, or the SDK's AttributeValue
 */
public final class ExpressionBuilder<V> {
    private final Map<String, String> names = new LinkedHashMap<>();
    private final Map<String, String> placeholderByName = new HashMap<>();
    private final Map<String, V> values = new LinkedHashMap<>();
    private final List<String> sets = new ArrayList<>();
    private final List<String> removes = new ArrayList<>();

    /**
     * The placeholder of an attribute name: {@code #nK}, the same one each time the name is asked for.
     *
     * @param attributeName the stored attribute name (a top-level attribute or one segment of a path)
     */
    public String name(String attributeName) {
        String placeholder = placeholderByName.get(attributeName);
        if (placeholder == null) {
            placeholder = "#n" + placeholderByName.size();
            placeholderByName.put(attributeName, placeholder);
            names.put(placeholder, attributeName);
        }
        return placeholder;
    }

    /**
     * A document path to a nested attribute, each segment by its placeholder: {@code ["address", "city"]}
     * gives {@code #n0.#n1}.
     *
     * @param segments the stored names along the path, outermost first; at least one
     */
    public String path(List<String> segments) {
        if (segments.isEmpty()) {
            throw new IllegalArgumentException("an attribute path needs at least one name");
        }
        if (segments.size() == 1) {
            return name(segments.get(0));
        }
        List<String> parts = new ArrayList<>(segments.size());
        for (String segment : segments) {
            parts.add(name(segment));
        }
        return String.join(".", parts);
    }

    /** The placeholder of a new value: {@code :vK}, a new one on every call (equal values are not shared). */
    public String value(V value) {
        String placeholder = ":v" + values.size();
        values.put(placeholder, value);
        return placeholder;
    }

    /** {@code attribute_exists(#nK)} for a top-level attribute. */
    public String attributeExists(String attributeName) {
        return "attribute_exists(" + name(attributeName) + ")";
    }

    /** {@code attribute_exists(#nK.#nJ)} for an attribute at a path (see {@link #path}). */
    public String attributeExists(List<String> segments) {
        return "attribute_exists(" + path(segments) + ")";
    }

    /** {@code attribute_not_exists(#nK)} for a top-level attribute. */
    public String attributeNotExists(String attributeName) {
        return "attribute_not_exists(" + name(attributeName) + ")";
    }

    /** {@code attribute_not_exists(#nK.#nJ)} for an attribute at a path (see {@link #path}). */
    public String attributeNotExists(List<String> segments) {
        return "attribute_not_exists(" + path(segments) + ")";
    }

    /**
     * Adds {@code #nK = :vJ} to the SET clause of {@link #update()}; the placeholders are taken now, name first.
     *
     * @return this builder
     */
    public ExpressionBuilder<V> set(String attributeName, V value) {
        String target = name(attributeName);
        sets.add(target + " = " + value(value));
        return this;
    }

    /** Adds {@code path = :vJ} to the SET clause of {@link #update()}, for an attribute at a path. */
    public ExpressionBuilder<V> set(List<String> segments, V value) {
        String target = path(segments);
        sets.add(target + " = " + value(value));
        return this;
    }

    /**
     * Adds {@code path = operand ± :vJ} (or {@code :vJ + operand}, {@code :vJ - operand}) to the SET clause: an
     * arithmetic DynamoDB computes in the write itself, with no read before it.
     */
    public ExpressionBuilder<V> setArithmetic(List<String> target, List<String> operand, String op, V value,
                                              boolean valueFirst) {
        String t = path(target);
        String o = path(operand);
        String v = value(value);
        sets.add(t + " = " + (valueFirst ? v + " " + op + " " + o : o + " " + op + " " + v));
        return this;
    }

    /**
     * Adds the attribute to the REMOVE clause of {@link #update()}; its placeholder is taken now.
     *
     * @return this builder
     */
    public ExpressionBuilder<V> remove(String attributeName) {
        removes.add(name(attributeName));
        return this;
    }

    /** Adds an attribute at a path to the REMOVE clause of {@link #update()}. */
    public ExpressionBuilder<V> remove(List<String> segments) {
        removes.add(path(segments));
        return this;
    }

    /**
     * The UpdateExpression of the {@link #set} and {@link #remove} calls so far, each clause in call order:
     * {@code SET #n0 = :v0, #n1 = :v1 REMOVE #n2}; {@code null} when there were none.
     */
    public String update() {
        if (sets.isEmpty() && removes.isEmpty()) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        if (!sets.isEmpty()) {
            sb.append("SET ").append(String.join(", ", sets));
        }
        if (!removes.isEmpty()) {
            sb.append(sb.length() == 0 ? "" : " ").append("REMOVE ").append(String.join(", ", removes));
        }
        return sb.toString();
    }

    /** ExpressionAttributeNames so far: placeholder to name, in placeholder order (a read-only view). */
    public Map<String, String> names() {
        return Collections.unmodifiableMap(names);
    }

    /** ExpressionAttributeValues so far: placeholder to value, in placeholder order (a read-only view). */
    public Map<String, V> values() {
        return Collections.unmodifiableMap(values);
    }

    /** {@link #names()}, or {@code null} when empty: DynamoDB rejects an empty ExpressionAttributeNames. */
    public Map<String, String> namesOrNull() {
        return names.isEmpty() ? null : names();
    }

    /** {@link #values()}, or {@code null} when empty: DynamoDB rejects an empty ExpressionAttributeValues. */
    public Map<String, V> valuesOrNull() {
        return values.isEmpty() ? null : values();
    }
}
