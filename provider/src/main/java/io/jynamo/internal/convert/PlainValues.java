package io.jynamo.internal.convert;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Strings and primitive attributes converted without a box, for the code generated per entity class
 * ({@code io.jynamo.internal.metadata.ItemCode}). Each converts exactly as its codec and {@code AttributeMeta}
 * do: reading, an absent value or a DynamoDB NULL is {@code null}, 0 or {@code false}, and a value of the wrong
 * type or range fails with the codec's {@link UnreadableValueException}; writing, a null String is no value.
 */
public final class PlainValues {

    private PlainValues() {
    }

    /**
     * The names of the reader and the writer of this class for an attribute of {@code type} converted by
     * {@code codec} (a reader takes an {@code AttributeValue} and returns {@code type}, a writer the reverse), or
     * {@code null} when there are none.
     */
    public static String[] convertersOf(Codec codec, Class<?> type) {
        if (!(codec instanceof CommonCodec c) || !c.reads(type)) {
            return null;
        }
        String name = type == String.class ? "string" : type.getName();
        return new String[]{name + "Value", "of" + Character.toUpperCase(name.charAt(0)) + name.substring(1)};
    }

    private static boolean absent(AttributeValue v) {
        return v == null || Boolean.TRUE.equals(v.nul());
    }

    public static String stringValue(AttributeValue v) {
        return absent(v) ? null : CommonCodec.STRING.readString(v);
    }

    public static boolean booleanValue(AttributeValue v) {
        return !absent(v) && CommonCodec.BOOLEAN.readBoolean(v);
    }

    public static int intValue(AttributeValue v) {
        return absent(v) ? 0 : (int) CommonCodec.INT.readWhole(v);
    }

    public static long longValue(AttributeValue v) {
        return absent(v) ? 0 : CommonCodec.LONG.readWhole(v);
    }

    public static short shortValue(AttributeValue v) {
        return absent(v) ? 0 : (short) CommonCodec.SHORT.readWhole(v);
    }

    public static byte byteValue(AttributeValue v) {
        return absent(v) ? 0 : (byte) CommonCodec.BYTE.readWhole(v);
    }

    public static AttributeValue ofString(String value) {
        return value == null ? null : AttributeValue.fromS(value);
    }

    public static AttributeValue ofBoolean(boolean value) {
        return CommonCodec.writeBoolean(value);
    }

    public static AttributeValue ofInt(int value) {
        return CommonCodec.writeWhole(value);
    }

    public static AttributeValue ofLong(long value) {
        return CommonCodec.writeWhole(value);
    }

    public static AttributeValue ofShort(short value) {
        return CommonCodec.writeWhole(value);
    }

    public static AttributeValue ofByte(byte value) {
        return CommonCodec.writeWhole(value);
    }
}
