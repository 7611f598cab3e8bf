package io.jynamo.internal.convert;

import io.jynamo.jpql.ValueKind;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The codec of the most common basic types (String, the integral numbers, Boolean), written out rather than
 * composed of functions: reading or writing one of these attributes, done for every attribute of every item,
 * is one switch, not a chain of lambda calls the JIT cannot inline at a call site that serves every type. It
 * reads and writes exactly as the composed codecs of the other basic types do (same checks, same errors).
 */
final class CommonCodec implements Codec {

    private enum Form { STRING, INT, LONG, SHORT, BYTE, BOOLEAN }

    static final CommonCodec STRING = new CommonCodec(Form.STRING, ValueKind.STRING, String.class, 0, 0);
    static final CommonCodec INT = new CommonCodec(Form.INT, ValueKind.NUMBER, Integer.class, Integer.MIN_VALUE, Integer.MAX_VALUE);
    static final CommonCodec LONG = new CommonCodec(Form.LONG, ValueKind.NUMBER, Long.class, Long.MIN_VALUE, Long.MAX_VALUE);
    static final CommonCodec SHORT = new CommonCodec(Form.SHORT, ValueKind.NUMBER, Short.class, Short.MIN_VALUE, Short.MAX_VALUE);
    static final CommonCodec BYTE = new CommonCodec(Form.BYTE, ValueKind.NUMBER, Byte.class, Byte.MIN_VALUE, Byte.MAX_VALUE);
    static final CommonCodec BOOLEAN = new CommonCodec(Form.BOOLEAN, ValueKind.BOOLEAN, Boolean.class, 0, 0);

    private final Form form;
    private final ValueKind kind;
    private final String expected;
    private final String typeName;
    private final long min;
    private final long max;

    private CommonCodec(Form form, ValueKind kind, Class<?> type, long min, long max) {
        this.form = form;
        this.kind = kind;
        this.expected = (kind == ValueKind.STRING ? "S" : kind == ValueKind.NUMBER ? "N" : "BOOL") + " (" + type.getName() + ")";
        this.typeName = type.getSimpleName();
        this.min = min;
        this.max = max;
    }

    /** The codec of a type, or {@code null} when it is not one of the common ones. */
    static CommonCodec of(Class<?> type) {
        if (type == String.class) {
            return STRING;
        }
        if (type == Integer.class || type == int.class) {
            return INT;
        }
        if (type == Long.class || type == long.class) {
            return LONG;
        }
        if (type == Short.class || type == short.class) {
            return SHORT;
        }
        if (type == Byte.class || type == byte.class) {
            return BYTE;
        }
        return type == Boolean.class || type == boolean.class ? BOOLEAN : null;
    }

    /**
     * AttributeValues are immutable, and making one costs more than the rest of an attribute's write: the values of
     * booleans and of small integers (counts, ages, quantities, versions mostly are) are made once and shared.
     */
    private static final AttributeValue TRUE = AttributeValue.fromBool(true);
    private static final AttributeValue FALSE = AttributeValue.fromBool(false);
    private static final int SMALLEST = -128;
    private static final AttributeValue[] SMALL = new AttributeValue[1024 - SMALLEST];

    static {
        for (int i = 0; i < SMALL.length; i++) {
            SMALL[i] = AttributeValue.fromN(Integer.toString(i + SMALLEST));
        }
    }

    @Override
    public AttributeValue write(Object value) {
        switch (form) {
            case STRING -> {
                return AttributeValue.fromS((String) value);
            }
            case BOOLEAN -> {
                return Boolean.TRUE.equals(value) ? TRUE : Boolean.FALSE.equals(value) ? FALSE : AttributeValue.fromBool((Boolean) value);
            }
            default -> {
                if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
                    // An integral value (a converter may hand over any Number: only these are exact as a long).
                    return writeWhole(((Number) value).longValue());
                }
                return AttributeValue.fromN(NumberCodecs.numberText(value));
            }
        }
    }

    static AttributeValue writeBoolean(boolean value) {
        return value ? TRUE : FALSE;
    }

    static AttributeValue writeWhole(long value) {
        if (value >= SMALLEST && value < SMALLEST + SMALL.length) {
            return SMALL[(int) value - SMALLEST];
        }
        return AttributeValue.fromN(Long.toString(value));
    }

    @Override
    public Object read(AttributeValue value) {
        return switch (form) {
            case STRING -> readString(value);
            case BOOLEAN -> readBoolean(value);
            case INT -> (int) readWhole(value);
            case SHORT -> (short) readWhole(value);
            case BYTE -> (byte) readWhole(value);
            default -> readWhole(value);
        };
    }

    String readString(AttributeValue value) {
        String s = value.s();
        if (s == null) {
            throw UnreadableValueException.wrongType(value, expected);
        }
        return s;
    }

    boolean readBoolean(AttributeValue value) {
        Boolean b = value.bool();
        if (b == null) {
            throw UnreadableValueException.wrongType(value, expected);
        }
        return b;
    }

    long readWhole(AttributeValue value) {
        String n = value.n();
        if (n == null) {
            throw UnreadableValueException.wrongType(value, expected);
        }
        return NumberCodecs.wholeNumber(n, value, expected, min, max, typeName);
    }

    /** Whether this is the codec of {@code type} (not of its box or of another type a converter maps). */
    boolean reads(Class<?> type) {
        return switch (form) {
            case STRING -> type == String.class;
            case BOOLEAN -> type == boolean.class;
            case INT -> type == int.class;
            case LONG -> type == long.class;
            case SHORT -> type == short.class;
            case BYTE -> type == byte.class;
        };
    }

    @Override
    public String expected() {
        return expected;
    }

    @Override
    public ValueKind kind() {
        return kind;
    }
}
