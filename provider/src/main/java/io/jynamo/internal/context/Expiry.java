package io.jynamo.internal.context;

import io.jynamo.internal.metadata.EntityMeta;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.Map;

/**
 * {@code @TimeToLive}: DynamoDB deletes expired items lazily (up to days after they expire), so Jynamo
 * itself treats an item whose time to live is at or before now as absent: key reads drop it on arrival,
 * Query and Scan ask DynamoDB to filter it out with {@link #FILTER}.
 */
public final class Expiry {

    /** The expression attribute name of the time to live attribute; distinct from the plans' {@code #nK}. */
    public static final String NAME = "#jynamoTtl";
    /** The expression attribute value of the current epoch second; distinct from the plans' {@code :vK}. */
    public static final String NOW = ":jynamoNow";
    /** Keeps the items that have no time to live or one still in the future. */
    public static final String FILTER = "(attribute_not_exists(" + NAME + ") OR " + NAME + " > " + NOW + ")";

    private Expiry() {
    }

    /** Now, in epoch seconds: the unit of DynamoDB's time to live. */
    public static long nowSeconds() {
        return System.currentTimeMillis() / 1000;
    }

    /** The current epoch second as the value of {@link #NOW}. */
    public static AttributeValue now() {
        return AttributeValue.fromN(Long.toString(nowSeconds()));
    }

    /**
     * Whether an item of an entity has expired: its time to live attribute is a number at or before now.
     * An item without one, or with a value DynamoDB's time to live ignores (not a number), never expires.
     */
    public static boolean expired(EntityMeta meta, Map<String, AttributeValue> item) {
        if (meta.timeToLive() == null || item == null) {
            return false;
        }
        AttributeValue v = item.get(meta.timeToLive().storedName());
        if (v == null || v.n() == null) {
            return false;
        }
        try {
            return new java.math.BigDecimal(v.n()).compareTo(java.math.BigDecimal.valueOf(nowSeconds())) <= 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
