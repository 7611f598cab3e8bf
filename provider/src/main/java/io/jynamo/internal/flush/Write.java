package io.jynamo.internal.flush;

import io.jynamo.internal.context.EntityEntry;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.Map;
import java.util.Set;

/** One write a flush sends, for one entity. */
sealed interface Write {

    EntityEntry entry();

    /** The item after the write, to become the entry's snapshot; {@code null} for a delete. */
    Map<String, AttributeValue> after();

    /** A whole-item put; {@code mustNotExist} for a versioned insert. */
    record Put(EntityEntry entry, Map<String, AttributeValue> item, boolean mustNotExist,
               AttributeValue expectedVersion) implements Write {
        @Override
        public Map<String, AttributeValue> after() {
            return item;
        }
    }

    /** A delete; {@code expectedVersion} for a versioned entity, else {@code null}. */
    record Delete(EntityEntry entry, AttributeValue expectedVersion) implements Write {
        @Override
        public Map<String, AttributeValue> after() {
            return null;
        }
    }

    /** An UpdateItem of exactly the changed attributes. */
    record Update(EntityEntry entry, Map<String, AttributeValue> set, Set<String> remove,
                  AttributeValue expectedVersion, Map<String, AttributeValue> after) implements Write {
    }

    /** Whether the write carries a condition (and so cannot go into a BatchWriteItem). */
    default boolean conditional() {
        return this instanceof Update
                || this instanceof Put p && (p.mustNotExist() || p.expectedVersion() != null)
                || this instanceof Delete d && d.expectedVersion() != null;
    }
}
