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
     * The {@code @Id} attributes of the entity (one or more) and an {@code @IdClass} holding the same as its parts.
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
            return parts.build(entityPk.accessor().get(e), entitySk == null ? null : entitySk.accessor().get(e));
        }

        @Override
        public Object idOfKey(Map<String, AttributeValue> key) {
            return parts.idOfKey(key);
        }

        @Override
        public void setId(Object e, Object id) {
            entityPk.accessor().set(e, parts.pk().accessor().get(id));
            if (entitySk != null) {
                entitySk.accessor().set(e, parts.sk().accessor().get(id));
            }
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
     * @param sk    the sort key part (or the {@link CompositeKey} of the parts after the partition key), or {@code null}
     * @param ctor   the id type's no-argument constructor ({@code null} for a record)
     * @param type   the id type
     * @param where  the entity, for errors
     * @param record the id type as a record, built through its canonical constructor, or {@code null}
     */
    record Parts(AttributeMeta pk, AttributeMeta sk, MethodHandle ctor, Class<?> type, String where, RecordShape record) {

        /** A new id object of these key values (the sort key's ignored without a sort key). */
        Object build(Object pkValue, Object skValue) {
            if (record != null) {
                Object[] values = new Object[record.size()];
                values[record.indexOf(pk.name())] = pkValue;
                CompositeKey composite = sk == null ? null : sk.accessor().composite();
                if (composite != null) {
                    Object[] parts = skValue == null ? new Object[composite.parts().size()] : composite.values((String) skValue);
                    for (int i = 0; i < parts.length; i++) {
                        values[record.indexOf(composite.parts().get(i).name())] = parts[i];
                    }
                } else if (sk != null) {
                    values[record.indexOf(sk.name())] = skValue;
                }
                return record.create(values);
            }
            Object id = Types.instantiate(ctor, type);
            pk.accessor().set(id, pkValue);
            if (sk != null) {
                sk.accessor().set(id, skValue);
            }
            return id;
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
            return build(pk.valueOf(key.get(pk.storedName())), sk == null ? null : sk.valueOf(key.get(sk.storedName())));
        }
    }
}
