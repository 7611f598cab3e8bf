package io.jynamo.internal.metadata;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.lang.invoke.MethodHandle;
import java.util.Map;

/** The three shapes of identifier {@code find} takes, each mapped to and from the DynamoDB key. */
final class IdMappers {

    private IdMappers() {
    }

    /** A single {@code @Id}: the id object is the partition key value itself. */
    record Simple(AttributeMeta pk) implements EntityMeta.IdMapper {
        @Override
        public Map<String, AttributeValue> key(Object id) {
            return Map.of(pk.storedName(), pk.codec().write(id));
        }

        @Override
        public Object idOf(Object e) {
            return pk.accessor().get(e);
        }

        @Override
        public Object idOfKey(Map<String, AttributeValue> key) {
            return pk.codec().read(key.get(pk.storedName()));
        }

        @Override
        public void setId(Object e, Object id) {
            pk.accessor().set(e, id);
        }
    }

    /**
     * Two {@code @Id} attributes of the entity and an {@code @IdClass} holding the same two as its parts.
     *
     * @param parts     the key attributes as parts of the id class
     * @param entityPk  the entity's partition key attribute
     * @param entitySk  the entity's sort key attribute
     */
    record IdClass(Parts parts, AttributeMeta entityPk, AttributeMeta entitySk) implements EntityMeta.IdMapper {
        @Override
        public Map<String, AttributeValue> key(Object id) {
            return parts.key(id);
        }

        @Override
        public Object idOf(Object e) {
            Object id = parts.newId();
            parts.pk().accessor().set(id, entityPk.accessor().get(e));
            parts.sk().accessor().set(id, entitySk.accessor().get(e));
            return id;
        }

        @Override
        public Object idOfKey(Map<String, AttributeValue> key) {
            return parts.idOfKey(key);
        }

        @Override
        public void setId(Object e, Object id) {
            entityPk.accessor().set(e, parts.pk().accessor().get(id));
            entitySk.accessor().set(e, parts.sk().accessor().get(id));
        }
    }

    /**
     * An {@code @EmbeddedId}: the id object is an attribute of the entity.
     *
     * @param parts the key attributes as parts of the embeddable
     * @param outer reads and writes the embeddable on the entity
     */
    record EmbeddedId(Parts parts, Accessor outer) implements EntityMeta.IdMapper {
        @Override
        public Map<String, AttributeValue> key(Object id) {
            return parts.key(id);
        }

        @Override
        public Object idOf(Object e) {
            return outer.get(e);
        }

        @Override
        public Object idOfKey(Map<String, AttributeValue> key) {
            return parts.idOfKey(key);
        }

        @Override
        public void setId(Object e, Object id) {
            outer.set(e, id);
        }
    }

    /**
     * The key attributes as parts of a composite id object (an id class or an embeddable).
     *
     * @param pk    the partition key part
     * @param sk    the sort key part, or {@code null}
     * @param ctor  the id type's no-argument constructor
     * @param type  the id type
     * @param where the entity, for errors
     */
    record Parts(AttributeMeta pk, AttributeMeta sk, MethodHandle ctor, Class<?> type, String where) {

        Object newId() {
            return Types.instantiate(ctor, type);
        }

        Map<String, AttributeValue> key(Object id) {
            AttributeValue p = pk.write(id);
            AttributeValue s = sk == null ? null : sk.write(id);
            if (p == null || sk != null && s == null) {
                throw new IllegalArgumentException(where + ": primary key " + id + " has a null part");
            }
            return sk == null ? Map.of(pk.storedName(), p) : Map.of(pk.storedName(), p, sk.storedName(), s);
        }

        Object idOfKey(Map<String, AttributeValue> key) {
            Object id = newId();
            pk.read(id, key.get(pk.storedName()));
            if (sk != null) {
                sk.read(id, key.get(sk.storedName()));
            }
            return id;
        }
    }
}
