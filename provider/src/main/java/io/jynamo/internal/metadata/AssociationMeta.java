package io.jynamo.internal.metadata;

import jakarta.persistence.CascadeType;
import jakarta.persistence.FetchType;
import jakarta.persistence.metamodel.Attribute.PersistentAttributeType;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.lang.reflect.Member;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One relationship attribute of an entity ({@code @ManyToOne}, {@code @OneToOne}, {@code @OneToMany},
 * {@code @ManyToMany}) as Jynamo stores and loads it. Built in two steps: the annotations are read with
 * the owner's attributes, the target entity and what depends on it are resolved once every entity is known
 * ({@link Associations#link}).
 *
 * <p>Storage: an owning to-one side stores the target's key on the owner's item, one attribute per target
 * key attribute ({@link #joinColumns()}); an inverse side ({@code mappedBy}) stores nothing and is loaded by
 * one Query on the target's table, over the foreign-key attribute(s) of {@link #inverse()}, through
 * {@link #foreignKeyIndex()}.
 */
public final class AssociationMeta {

    /** The four JPA relationship kinds. */
    public enum Kind {
        MANY_TO_ONE, ONE_TO_ONE, ONE_TO_MANY, MANY_TO_MANY;

        /** The JPA metamodel's name for it. */
        public PersistentAttributeType attributeType() {
            return PersistentAttributeType.valueOf(name());
        }
    }

    /**
     * One stored foreign-key attribute of an owning to-one side.
     *
     * @param storedName the attribute on the owner's item ({@code @JoinColumn(name)} or
     *                   {@code <attribute>_<target key attribute>})
     * @param targetKey  the target's key attribute whose value it holds
     * @param insertable whether a persist writes it ({@code @JoinColumn(insertable)})
     * @param updatable  whether a change of the relationship writes it ({@code @JoinColumn(updatable)})
     */
    public record JoinColumn(String storedName, AttributeMeta targetKey, boolean insertable, boolean updatable) {

        /** A column the relationship never writes: another attribute of the entity stores it, or nothing does. */
        public boolean readOnly() {
            return !insertable && !updatable;
        }
    }

    private final String name;
    private final Kind kind;
    private final Class<?> javaType;
    /** {@code List}, {@code Set}, {@code Collection} or {@code Map} for a to-many side, else {@code null}. */
    private final Class<?> collectionType;
    private final Class<?> targetClass;
    private final Accessor accessor;
    private final Member member;
    private final String mappedBy;
    private final FetchType fetch;
    private final Set<CascadeType> cascade;
    private final boolean orphanRemoval;
    private final boolean optional;
    /** The {@code @JoinColumn}s in declaration order. */
    final List<jakarta.persistence.JoinColumn> declaredJoinColumns;
    /** The {@code @OrderBy} value of a to-many side, or {@code null}. */
    private final String orderBy;
    /** {@code @JoinTable}'s name, owner column and target column as declared ("" when not given), or {@code null}. */
    final String[] declaredJoinTable;

    /** A {@code Map} side's key: the target's attribute {@code @MapKey} names, "" for the target's key; else {@code null}. */
    private String mapKey;
    /** A {@code List} side's {@code @OrderColumn} name, or {@code null}. */
    private String orderColumn;
    /** A {@code Map} side's {@code @MapKeyColumn} / {@code @MapKeyJoinColumn} name, or {@code null}. */
    private String mapKeyColumn;
    private Class<?> mapKeyClass;
    /** The codec of a basic map key stored beside; {@code null} for an entity key (its key attribute's codec). */
    private io.jynamo.internal.convert.Codec mapKeyCodec;
    /** Whether the map writes its key column (false when {@code insertable = false, updatable = false}). */
    private boolean mapKeyWritten = true;
    private EntityMeta mapKeyEntity;
    /** The attribute of a link item that holds the target's key (its sort key unless a position or map key is). */
    private AttributeMeta linkTarget;
    /** A derived identity: {@code true} when the relationship is (part of) the entity's key. */
    private boolean derived;
    /** {@code @MapsId}'s value, or {@code null} for {@code @Id} on the relationship. */
    private String mapsIdName;
    /** The entity's key attributes the target's key attributes are (partition key first), once resolved. */
    private List<AttributeMeta> derivedKeyAttributes = List.of();

    // Resolved by Associations.link once every entity is known.
    private EntityMeta owner;
    private EntityMeta target;
    private List<JoinColumn> joinColumns = List.of();
    private AssociationMeta inverse;
    private IndexMeta foreignKeyIndex;
    private EntityMeta linkTable;

    AssociationMeta(String name, Kind kind, Class<?> javaType, Class<?> collectionType, Class<?> targetClass,
                    Accessor accessor, Member member, String mappedBy, FetchType fetch, Set<CascadeType> cascade,
                    boolean orphanRemoval, boolean optional, List<jakarta.persistence.JoinColumn> declaredJoinColumns, String orderBy,
                    String[] declaredJoinTable) {
        this.declaredJoinTable = declaredJoinTable;
        this.name = name;
        this.kind = kind;
        this.javaType = javaType;
        this.collectionType = collectionType;
        this.targetClass = targetClass;
        this.accessor = accessor;
        this.member = member;
        this.mappedBy = mappedBy;
        this.fetch = fetch;
        this.cascade = Set.copyOf(cascade);
        this.orphanRemoval = orphanRemoval;
        this.optional = optional;
        this.declaredJoinColumns = List.copyOf(declaredJoinColumns);
        this.orderBy = orderBy;
    }

    /**
     * The owning side a unidirectional {@code @OneToMany} with {@code @JoinColumn} keeps on its target: the
     * children's items store the owner's key, as an owning {@code @ManyToOne} would, but no attribute of the
     * child holds it (the collection decides it). Named {@code <Owner>#<attribute>}, which no query can spell.
     */
    static AssociationMeta backReference(AssociationMeta side, EntityMeta owner) {
        return new AssociationMeta(owner.name() + "#" + side.name, Kind.MANY_TO_ONE, owner.javaClass(), null,
                owner.javaClass(), null, side.member, null, FetchType.LAZY, Set.of(), false, true,
                side.declaredJoinColumns, null, null);
    }

    void resolve(EntityMeta owner, EntityMeta target, List<JoinColumn> joinColumns, AssociationMeta inverse,
                 IndexMeta foreignKeyIndex) {
        this.owner = owner;
        this.target = target;
        this.joinColumns = List.copyOf(joinColumns);
        this.inverse = inverse;
        this.foreignKeyIndex = foreignKeyIndex;
    }

    void mapKey(String mapKey) {
        this.mapKey = mapKey;
    }

    void derivedKey(String mapsIdName) {
        this.derived = true;
        this.mapsIdName = mapsIdName;
    }

    void derivedKeyAttributes(List<AttributeMeta> keys) {
        this.derivedKeyAttributes = List.copyOf(keys);
    }

    /**
     * Whether this owning to-one side is a derived identity ({@code @MapsId}, or {@code @Id} on the
     * relationship): its foreign key is the entity's own key attribute, stored once.
     */
    public boolean derived() {
        return derived;
    }

    /** {@code @MapsId}'s value ({@code ""} for the whole id), or {@code null} when not {@code @MapsId}. */
    public String mapsIdName() {
        return mapsIdName;
    }

    /**
     * At persist, for a {@code @MapsId} side: copies the target's key into the entity's key attribute (JPA
     * lets the application leave it unset: the relationship decides it).
     *
     * @throws IllegalArgumentException if the target is null or has no key yet
     */
    public void deriveKey(Object entity) {
        if (!derived || mapsIdName == null) {
            return;
        }
        Object t = accessor.get(entity);
        for (int i = 0; i < joinColumns.size(); i++) {
            Object id = t == null ? null : joinColumns.get(i).targetKey().accessor().get(t);
            if (id == null) {
                throw new IllegalArgumentException("Entity " + owner.name() + " derives its key from '" + name + "' (@MapsId),"
                        + " which " + (t == null ? "is null" : "refers to a " + target.name() + " without a key")
                        + ": set it to a persisted " + target.name() + " (persist that one first) before persisting");
            }
            derivedKeyAttributes.get(i).accessor().set(entity, id);
        }
    }

    void orderColumn(String name) {
        this.orderColumn = name;
    }

    void mapKeyColumn(String name, Class<?> keyClass, io.jynamo.internal.convert.Codec codec, boolean written) {
        this.mapKey = null;
        this.mapKeyColumn = name;
        this.mapKeyClass = keyClass;
        this.mapKeyCodec = codec;
        this.mapKeyWritten = written;
    }

    void mapKeyEntity(EntityMeta keyEntity) {
        this.mapKeyEntity = keyEntity;
    }

    void linkTarget(AttributeMeta linkTarget) {
        this.linkTarget = linkTarget;
    }

    /**
     * The {@code @OrderColumn} of a {@code List} side: the attribute holding each element's position (0-based),
     * on the link item or, for an inverse {@code @OneToMany}, on the child's item; else {@code null}.
     */
    public String orderColumn() {
        return orderColumn;
    }

    /**
     * The {@code @MapKeyColumn} / {@code @MapKeyJoinColumn} of a {@code Map} side: the attribute holding each
     * target's map key, on the link item or, for an inverse {@code @OneToMany}, on the child's item; else {@code null}.
     */
    public String mapKeyColumn() {
        return mapKeyColumn;
    }

    /** The attribute stored beside the relationship ({@link #orderColumn()} or {@link #mapKeyColumn()}), or {@code null}. */
    public String besideColumn() {
        return orderColumn != null ? orderColumn : mapKeyColumn;
    }

    /** Whether the flush writes {@link #besideColumn()} ({@code insertable}/{@code updatable} not both false). */
    public boolean besideWritten() {
        return orderColumn != null || mapKeyWritten;
    }

    /** A map's key type: the {@code @MapKey} attribute's, or the declared key class of a key stored beside. */
    public Class<?> mapKeyJavaType() {
        return mapKeyColumn != null ? mapKeyClass : mapKey() == null ? null : mapKey().javaType();
    }

    /** The entity a {@code @MapKeyJoinColumn} map is keyed by, or {@code null}. */
    public EntityMeta mapKeyEntity() {
        return mapKeyEntity;
    }

    /** The stored value of a position or a map key (an entity key by its key attribute); {@code null} for a null key. */
    public AttributeValue besideValue(Object keyOrPosition) {
        if (keyOrPosition == null) {
            return null;
        }
        if (orderColumn != null) {
            return AttributeValue.fromN(keyOrPosition.toString());
        }
        if (mapKeyEntity != null) {
            return mapKeyEntity.partitionKey().write(keyOrPosition);
        }
        return mapKeyCodec.write(keyOrPosition);
    }

    /** A basic map key read back from its stored value (an entity key is a reference the loader makes). */
    public Object basicMapKey(AttributeValue stored) {
        return stored == null || Boolean.TRUE.equals(stored.nul()) ? null : mapKeyCodec.read(stored);
    }

    /** Whether a map key stored beside has a basic codec (a {@code @MapKeyColumn}), not an entity's key. */
    boolean besideCodecDeclared() {
        return mapKeyCodec != null;
    }

    /** The codec of {@link #besideColumn()}'s values, for link tables' key schemas. */
    io.jynamo.internal.convert.Codec besideCodec() {
        if (orderColumn != null) {
            return io.jynamo.internal.convert.Codecs.basic(Integer.class);
        }
        return mapKeyEntity != null ? mapKeyEntity.partitionKey().codec() : mapKeyCodec;
    }

    /**
     * The attribute of this side's link items that holds the target's key: the sort key of a plain link
     * table, an attribute beside the position or map key (the sort key then) of an ordered or keyed one.
     */
    public AttributeMeta linkTarget() {
        return linkTarget;
    }

    /**
     * For a {@code Map} side, the target attribute its keys are ({@code @MapKey(name)}), or the target's key
     * attribute when {@code @MapKey} names none; {@code null} for other sides.
     */
    public AttributeMeta mapKey() {
        if (mapKey == null) {
            return null;
        }
        if (mapKey.isEmpty()) {
            return target.partitionKey();
        }
        return target.attributes().stream().filter(a -> a.name().equals(mapKey)).findFirst().orElseThrow(() ->
                new jakarta.persistence.PersistenceException("Entity " + owner.javaClass().getName() + " attribute '" + name
                        + "' is keyed by @MapKey(name = \"" + mapKey + "\"), which is no attribute of " + target.name()));
    }

    /** The map a {@code Map} side holds for these targets: each under its {@link #mapKey()} value. */
    public Map<Object, Object> keyed(java.util.Collection<?> targets) {
        AttributeMeta key = mapKey();
        Map<Object, Object> map = new LinkedHashMap<>();
        for (Object t : targets) {
            map.put(key.accessor().get(t), t);
        }
        return map;
    }

    void linkTable(EntityMeta linkTable) {
        this.linkTable = linkTable;
    }

    /**
     * The link table of a {@code @ManyToMany} (either side), unidirectional {@code @OneToMany} or
     * {@code @JoinTable} side, else {@code null}. Its items are (owner key, target key): its partition key is
     * the owning side's key column, its sort key the target's key column, and its one global index
     * ({@code fk_<target column>}, in {@link EntityMeta#indexes()}) inverts them.
     */
    public EntityMeta linkTable() {
        return linkTable;
    }

    /** Whether this side's entity is the link table's partition key (the owning side of a link table). */
    public boolean linkOwner() {
        return linkTable != null && mappedBy == null;
    }

    /** The Java attribute name. */
    public String name() {
        return name;
    }

    public Kind kind() {
        return kind;
    }

    /** The declared type: the target class for a to-one side, the collection interface for a to-many side. */
    public Class<?> javaType() {
        return javaType;
    }

    /** {@code List}, {@code Set}, {@code Collection} or {@code Map} for a to-many side, else {@code null}. */
    public Class<?> collectionType() {
        return collectionType;
    }

    public Class<?> targetClass() {
        return targetClass;
    }

    /** The entity that declares the attribute. */
    public EntityMeta owner() {
        return owner;
    }

    /** The entity at the other end. */
    public EntityMeta target() {
        return target;
    }

    public Accessor accessor() {
        return accessor;
    }

    /** The field or getter, for the metamodel. */
    public Member member() {
        return member;
    }

    /** The target's attribute that owns this relationship, or {@code null} on an owning side. */
    public String mappedBy() {
        return mappedBy;
    }

    /** The fetch type, with JPA's defaults: EAGER for to-one, LAZY for to-many. */
    public FetchType fetch() {
        return fetch;
    }

    /** The cascaded operations, {@code ALL} expanded. */
    public Set<CascadeType> cascade() {
        return cascade;
    }

    /** Whether an operation cascades over this relationship. */
    public boolean cascades(CascadeType type) {
        return cascade.contains(type);
    }

    public boolean orphanRemoval() {
        return orphanRemoval;
    }

    /** Whether a to-one side may be null ({@code optional}); always true for a to-many side. */
    public boolean optional() {
        return optional;
    }

    /** The {@code @OrderBy} of a to-many side, or {@code null}. */
    public String orderBy() {
        return orderBy;
    }

    /** Whether the attribute is a collection. */
    public boolean toMany() {
        return kind == Kind.ONE_TO_MANY || kind == Kind.MANY_TO_MANY;
    }

    /**
     * Whether this is a unidirectional {@code @OneToMany} with {@code @JoinColumn}: each target's item stores the
     * owner's key ({@link #inverse()} is the hidden owning side that describes it, loaded as an inverse side is),
     * and the flush writes it from the collection.
     */
    public boolean foreignKeyOnTarget() {
        return kind == Kind.ONE_TO_MANY && mappedBy == null && declaredJoinTable == null;
    }

    /** Whether this side stores the target's key on the owner's item: an owning {@code @ManyToOne}/{@code @OneToOne}. */
    public boolean owningToOne() {
        return !toMany() && mappedBy == null;
    }

    /**
     * The stored foreign-key attributes of an owning to-one side, one per target key attribute (partition key
     * first); empty for any other side. A JPQL condition on {@code o.customer} or on {@code o.customer.id} is
     * a condition on these attributes.
     */
    public List<JoinColumn> joinColumns() {
        return joinColumns;
    }

    /**
     * For an inverse side ({@code mappedBy}): the target's owning to-one attribute; for a {@link #foreignKeyOnTarget()}
     * side, the hidden owning side that describes the foreign key on the targets' items; else {@code null}.
     */
    public AssociationMeta inverse() {
        return inverse;
    }

    /**
     * For an inverse side: the index of the target's table whose keys are the foreign-key attributes of
     * {@link #inverse()} ({@code null} name when they are the table's own primary key); else {@code null}.
     */
    public IndexMeta foreignKeyIndex() {
        return foreignKeyIndex;
    }

    /** The target's key as the owner's item stores it, or {@code null} when the attributes are absent. */
    public Map<String, AttributeValue> targetKeyOf(Map<String, AttributeValue> ownerItem) {
        Map<String, AttributeValue> key = new LinkedHashMap<>();
        for (JoinColumn c : joinColumns) {
            AttributeValue v = ownerItem.get(c.storedName());
            if (v == null || Boolean.TRUE.equals(v.nul())) {
                return null;
            }
            key.put(c.targetKey().storedName(), v);
        }
        return key;
    }

    /**
     * The Query of this inverse side's targets of one owner: the owning side's foreign key equal to the owner's key
     * (read from the owner's key or item), on the target table's foreign-key index; {@code null} when the owner lacks
     * a key attribute.
     */
    public software.amazon.awssdk.services.dynamodb.model.QueryRequest.Builder inverseQuery(Map<String, AttributeValue> owner) {
        List<JoinColumn> fk = inverse().joinColumns();
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, AttributeValue> values = new LinkedHashMap<>();
        StringBuilder condition = new StringBuilder();
        for (int i = 0; i < fk.size(); i++) {
            AttributeValue v = owner.get(fk.get(i).targetKey().storedName());
            if (v == null) {
                return null;
            }
            names.put("#k" + i, fk.get(i).storedName());
            values.put(":k" + i, v);
            condition.append(i == 0 ? "" : " AND ").append("#k").append(i).append(" = :k").append(i);
        }
        return software.amazon.awssdk.services.dynamodb.model.QueryRequest.builder().tableName(target.root().tableName())
                .indexName(foreignKeyIndex.name()).keyConditionExpression(condition.toString())
                .expressionAttributeNames(names).expressionAttributeValues(values);
    }

    /** Puts the target's key into the owner's item; nothing for a null target. */
    void writeForeignKey(Object ownerEntity, Map<String, AttributeValue> item) {
        Object t = accessor.get(ownerEntity);
        for (JoinColumn c : joinColumns) {
            if (c.readOnly()) {
                continue;
            }
            if (t == null) {
                item.remove(c.storedName()); // a read-only attribute stored under the same name wrote it
                continue;
            }
            AttributeValue v = c.targetKey().write(t);
            if (v == null) {
                throw new IllegalStateException("Entity " + owner.name() + " attribute '" + name + "' refers to a "
                        + target.name() + " whose key attribute '" + c.targetKey().name() + "' is null: persist the "
                        + target.name() + " (its id is assigned at persist) or set its key before the flush");
            }
            item.put(c.storedName(), v);
        }
    }

    @Override
    public String toString() {
        return "AssociationMeta[" + (owner == null ? "?" : owner.name()) + "." + name + " " + kind + " -> "
                + targetClass.getSimpleName() + (mappedBy == null ? "" : " mappedBy " + mappedBy) + "]";
    }
}
