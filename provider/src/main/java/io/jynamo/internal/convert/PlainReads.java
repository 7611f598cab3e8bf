package io.jynamo.internal.convert;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Stored values of Strings and primitive attributes read without a box, for the loaders generated per entity
 * class ({@code io.jynamo.internal.metadata.ItemLoaders}). Each reads exactly as its codec and
 * {@code AttributeMeta.read} do: an absent value or a DynamoDB NULL is {@code null}, 0 or {@code false}, and a
 * value of the wrong type or range fails with the codec's {@link UnreadableValueException}.
 */
public final class PlainReads {

    private PlainReads() {
    }

    /**
     * The name of the reader of this class for an attribute of {@code type} converted by {@code codec} (a method
     * taking an {@code AttributeValue} and returning {@code type}), or {@code null} when there is none.
     */
    public static String readerOf(Codec codec, Class<?> type) {
        if (!(codec instanceof CommonCodec c) || !c.reads(type)) {
            return null;
        }
        return type == String.class ? "string" : type.getName() + "Value";
    }

    private static boolean absent(AttributeValue v) {
        return v == null || Boolean.TRUE.equals(v.nul());
    }

    public static String string(AttributeValue v) {
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
}
