package io.jynamo.internal.convert;

import io.jynamo.internal.dynamo.AttributeValues;
import io.jynamo.jpql.ValueKind;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The codecs of numbers (N): what DynamoDB can store (38 significant digits, magnitude 1E-130 to
 * 9.99E+125) is checked on write; on read a value must fit the Java type exactly.
 */
final class NumberCodecs {

    private static final BigDecimal SMALLEST = new BigDecimal("1E-130");
    private static final BigDecimal TOO_LARGE = new BigDecimal("1E+126");

    private NumberCodecs() {
    }

    /**
     * The codec of a floating-point or arbitrary-precision Java type (primitive, wrapper, BigDecimal, BigInteger),
     * or {@code null}; the integral types have {@link CommonCodec}'s.
     */
    static Codec of(Class<?> type) {
        if (type == Double.class || type == double.class) {
            return floating(Double.class, n -> {
                double d = Double.parseDouble(n);
                return Double.isInfinite(d) ? null : (Object) d;
            });
        }
        if (type == Float.class || type == float.class) {
            return floating(Float.class, n -> {
                float f = Float.parseFloat(n);
                return Float.isInfinite(f) ? null : (Object) f;
            });
        }
        if (type == BigDecimal.class) {
            return number(BigDecimal.class, (n, av) -> decimal(n, av, "N (java.math.BigDecimal)"));
        }
        if (type == BigInteger.class) {
            String expected = "N (java.math.BigInteger)";
            return number(BigInteger.class, (n, av) -> {
                try {
                    return decimal(n, av, expected).toBigIntegerExact();
                } catch (ArithmeticException e) {
                    throw UnreadableValueException.badContent(av, expected, "not a whole number", null);
                }
            });
        }
        return null;
    }

    private static Codec number(Class<?> type, BiFunction<String, AttributeValue, Object> read) {
        return number(type, "N (" + type.getName() + ")", NumberCodecs::numberText, read);
    }

    /** A value stored as a number (N); {@code read} gets the number's text and the stored value for its errors. */
    static Codec number(Class<?> type, String expected, Function<Object, String> write,
                        BiFunction<String, AttributeValue, Object> read) {
        return new SimpleCodec(ValueKind.NUMBER, expected, v -> AttributeValue.fromN(write.apply(v)), av -> {
            String n = av.n();
            if (n == null) {
                throw UnreadableValueException.wrongType(av, expected);
            }
            return read.apply(n, av);
        });
    }

    /** A stored number as a whole number within [min, max]; any exact form of it (7, 7.0, 7E0) is taken. */
    static long wholeNumber(String n, AttributeValue av, String expected, long min, long max, String typeName) {
        long v;
        try {
            v = Long.parseLong(n);
        } catch (NumberFormatException notPlain) {
            BigDecimal d = decimal(n, av, expected);
            try {
                v = d.longValueExact();
            } catch (ArithmeticException e) {
                throw UnreadableValueException.badContent(av, expected, d.stripTrailingZeros().scale() > 0
                        ? "not a whole number" : "out of the range of " + typeName + " (" + min + ".." + max + ")", null);
            }
        }
        if (v < min || v > max) {
            throw UnreadableValueException.badContent(av, expected,
                    "out of the range of " + typeName + " (" + min + ".." + max + ")", null);
        }
        return v;
    }

    /** A stored number as a float or double: refused when it overflows to infinity or underflows to 0. */
    private static Codec floating(Class<?> type, Function<String, Object> parse) {
        String expected = "N (" + type.getName() + ")";
        return number(type, (n, av) -> {
            BigDecimal exact = decimal(n, av, expected);
            Object v = parse.apply(n);
            if (v == null || ((Number) v).doubleValue() == 0 && exact.signum() != 0) {
                throw UnreadableValueException.badContent(av, expected,
                        "beyond the range of " + type.getSimpleName().toLowerCase(Locale.ROOT), null);
            }
            return v;
        });
    }

    private static BigDecimal decimal(String n, AttributeValue av, String expected) {
        try {
            return new BigDecimal(n);
        } catch (NumberFormatException e) {
            throw UnreadableValueException.badContent(av, expected, "not a number", null);
        }
    }

    static String numberText(Object v) {
        if (v instanceof Double d && (d.isNaN() || d.isInfinite()) || v instanceof Float f && (f.isNaN() || f.isInfinite())) {
            throw new IllegalArgumentException("DynamoDB numbers cannot be NaN or infinite: " + v);
        }
        if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            return v.toString();
        }
        BigDecimal n = v instanceof BigDecimal bd ? bd : v instanceof BigInteger bi ? new BigDecimal(bi) : new BigDecimal(v.toString());
        BigDecimal magnitude = n.abs();
        if (n.signum() != 0 && (magnitude.compareTo(SMALLEST) < 0 || magnitude.compareTo(TOO_LARGE) >= 0)) {
            throw new IllegalArgumentException("DynamoDB cannot store the number " + v
                    + ": its magnitude must lie between 1E-130 and 9.99E+125 (or be 0)");
        }
        if (n.stripTrailingZeros().precision() > 38) {
            throw new IllegalArgumentException("DynamoDB cannot store the number " + v
                    + ": it has more than 38 significant digits");
        }
        // DynamoDB normalises numbers (2.50 is kept as 2.5): written so, keys and items Jynamo builds equal those it reads.
        return AttributeValues.canonicalNumber(n);
    }
}
