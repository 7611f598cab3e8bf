package io.jynamo.internal.dynamo;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Equality of values as DynamoDB sees them, which is not {@link AttributeValue#equals}: DynamoDB
 * normalises numbers ({@code 2.50} is stored and returned as {@code 2.5}) and keeps sets unordered.
 */
public final class AttributeValues {

    private AttributeValues() {
    }

    /** Whether two items hold the same values under DynamoDB's rules. */
    public static boolean sameItem(Map<String, AttributeValue> a, Map<String, AttributeValue> b) {
        return a == b || everyValue(a, b, AttributeValues::same);
    }

    /** Whether two items have the same attributes, each pair of values equal by {@code equal}. */
    private static boolean everyValue(Map<String, AttributeValue> a, Map<String, AttributeValue> b,
                                      java.util.function.BiPredicate<AttributeValue, AttributeValue> equal) {
        if (a.size() != b.size()) {
            return false;
        }
        for (Map.Entry<String, AttributeValue> e : a.entrySet()) {
            // Items hold no null values: an attribute absent from b is a difference.
            if (!equal.test(e.getValue(), b.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    /** Whether two values are equal under DynamoDB's rules; {@code null} equals only {@code null}. */
    public static boolean same(AttributeValue a, AttributeValue b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (a.n() != null || b.n() != null) {
            return a.n() != null && b.n() != null && sameNumber(a.n(), b.n());
        }
        if (a.hasSs() || b.hasSs()) {
            return a.hasSs() && b.hasSs() && sameSet(a.ss(), b.ss(), s -> s);
        }
        if (a.hasNs() || b.hasNs()) {
            return a.hasNs() && b.hasNs() && sameSet(a.ns(), b.ns(), AttributeValues::canonicalNumber);
        }
        if (a.hasBs() || b.hasBs()) {
            return a.hasBs() && b.hasBs() && sameSet(a.bs(), b.bs(), SdkBytes::asByteBuffer);
        }
        if (a.hasL() || b.hasL()) {
            if (!a.hasL() || !b.hasL() || a.l().size() != b.l().size()) {
                return false;
            }
            for (int i = 0; i < a.l().size(); i++) {
                if (!same(a.l().get(i), b.l().get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a.hasM() || b.hasM()) {
            return a.hasM() && b.hasM() && sameItem(a.m(), b.m());
        }
        return Objects.equals(a, b);
    }

    private static <T> boolean sameSet(List<T> a, List<T> b, Function<T, ?> canonical) {
        return a.size() == b.size() && new HashSet<>(a.stream().map(canonical).toList())
                .equals(new HashSet<>(b.stream().map(canonical).toList()));
    }

    private static boolean sameNumber(String a, String b) {
        return a.equals(b) || new BigDecimal(a).compareTo(new BigDecimal(b)) == 0;
    }

    /**
     * A number's text as DynamoDB keeps it: no leading or trailing zeros that carry no value
     * ({@code 2.50} → {@code 2.5}, {@code 3.0} → {@code 3}, {@code -0} → {@code 0}), so that equal numbers
     * have equal text and keys written by Jynamo match the keys DynamoDB returns.
     */
    public static String canonicalNumber(String text) {
        return canonicalNumber(new BigDecimal(text));
    }

    /** {@link #canonicalNumber(String)} of a number already parsed. */
    public static String canonicalNumber(BigDecimal n) {
        if (n.signum() == 0) {
            return "0";
        }
        BigDecimal stripped = n.stripTrailingZeros();
        // Plain text for ordinary magnitudes; scientific only where plain would be very long.
        return stripped.scale() < -40 || stripped.scale() > 140 ? stripped.toString() : stripped.toPlainString();
    }


    /**
     * A hash of a value consistent with {@link AttributeValue#equals}: a key's values are strings or numbers,
     * whose text alone is hashed.
     */
    public static int valueHash(AttributeValue v) {
        return v == null ? 0 : v.s() != null ? v.s().hashCode() : v.n() != null ? v.n().hashCode() : v.hashCode();
    }

    /**
     * Whether two items are equal maps, their values compared by {@link #equalValues}: the dirty check of every
     * changed entity at flush asks.
     */
    public static boolean equalItems(Map<String, AttributeValue> a, Map<String, AttributeValue> b) {
        return a == b || everyValue(a, b, AttributeValues::equalValues);
    }

    /**
     * {@link AttributeValue#equals} (exact, not {@linkplain #same DynamoDB's}), fast for the strings and numbers
     * keys are made of: {@code equals} compares every one of a value's ten members.
     */
    public static boolean equalValues(AttributeValue a, AttributeValue b) {
        if (a == b) {
            return true;
        }
        if (a == null || b == null) {
            return false;
        }
        AttributeValue.Type type = a.type();
        if (type != b.type()) {
            return false;
        }
        return type == AttributeValue.Type.S ? a.s().equals(b.s())
                : type == AttributeValue.Type.N ? a.n().equals(b.n()) : a.equals(b);
    }

    /**
     * A key (or any item) with every number in {@linkplain #canonicalNumber canonical form}, so that keys of
     * equal value are equal maps: items a BatchGetItem returns can be matched to the keys asked for even
     * when another program wrote them to an engine that keeps number text as given.
     */
    public static Map<String, AttributeValue> canonicalKey(Map<String, AttributeValue> key) {
        if (IMMUTABLE_MAPS.contains(key.getClass()) && canonical(key)) {
            return key; // already canonical, and immutable: no copy needed
        }
        Map<String, AttributeValue> out = new java.util.LinkedHashMap<>(key.size() * 2);
        key.forEach((name, v) -> out.put(name, canonicalValue(v)));
        return out;
    }

    /** A value with its number, if it is one, in {@linkplain #canonicalNumber canonical form}; the value itself when it already is. */
    public static AttributeValue canonicalValue(AttributeValue v) {
        return v == null || v.n() == null || canonicalWholeNumber(v.n()) ? v : AttributeValue.fromN(canonicalNumber(v.n()));
    }

    /** The classes of {@code Map.of}'s maps, which nobody can change. */
    private static final java.util.Set<Class<?>> IMMUTABLE_MAPS = java.util.Set.of(
            Map.of("a", 1).getClass(), Map.of("a", 1, "b", 2).getClass());

    /** Whether no value of a key is a number that {@link #canonicalNumber} would change (checked for whole numbers only). */
    private static boolean canonical(Map<String, AttributeValue> key) {
        for (AttributeValue v : key.values()) {
            if (v != null && v.n() != null && !canonicalWholeNumber(v.n())) {
                return false;
            }
        }
        return true;
    }

    /** {@code 0}, or up to 38 digits without a leading zero and an optional minus sign: text canonicalNumber keeps as it is. */
    private static boolean canonicalWholeNumber(String n) {
        int start = n.startsWith("-") ? 1 : 0;
        // Beyond 40 digits canonicalNumber may write trailing zeros as an exponent.
        if (n.length() == start || n.length() - start > 38 || n.charAt(start) == '0' && (start == 1 || n.length() > 1)) {
            return false;
        }
        for (int i = start; i < n.length(); i++) {
            char c = n.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
