package io.jynamo.internal.metadata;

import io.jynamo.internal.dynamo.AttributeValues;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.Map;

/**
 * Which item of an entity hierarchy a key names: the hierarchy's root (the entities of one SINGLE_TABLE hierarchy
 * share their table and so their keys) and the values of its key attributes. Made from a key or from a whole item
 * alike (only the key's values are kept), and hashed once, from those values: a key map's own hash would hash
 * every member of each {@link AttributeValue}. The persistence context, the shared cache and keyed reads find
 * items by it.
 */
public final class ItemKey {

    private final EntityMeta root;
    private final AttributeValue partitionKey;
    private final AttributeValue sortKey;
    private final int hash;

    /** The key of an item of {@code meta}'s hierarchy, taken from its key attributes or from the whole item. */
    public ItemKey(EntityMeta meta, Map<String, AttributeValue> keyOrItem) {
        this(meta.root(), keyOrItem.get(meta.root().partitionKey().storedName()),
                meta.root().sortKey() == null ? null : keyOrItem.get(meta.root().sortKey().storedName()));
    }

    private ItemKey(EntityMeta root, AttributeValue partitionKey, AttributeValue sortKey) {
        this.root = root;
        this.partitionKey = partitionKey;
        this.sortKey = sortKey;
        this.hash = (31 * root.name().hashCode() + AttributeValues.valueHash(partitionKey)) * 31
                + AttributeValues.valueHash(sortKey);
    }

    /**
     * The key with its numbers in DynamoDB's normal form (2.50 as 2.5), so that a key the application wrote
     * matches the key of the item DynamoDB returns for it.
     */
    public static ItemKey canonical(EntityMeta meta, Map<String, AttributeValue> keyOrItem) {
        return new ItemKey(meta, keyOrItem).canonical();
    }

    /** This key with its numbers in DynamoDB's normal form: itself when they are in it already (always for text). */
    public ItemKey canonical() {
        AttributeValue p = AttributeValues.canonicalValue(partitionKey);
        AttributeValue s = AttributeValues.canonicalValue(sortKey);
        return p == partitionKey && s == sortKey ? this : new ItemKey(root, p, s);
    }

    /** The key as DynamoDB key attributes. */
    public Map<String, AttributeValue> asKey() {
        return sortKey == null ? Map.of(root.partitionKey().storedName(), partitionKey)
                : Map.of(root.partitionKey().storedName(), partitionKey, root.sortKey().storedName(), sortKey);
    }

    /** The name of the hierarchy's root entity. */
    public String entity() {
        return root.name();
    }

    @Override
    public boolean equals(Object o) {
        // Roots are compared as instances: keys are compared within one factory (its context, its cache).
        return o == this || o instanceof ItemKey k && hash == k.hash && root == k.root
                && AttributeValues.equalValues(partitionKey, k.partitionKey) && AttributeValues.equalValues(sortKey, k.sortKey);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return "ItemKey[" + root.name() + ", " + partitionKey + (sortKey == null ? "" : ", " + sortKey) + "]";
    }
}
