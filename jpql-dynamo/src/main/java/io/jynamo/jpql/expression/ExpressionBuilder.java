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
    /** Placeholders made once: a write's expressions take a few of them, and every write asks. */
    private static final int MADE = 64;
    private static final String[] NAME_PLACEHOLDERS = new String[MADE];
    private static final String[] VALUE_PLACEHOLDERS = new String[MADE];

    static {
        for (int i = 0; i < MADE; i++) {
            NAME_PLACEHOLDERS[i] = "#n" + i;
            VALUE_PLACEHOLDERS[i] = ":v" + i;
        }
    }

    /** Up to this many names are found again by a scan of {@link #nameList}, which is faster than hashing them. */
    private static final int SCANNED = 16;

    private final String namePrefix;
    private final String valuePrefix;
    /** Whether the placeholders are {@code #nK} and {@code :vK}, of which the first {@value #MADE} are made once. */
    private final boolean standard;
    private final Map<String, String> names = new LinkedHashMap<>();
    /** The names in placeholder order: {@code #nK} is the K-th. */
    private final List<String> nameList = new ArrayList<>();
    /** Beyond {@value #SCANNED} names, their placeholders by name; {@code null} until then. */
    private Map<String, String> placeholderByName;
    private final Map<String, V> values = new LinkedHashMap<>();
    private final StringBuilder sets = new StringBuilder();
    private final StringBuilder removes = new StringBuilder();

    /** A builder of placeholders {@code #nK} and {@code :vK}. */
    public ExpressionBuilder() {
        this("#n", ":v");
    }

    /**
     * A builder whose placeholders start with other prefixes, for expressions that are added to ones another
     * builder made ({@code "#s"}, {@code ":s"}: {@code #s0}, {@code :s0}).
     */
    public ExpressionBuilder(String namePrefix, String valuePrefix) {
        if (!namePrefix.startsWith("#") || !valuePrefix.startsWith(":")) {
            throw new IllegalArgumentException("placeholders start with # (names) and : (values): " + namePrefix
                    + ", " + valuePrefix);
        }
        this.namePrefix = namePrefix;
        this.valuePrefix = valuePrefix;
        this.standard = namePrefix.equals("#n") && valuePrefix.equals(":v");
    }

    /**
     * The placeholder of an attribute name: {@code #nK}, the same one each time the name is asked for.
     *
     * @param attributeName the stored attribute name (a top-level attribute or one segment of a path)
     */
    public String name(String attributeName) {
        if (placeholderByName == null) {
            for (int i = 0; i < nameList.size(); i++) {
                if (nameList.get(i).equals(attributeName)) {
                    return placeholder(NAME_PLACEHOLDERS, namePrefix, i);
                }
            }
        } else {
            String placeholder = placeholderByName.get(attributeName);
            if (placeholder != null) {
                return placeholder;
            }
        }
        String placeholder = placeholder(NAME_PLACEHOLDERS, namePrefix, nameList.size());
        nameList.add(attributeName);
        names.put(placeholder, attributeName);
        if (placeholderByName != null) {
            placeholderByName.put(attributeName, placeholder);
        } else if (nameList.size() > SCANNED) {
            placeholderByName = new HashMap<>();
            names.forEach((p, n) -> placeholderByName.put(n, p));
        }
        return placeholder;
    }

    private String placeholder(String[] made, String prefix, int i) {
        return standard && i < MADE ? made[i] : prefix + i;
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
        String placeholder = placeholder(VALUE_PLACEHOLDERS, valuePrefix, values.size());
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
        clause(sets).append(target).append(" = ").append(value(value));
        return this;
    }

    /** Adds {@code path = :vJ} to the SET clause of {@link #update()}, for an attribute at a path. */
    public ExpressionBuilder<V> set(List<String> segments, V value) {
        String target = path(segments);
        clause(sets).append(target).append(" = ").append(value(value));
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
        clause(sets).append(t).append(" = ").append(valueFirst ? v + " " + op + " " + o : o + " " + op + " " + v);
        return this;
    }

    /**
     * Adds the attribute to the REMOVE clause of {@link #update()}; its placeholder is taken now.
     *
     * @return this builder
     */
    public ExpressionBuilder<V> remove(String attributeName) {
        String target = name(attributeName);
        clause(removes).append(target);
        return this;
    }

    /** Adds an attribute at a path to the REMOVE clause of {@link #update()}. */
    public ExpressionBuilder<V> remove(List<String> segments) {
        String target = path(segments);
        clause(removes).append(target);
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
        if (removes.isEmpty()) {
            return "SET " + sets;
        }
        return sets.isEmpty() ? "REMOVE " + removes : "SET " + sets + " REMOVE " + removes;
    }

    /** A clause to append one more action to: after a comma when it has some. */
    private static StringBuilder clause(StringBuilder actions) {
        return actions.isEmpty() ? actions : actions.append(", ");
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
