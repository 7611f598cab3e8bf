package io.jynamo.internal.query;

import io.jynamo.internal.convert.Codec;
import io.jynamo.internal.convert.Codecs;
import io.jynamo.internal.convert.UnreadableValueException;
import io.jynamo.internal.metadata.AssociationMeta;
import io.jynamo.internal.metadata.AttributeMeta;
import io.jynamo.internal.metadata.EntityMeta;
import io.jynamo.internal.metadata.IndexMeta;
import io.jynamo.internal.metadata.Metadata;
import io.jynamo.jpql.BoundValue;
import io.jynamo.jpql.model.AssociationInfo;
import io.jynamo.jpql.model.AttributeInfo;
import io.jynamo.jpql.model.EntityInfo;
import io.jynamo.jpql.model.IndexInfo;
import io.jynamo.jpql.model.QueryModel;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Describes a unit's entities to the JPQL compiler, and converts the values of its plans. */
public final class ProviderQueryModel implements QueryModel {

    private final Map<String, EntityInfo> byName = new HashMap<>();
    private final Map<String, Map<String, Codec>> codecs = new HashMap<>();
    /**
     * The codec of each attribute this model made, by the attribute itself: a plan's values carry theirs, so a
     * value is converted without two lookups by name (an {@code IN} of 100 keys converts 100 values).
     */
    private final Map<AttributeInfo, Codec> codecOf = new IdentityHashMap<>();

    public ProviderQueryModel(Metadata metadata) {
        // The hidden owning sides of unidirectional @OneToMany @JoinColumn sides: the compiler sees them as to-one
        // attributes of the children (named so that no query can spell them), which the collections are mapped by.
        List<AssociationMeta> backReferences = new ArrayList<>();
        for (EntityMeta e : metadata.entities()) {
            for (AssociationMeta a : e.associations()) {
                if (a.foreignKeyOnTarget() && !backReferences.contains(a.inverse())) {
                    backReferences.add(a.inverse());
                }
            }
        }
        for (EntityMeta e : metadata.entities()) {
            Map<String, AttributeInfo> attributes = new LinkedHashMap<>();
            Map<String, Codec> entityCodecs = new HashMap<>();
            for (AttributeMeta a : e.attributes()) {
                add(attributes, entityCodecs, "", List.of(), a);
                if ((a.isKey() || e.keyParts().contains(a)) && e.embeddedId() != null) {
                    // e.id.x is the key attribute x itself (one description), so that a condition on it is a key's
                    String path = e.embeddedId().name() + "." + a.name();
                    attributes.put(path, attributes.get(a.name()));
                    entityCodecs.put(path, entityCodecs.get(a.name()));
                }
            }
            if (e.discriminatorColumn() != null) {
                TypeCodec type = new TypeCodec(e, metadata);
                attributes.put(AttributeInfo.TYPE_PATH, new AttributeInfo(AttributeInfo.TYPE_PATH,
                        List.of(e.discriminatorColumn()), type.kind(), String.class, null));
                entityCodecs.put(AttributeInfo.TYPE_PATH, type);
            }
            if (e.version() != null) {
                attributes.put(AttributeInfo.VERSION_PATH, attributes.get(e.version().name()));
                entityCodecs.put(AttributeInfo.VERSION_PATH, entityCodecs.get(e.version().name()));
            }
            List<IndexInfo> indexes = new ArrayList<>();
            for (IndexMeta i : e.indexes()) {
                indexes.add(new IndexInfo(i.name(), i.partitionKey().name(),
                        i.sortKey() == null ? null : i.sortKey().name(), i.global()));
            }
            List<AssociationMeta> all = new ArrayList<>(e.associations());
            backReferences.stream().filter(b -> b.owner().isSameOrSuperOf(e)).forEach(all::add);
            Map<String, AssociationInfo> associations = associations(e, all, attributes, entityCodecs, indexes);
            byName.put(e.name(), new EntityInfo(e.name(), e.tableName(), e.partitionKey().name(),
                    e.sortKey() == null ? null : e.sortKey().name(), indexes, attributes, associations, e.javaClass(),
                    entity -> keyValues(e, entity), e.compositeSortKey()
                    ? e.keyParts().subList(1, e.keyParts().size()).stream().map(AttributeMeta::name).toList() : List.of()));
            codecs.put(e.name(), entityCodecs);
            attributes.forEach((path, info) -> codecOf.put(info, entityCodecs.get(path)));
        }
    }

    /**
     * The relationships of an entity as the compiler sees them. An owning to-one's foreign key becomes attributes
     * at {@code <association>.<target key>} (stored as the join columns, read with the target key's codec), and
     * the {@code fk_} indexes schema generation adds become indexes over those paths, so that
     * {@code o.customer.id = :x} and {@code o.customer = :c} are conditions on them and use the index.
     */
    private static Map<String, AssociationInfo> associations(EntityMeta e, List<AssociationMeta> all,
                                                             Map<String, AttributeInfo> attributes,
                                                             Map<String, Codec> codecs, List<IndexInfo> indexes) {
        Map<String, AssociationInfo> out = new LinkedHashMap<>();
        Map<String, String> pathOfStored = new HashMap<>();
        for (AssociationMeta a : all) {
            String target = a.target().name();
            if (a.owningToOne()) {
                Map<String, String> foreignKey = new LinkedHashMap<>();
                for (AssociationMeta.JoinColumn c : a.joinColumns()) {
                    AttributeMeta key = c.targetKey();
                    String path = a.name() + "." + key.name();
                    attributes.put(path, new AttributeInfo(path, List.of(c.storedName()), key.kind(), key.boxedType(), null));
                    codecs.put(path, key.codec());
                    foreignKey.put(key.name(), path);
                    pathOfStored.put(c.storedName(), path);
                }
                out.put(a.name(), AssociationInfo.owningToOne(a.name(), target, ordered(a.target(), foreignKey)));
            } else if (a.linkTable() != null) {
                EntityMeta link = a.linkTable();
                out.put(a.name(), AssociationInfo.linkTable(a.name(), target, link.tableName(),
                        link.indexes().isEmpty() ? null : link.indexes().get(0).name()));
            } else {
                IndexMeta index = a.foreignKeyIndex();
                out.put(a.name(), AssociationInfo.inverse(a.name(), a.toMany() ? AssociationInfo.Kind.INVERSE_ONE_TO_MANY
                        : AssociationInfo.Kind.INVERSE_TO_ONE, target, a.foreignKeyOnTarget() ? a.inverse().name()
                        : a.mappedBy(), index == null ? null : index.name()));
            }
        }
        for (IndexMeta i : e.root().foreignKeyIndexes()) {
            String pk = pathOfStored.get(i.partitionKey().storedName());
            String sk = i.sortKey() == null ? null : pathOfStored.get(i.sortKey().storedName());
            if (pk != null && (i.sortKey() == null || sk != null)) {
                indexes.add(new IndexInfo(i.name(), pk, sk, true));
            }
        }
        return out;
    }

    /** The foreign key's target key paths in the target's key order: partition key, then sort key. */
    private static Map<String, String> ordered(EntityMeta target, Map<String, String> foreignKey) {
        Map<String, String> ordered = new LinkedHashMap<>();
        ordered.put(target.partitionKey().name(), foreignKey.get(target.partitionKey().name()));
        if (target.sortKey() != null) {
            ordered.put(target.sortKey().name(), foreignKey.get(target.sortKey().name()));
        }
        ordered.values().removeIf(java.util.Objects::isNull);
        return ordered.size() == foreignKey.size() ? ordered : foreignKey;
    }

    /**
     * The key of an entity instance by key path, for entity-valued parameters ({@code x = :e}); read through the
     * accessors, which a reference proxy answers for its key without loading.
     */
    private static Map<String, Object> keyValues(EntityMeta e, Object entity) {
        Map<String, Object> key = new HashMap<>();
        key.put(e.partitionKey().name(), e.partitionKey().accessor().get(entity));
        if (e.sortKey() != null) {
            key.put(e.sortKey().name(), e.sortKey().accessor().get(entity));
        }
        return key;
    }

    private static void add(Map<String, AttributeInfo> attributes, Map<String, Codec> codecs, String prefix,
                            List<String> storedPrefix, AttributeMeta a) {
        String path = prefix + a.name();
        List<String> stored = new ArrayList<>(storedPrefix);
        stored.add(a.storedName());
        // a primitive is always written (0, false), so an index sorted by it holds every item of its partition key
        attributes.put(path, new AttributeInfo(path, stored, a.kind(), a.boxedType(), a.elementType(),
                a.javaType().isPrimitive()));
        codecs.put(path, a.codec());
        if (a.embeddable() != null) {
            for (AttributeMeta nested : a.embeddable().attributes()) {
                add(attributes, codecs, path + ".", stored, nested);
            }
        }
    }

    /** {@code SELECT o.customer}: {@link Reads} loads the targets of the owners read. */
    @Override
    public boolean readsSelectedTargets() {
        return true;
    }

    @Override
    public Optional<EntityInfo> entity(String entityName) {
        return Optional.ofNullable(byName.get(entityName));
    }

    /** The DynamoDB value of a plan value. */
    public AttributeValue convert(String entityName, BoundValue v) {
        if (v.attribute() == null) {
            return plain(v.value());
        }
        if (v.value() instanceof io.jynamo.jpql.JoinedKey joined) {
            List<AttributeValue> parts = new ArrayList<>(joined.parts().size());
            for (BoundValue part : joined.parts()) {
                parts.add(convert(entityName, part));
            }
            return AttributeValue.fromS(io.jynamo.internal.metadata.CompositeKey.join(parts, joined.prefix()));
        }
        Codec codec = codecOf.get(v.attribute());
        if (codec == null) {
            codec = codecs.get(entityName).get(v.attribute().path());
        }
        if (v.element()) {
            codec = ((Codecs.CollectionCodec) codec).element();
        }
        return codec.write(v.value());
    }

    /** The Java value of a stored attribute at a JPQL path. */
    public Object read(String entityName, String path, AttributeValue value) {
        if (value == null || Boolean.TRUE.equals(value.nul())) {
            return null;
        }
        try {
            return codecs.get(entityName).get(path).read(value);
        } catch (UnreadableValueException e) {
            throw e.in(path).at(null, entityName);
        }
    }

    /** The values of a plan, converted. */
    public Map<String, AttributeValue> convertAll(String entityName, Map<String, BoundValue> values) {
        if (values.size() == 1) {
            // A key of one attribute: one per key of an IN list, so the small map is worth its branch.
            Map.Entry<String, BoundValue> only = values.entrySet().iterator().next();
            AttributeValue v = convert(entityName, only.getValue());
            if (v != null) { // (a converter may give null, which Map.of refuses)
                return Map.of(only.getKey(), v);
            }
        }
        Map<String, AttributeValue> out = new LinkedHashMap<>();
        values.forEach((k, v) -> out.put(k, convert(entityName, v)));
        return out;
    }

    /**
     * {@code TYPE(e)}: writes the entity name a query compares it with as that entity's discriminator value,
     * reads a stored discriminator value as the entity class it names.
     */
    private static final class TypeCodec implements Codec {
        private final EntityMeta entity;
        private final Metadata metadata;

        TypeCodec(EntityMeta entity, Metadata metadata) {
            this.entity = entity;
            this.metadata = metadata;
        }

        @Override
        public AttributeValue write(Object value) {
            EntityMeta named = metadata.byName(String.valueOf(value));
            if (named == null || named.root() != entity.root()) {
                throw new IllegalArgumentException("TYPE(...) of " + entity.name() + " is compared with '" + value
                        + "', which is no entity of its hierarchy; its entities are " + metadata.entities().stream()
                        .filter(m -> m.root() == entity.root()).map(EntityMeta::name).toList());
            }
            AttributeValue v = named.discriminatorValue();
            if (v == null) {
                throw new IllegalArgumentException("TYPE(...) of " + entity.name() + " is compared with the abstract entity "
                        + named.name() + ", which has no instances of its own; name its concrete subclasses");
            }
            return v;
        }

        @Override
        public Object read(AttributeValue value) {
            return entity.concrete(Map.of(entity.discriminatorColumn(), value)).javaClass();
        }

        @Override
        public io.jynamo.jpql.ValueKind kind() {
            return entity.root().discriminatorValueKind();
        }
    }

    private static AttributeValue plain(Object value) {
        if (value instanceof String s) {
            return AttributeValue.fromS(s);
        }
        if (value instanceof BigDecimal bd) {
            return AttributeValue.fromN(bd.toPlainString());
        }
        if (value instanceof Number n) {
            return AttributeValue.fromN(n.toString());
        }
        if (value instanceof Boolean b) {
            return AttributeValue.fromBool(b);
        }
        if (value instanceof Character c) {
            return AttributeValue.fromS(c.toString());
        }
        throw new IllegalArgumentException("Cannot use " + value + " (" + (value == null ? "null" : value.getClass().getName())
                + ") as a query value here");
    }

    /** The key of an entity's item as the compiler's values ({@code EntityKey}): what a query step matches by. */
    io.jynamo.jpql.EntityKey entityKey(EntityMeta meta, Map<String, AttributeValue> item) {
        Map<String, Object> values = new java.util.LinkedHashMap<>();
        values.put(meta.partitionKey().name(), read(meta.name(), meta.partitionKey().name(),
                item.get(meta.partitionKey().storedName())));
        if (meta.sortKey() != null) {
            values.put(meta.sortKey().name(), read(meta.name(), meta.sortKey().name(), item.get(meta.sortKey().storedName())));
        }
        return new io.jynamo.jpql.EntityKey(values);
    }
}
