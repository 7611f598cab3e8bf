package io.jynamo.internal.flush;

import io.jynamo.JynamoException;
import io.jynamo.internal.dynamo.ItemSize;
import io.jynamo.internal.metadata.AttributeMeta;
import io.jynamo.internal.metadata.EntityMeta;
import io.jynamo.internal.metadata.IndexMeta;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.Map;

/**
 * What DynamoDB would refuse in a write, found before the first call of a flush: a batch-mode flush
 * is not atomic, so a refusal of one item in the middle would leave the items before it written.
 * The rules are DynamoDB's: key and index-key values are non-empty, at most 2,048 bytes for a
 * partition key and 1,024 for a sort key; an item is at most 400 KB; an expression is at most 4 KB.
 * And the model's own rule: an attribute (or owning to-one relationship) declared not null is not written
 * without a value.
 * (Empty sets never reach a write: the codecs store an empty collection as an absent attribute.)
 */
final class WriteCheck {

    static final int MAX_PARTITION_KEY = 2048;
    static final int MAX_SORT_KEY = 1024;
    static final int MAX_EXPRESSION = 4096;

    private WriteCheck() {
    }

    /** Refuses a write DynamoDB would reject, naming the entity and the attribute; nothing has been sent yet. */
    static void check(Write w) {
        EntityMeta meta = w.entry().meta();
        Map<String, AttributeValue> key = w.entry().key();
        keyValue(w, meta.partitionKey(), key.get(meta.partitionKey().storedName()), MAX_PARTITION_KEY, "partition key");
        if (meta.sortKey() != null) {
            keyValue(w, meta.sortKey(), key.get(meta.sortKey().storedName()), MAX_SORT_KEY, "sort key");
        }
        Map<String, AttributeValue> written = w instanceof Write.Update u ? u.set() : w.after();
        if (written == null) {
            return;
        }
        for (AttributeMeta a : meta.required()) {
            if (!w.after().containsKey(a.storedName())) {
                throw refused(w, "has no value for attribute '" + a.name() + "', which is declared not null"
                        + " (@Column(nullable = false) or @Basic(optional = false)); set it before the flush");
            }
        }
        for (io.jynamo.internal.metadata.AssociationMeta a : meta.associations()) {
            if (a.owningToOne() && !a.optional() && w.after() != null
                    && !w.after().containsKey(a.joinColumns().get(0).storedName())) {
                throw refused(w, "has no '" + a.name() + "', a relationship declared not null (optional = false or"
                        + " @JoinColumn(nullable = false)); set it before the flush");
            }
        }
        indexKeys(w, meta.indexes(), written);
        // An empty string is no valid key of the foreign-key indexes of inverse sides either.
        indexKeys(w, meta.root().foreignKeyIndexes(), written);
        // The exact size (every string's UTF-8 length) only for an item that might be too large.
        if (w.after() != null && ItemSize.atMost(w.after()) > ItemSize.MAX_ITEM) {
            long size = ItemSize.of(w.after());
            if (size > ItemSize.MAX_ITEM) {
                throw refused(w, "is " + size + " bytes as a DynamoDB item; DynamoDB stores at most 400 KB per item."
                        + " Move large values elsewhere (e.g. S3) and keep a reference");
            }
        }
    }

    private static void indexKeys(Write w, java.util.List<IndexMeta> indexes, Map<String, AttributeValue> written) {
        for (IndexMeta index : indexes) {
            keyValue(w, index.partitionKey(), written.get(index.partitionKey().storedName()), MAX_PARTITION_KEY,
                    "partition key of index " + index.name());
            if (index.sortKey() != null) {
                keyValue(w, index.sortKey(), written.get(index.sortKey().storedName()), MAX_SORT_KEY,
                        "sort key of index " + index.name());
            }
        }
    }

    /** Refuses an expression over DynamoDB's 4 KB. */
    static void expression(Write w, String kind, String expression) {
        if (expression != null && expression.length() > MAX_EXPRESSION) {
            throw refused(w, "needs a " + kind + " expression of " + expression.length()
                    + " characters; DynamoDB takes at most 4 KB. Change fewer attributes in one transaction, or use"
                    + " jynamo.update-mode=put for unversioned entities");
        }
    }

    private static void keyValue(Write w, AttributeMeta attribute, AttributeValue v, int max, String role) {
        if (v == null) {
            return;
        }
        long bytes;
        if (v.s() != null) {
            // A string of n chars has at most 3n UTF-8 bytes: short ones need no count.
            if (!v.s().isEmpty() && 3L * v.s().length() <= max) {
                return;
            }
            bytes = ItemSize.utf8(v.s());
        } else if (v.b() != null) {
            bytes = v.b().asByteArrayUnsafe().length;
        } else if (v.n() != null) {
            return;
        } else {
            throw refused(w, "has attribute '" + attribute.name() + "', the " + role + ", stored as " + v.type()
                    + "; DynamoDB keys are strings, numbers or binary. Map it to one of those (e.g. with a converter)");
        }
        if (bytes == 0) {
            throw refused(w, "has an empty value in attribute '" + attribute.name() + "', the " + role
                    + "; DynamoDB refuses empty strings and binary values in keys. Store null instead"
                    + (role.startsWith("partition key of index") || role.startsWith("sort key of index")
                    ? " (the item is then left out of the index)" : ""));
        }
        if (bytes > max) {
            throw refused(w, "has " + bytes + " bytes in attribute '" + attribute.name() + "', the " + role
                    + "; DynamoDB takes at most " + max + " bytes there");
        }
    }

    private static JynamoException refused(Write w, String what) {
        return new JynamoException("Entity " + w.entry().describe() + " " + what + ". Nothing was written by this flush");
    }
}
