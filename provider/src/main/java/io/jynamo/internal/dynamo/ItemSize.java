package io.jynamo.internal.dynamo;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.Map;

/** DynamoDB's item size rules (names and values in UTF-8 bytes), to refuse too large items before a call. */
public final class ItemSize {

    /** DynamoDB's largest item. */
    public static final int MAX_ITEM = 400 * 1024;

    private ItemSize() {
    }

    /** The size DynamoDB counts for an item. */
    public static long of(Map<String, AttributeValue> item) {
        long size = 0;
        for (Map.Entry<String, AttributeValue> e : item.entrySet()) {
            size += utf8(e.getKey()) + of(e.getValue());
        }
        return size;
    }

    /**
     * An upper bound of {@link #of}, without counting UTF-8 bytes (a char is at most 3 of them): when it is within
     * a limit, the item is.
     */
    public static long atMost(Map<String, AttributeValue> item) {
        long size = 0;
        for (Map.Entry<String, AttributeValue> e : item.entrySet()) {
            AttributeValue v = e.getValue();
            size += 3L * e.getKey().length() + (v.s() != null ? 3L * v.s().length() : of(v));
        }
        return size;
    }

    private static long of(AttributeValue v) {
        if (v.s() != null) {
            return utf8(v.s());
        }
        if (v.n() != null) {
            return 1 + (v.n().length() + 1) / 2;
        }
        if (v.b() != null) {
            return v.b().asByteArrayUnsafe().length;
        }
        if (v.bool() != null || Boolean.TRUE.equals(v.nul())) {
            return 1;
        }
        long size = 3;
        if (v.hasSs()) {
            for (String s : v.ss()) {
                size += utf8(s);
            }
        } else if (v.hasNs()) {
            for (String n : v.ns()) {
                size += 1 + (n.length() + 1) / 2;
            }
        } else if (v.hasBs()) {
            for (var b : v.bs()) {
                size += b.asByteArrayUnsafe().length;
            }
        } else if (v.hasL()) {
            for (AttributeValue e : v.l()) {
                size += 1 + of(e);
            }
        } else if (v.hasM()) {
            for (Map.Entry<String, AttributeValue> e : v.m().entrySet()) {
                size += 1 + utf8(e.getKey()) + of(e.getValue());
            }
        }
        return size;
    }

    /** The UTF-8 length of a string, without encoding it. */
    public static long utf8(String s) {
        long bytes = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                bytes++;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else if (Character.isSurrogate(c)) {
                bytes++; // unpaired: Java's encoder writes '?'
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }
}
