package io.jynamo.internal.metadata;

import io.jynamo.annotations.Capacity;
import io.jynamo.internal.convert.UnreadableValueException;
import jakarta.persistence.PersistenceException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.lang.annotation.Annotation;
import java.lang.invoke.MethodHandle;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything Jynamo knows about one entity class, built once per factory: table, keys, indexes,
 * attributes with their accessors and codecs, version, callbacks.
 */
public final class EntityMeta {

    /** How the entity's identifier is shaped. */
    public enum IdKind { SIMPLE, ID_CLASS, EMBEDDED_ID }

    private final Class<?> javaClass;
    private final String name;
    private final String tableName;
    private final MethodHandle constructor;
    private final AttributeMeta partitionKey;
    private final AttributeMeta sortKey;
    private final IdKind idKind;
    private final Class<?> idType;
    private final IdMapper idMapper;
    private final List<AttributeMeta> attributes;
    /** The generated code moving the attributes, made at the first use ({@link #code()}). */
    private ItemCode code;
    private final Map<String, AttributeMeta> byName;
    private final AttributeMeta version;
    private final List<IndexMeta> indexes;
    private final Capacity capacity;
    private final AttributeMeta timeToLive;
    private final Callbacks callbacks;
    private final boolean cacheable;
    private final boolean uncacheable;
    private final AttributeMeta embeddedId;
    /** The key attributes in order: the partition key, then the sort key or, of a composite one, its parts. */
    private final List<AttributeMeta> keyParts;
    private final java.util.Set<String> storedNames;
    private final List<AttributeMeta> required;
    private final IdGeneratorMeta idGenerator;
    /** The entity's place in a SINGLE_TABLE hierarchy; set once by the builder before the metadata is shared. */
    private Hierarchy hierarchy;
    /** {@link #tables()}, once computed. */
    private volatile List<EntityMeta> tables;
    /** Relationship attributes; set once by the builder before the metadata is shared. */
    private List<AssociationMeta> associations = List.of();
    /** The stored names of the owning to-one sides' foreign-key attributes; set by {@link #linked()}. */
    private java.util.Set<String> foreignKeyNames = java.util.Set.of();
    /** Stored names a persist does not write, and a change does not write; set by {@link #linked()}. */
    private java.util.Set<String> notInserted = java.util.Set.of();
    private java.util.Set<String> notUpdated = java.util.Set.of();
    /** Indexes schema generation adds for the inverse sides that load this table's items by foreign key. */
    private final List<IndexMeta> foreignKeyIndexes = new java.util.ArrayList<>();

    EntityMeta(Class<?> javaClass, String name, String tableName, MethodHandle constructor,
               AttributeMeta partitionKey, AttributeMeta sortKey, IdKind idKind, Class<?> idType, IdMapper idMapper,
               AttributeMeta embeddedId, List<AttributeMeta> keyParts, List<AttributeMeta> attributes, List<IndexMeta> indexes, Capacity capacity,
               AttributeMeta timeToLive, Callbacks callbacks, boolean cacheable, boolean uncacheable,
               IdGeneratorMeta idGenerator) {
        this.idGenerator = idGenerator;
        this.javaClass = javaClass;
        this.name = name;
        this.tableName = tableName;
        this.constructor = constructor;
        this.partitionKey = partitionKey;
        this.sortKey = sortKey;
        this.idKind = idKind;
        this.idType = idType;
        this.idMapper = idMapper;
        this.embeddedId = embeddedId;
        this.keyParts = keyParts;
        this.attributes = List.copyOf(attributes);
        this.indexes = List.copyOf(indexes);
        this.capacity = capacity;
        this.timeToLive = timeToLive;
        this.callbacks = callbacks;
        this.cacheable = cacheable;
        this.uncacheable = uncacheable;
        Map<String, AttributeMeta> names = new LinkedHashMap<>();
        AttributeMeta v = null;
        for (AttributeMeta a : attributes) {
            names.put(a.name(), a);
            if (a.role() == AttributeMeta.Role.VERSION) {
                v = a;
            }
        }
        this.byName = names;
        this.version = v;
        this.storedNames = attributes.stream().map(AttributeMeta::storedName).collect(java.util.stream.Collectors.toUnmodifiableSet());
        this.required = attributes.stream().filter(EntityMeta::required).toList();
    }

    private static boolean required(AttributeMeta a) {
        if (a.isKey() || a.javaType().isPrimitive() || !(a.member() instanceof java.lang.reflect.AnnotatedElement e)) {
            return false;
        }
        jakarta.persistence.Column column = column(a);
        jakarta.persistence.Basic basic = Annotations.get(e, jakarta.persistence.Basic.class);
        return column != null && column.insertable() && !column.nullable() || basic != null && !basic.optional();
    }

    /** The {@code @Column} of a basic attribute other than the key and the version, or {@code null}. */
    private static jakarta.persistence.Column column(AttributeMeta a) {
        return a.role() != AttributeMeta.Role.BASIC || !(a.member() instanceof java.lang.reflect.AnnotatedElement e)
                ? null : Annotations.get(e, jakarta.persistence.Column.class);
    }

    /** Whether an attribute is only read: {@code @Column(insertable = false, updatable = false)}. */
    static boolean readOnly(AttributeMeta a) {
        jakarta.persistence.Column column = column(a);
        return column != null && !column.insertable() && !column.updatable();
    }

    /** The attributes that must not be null ({@code @Column(nullable = false)}, {@code @Basic(optional = false)}), keys aside. */
    public List<AttributeMeta> required() {
        return required;
    }

    /** Whether an item attribute of that name is one of the entity's mapped attributes (or its discriminator). */
    public boolean maps(String storedName) {
        return storedNames.contains(storedName) || foreignKeyNames.contains(storedName)
                || hierarchy != null && hierarchy.column.equals(storedName);
    }

    void associations(List<AssociationMeta> associations) {
        this.associations = List.copyOf(associations);
    }

    /**
     * Notes the foreign-key attributes once the associations are linked, and the stored names no mapping writes at
     * a persist ({@code insertable = false}) or at a change ({@code updatable = false}).
     */
    void linked() {
        this.foreignKeyNames = associations.stream().flatMap(a -> a.joinColumns().stream())
                .map(AssociationMeta.JoinColumn::storedName).collect(java.util.stream.Collectors.toUnmodifiableSet());
        Map<String, boolean[]> writes = new HashMap<>(); // stored name -> {inserted, updated} by some mapping
        for (AttributeMeta a : attributes) {
            jakarta.persistence.Column c = column(a);
            boolean[] w = writes.computeIfAbsent(a.storedName(), n -> new boolean[2]);
            w[0] |= c == null || c.insertable();
            w[1] |= c == null || c.updatable();
        }
        for (AssociationMeta a : associations) {
            for (AssociationMeta.JoinColumn c : a.joinColumns()) {
                boolean[] w = writes.computeIfAbsent(c.storedName(), n -> new boolean[2]);
                w[0] |= c.insertable();
                w[1] |= c.updatable();
            }
        }
        java.util.Set<String> inserted = new java.util.HashSet<>();
        java.util.Set<String> updated = new java.util.HashSet<>();
        writes.forEach((name, w) -> {
            if (!w[0]) {
                inserted.add(name);
            }
            if (!w[1]) {
                updated.add(name);
            }
        });
        this.notInserted = java.util.Set.copyOf(inserted);
        this.notUpdated = java.util.Set.copyOf(updated);
    }

    /** The item a persist writes: without the attributes no mapping inserts ({@code insertable = false}). */
    public Map<String, AttributeValue> inserted(Map<String, AttributeValue> item) {
        for (String name : notInserted) {
            item.remove(name);
        }
        return item;
    }

    /**
     * The snapshot of an entity once its item is inserted: the item, and the values of the attributes a persist does not
     * write but a change does ({@code insertable = false, updatable = true}) as the entity holds them, so that only a
     * later change of them is written (as JPA providers compare with the state at the insert).
     */
    public Map<String, AttributeValue> afterInsert(Map<String, AttributeValue> inserted, Object entity) {
        if (notInserted.isEmpty() || notUpdated.containsAll(notInserted)) {
            return inserted;
        }
        Map<String, AttributeValue> item = toItem(entity);
        Map<String, AttributeValue> snapshot = new HashMap<>(inserted);
        for (String name : notInserted) {
            if (!notUpdated.contains(name) && item.containsKey(name)) {
                snapshot.put(name, item.get(name));
            }
        }
        return snapshot;
    }

    /**
     * The item a change writes: the attributes no mapping updates ({@code updatable = false}) keep their stored
     * values (or stay absent), whatever the entity now holds.
     */
    public Map<String, AttributeValue> updated(Map<String, AttributeValue> item, Map<String, AttributeValue> stored) {
        for (String name : notUpdated) {
            AttributeValue v = stored.get(name);
            if (v == null) {
                item.remove(name);
            } else {
                item.put(name, v);
            }
        }
        return item;
    }

    void addForeignKeyIndex(IndexMeta index) {
        foreignKeyIndexes.add(index);
    }

    /** The relationship attributes, in declaration order. */
    public List<AssociationMeta> associations() {
        return associations;
    }

    /** The relationship attribute of that Java name, or {@code null}. */
    public AssociationMeta association(String javaName) {
        for (AssociationMeta a : associations) {
            if (a.name().equals(javaName)) {
                return a;
            }
        }
        return null;
    }

    /**
     * The global secondary indexes over foreign-key attributes that inverse ({@code mappedBy}) sides load this
     * table's items by, named {@code fk_<foreign-key attribute>}; created, validated and added by schema
     * generation beside the declared {@link #indexes()}. Only on the root of a hierarchy (the table's entity).
     */
    public List<IndexMeta> foreignKeyIndexes() {
        return java.util.Collections.unmodifiableList(foreignKeyIndexes); // read per write: no copy
    }

    /**
     * An entity's place in a hierarchy: the root (whose table every entity of a SINGLE_TABLE hierarchy
     * shares, and whose name keys the identity map and cache of every strategy), the entity supertype, and
     * the discriminator attribute that names each item's class.
     */
    static final class Hierarchy {
        private final EntityMeta root;
        private final EntityMeta parent;
        private final String column;
        private final AttributeValue value;
        /** Every concrete entity of the hierarchy by its discriminator value; shared by all of them. */
        private final Map<AttributeValue, EntityMeta> byValue;
        /** TABLE_PER_CLASS: every concrete entity has its own table. */
        private final boolean perClass;

        Hierarchy(EntityMeta root, EntityMeta parent, String column, AttributeValue value,
                  Map<AttributeValue, EntityMeta> byValue, boolean perClass) {
            this.root = root;
            this.parent = parent;
            this.column = column;
            this.value = value;
            this.byValue = byValue;
            this.perClass = perClass;
        }
    }

    /** Whether the entity's hierarchy is TABLE_PER_CLASS: each concrete entity is stored in a table of its own. */
    public boolean tablePerClass() {
        return hierarchy != null && hierarchy.perClass;
    }

    /**
     * The entities whose tables may hold an instance of this one: itself (whose table is its root's) outside
     * TABLE_PER_CLASS; there, every concrete entity among itself and its subclasses, each with its own table.
     */
    public List<EntityMeta> tables() {
        List<EntityMeta> t = tables;
        if (t == null) {
            // Computed on first use: the whole hierarchy is linked by then, and never changes after.
            t = !tablePerClass() ? List.of(this) : hierarchy.byValue.values().stream().filter(this::isSameOrSuperOf).toList();
            tables = t;
        }
        return t;
    }

    /**
     * An item read from this entity's own table under TABLE_PER_CLASS, given this entity's discriminator if it
     * has none (written by another program): the table says its class. Any other item is returned as it is.
     */
    public Map<String, AttributeValue> fromOwnTable(Map<String, AttributeValue> item) {
        if (item == null || !tablePerClass() || hierarchy.value == null || item.containsKey(hierarchy.column)) {
            return item;
        }
        Map<String, AttributeValue> typed = new LinkedHashMap<>(item);
        typed.put(hierarchy.column, hierarchy.value);
        return typed;
    }

    /** Whether a table is made for this entity: outside a hierarchy, its root, or a concrete TABLE_PER_CLASS entity. */
    public boolean ownsTable() {
        if (hierarchy == null) {
            return true;
        }
        return hierarchy.perClass ? constructor != null : hierarchy.root == this;
    }

    void hierarchy(Hierarchy h) {
        this.hierarchy = h;
    }

    /** The root of the entity's hierarchy: the entity whose table and keys it shares; itself when it has none. */
    public EntityMeta root() {
        return hierarchy == null ? this : hierarchy.root;
    }

    /** The entity superclass, or {@code null}. */
    public EntityMeta parent() {
        return hierarchy == null ? null : hierarchy.parent;
    }

    /** The stored name of the discriminator attribute, or {@code null} outside an entity hierarchy. */
    public String discriminatorColumn() {
        return hierarchy == null ? null : hierarchy.column;
    }

    /** The discriminator value of this entity's items, or {@code null} (no hierarchy, or an abstract entity). */
    public AttributeValue discriminatorValue() {
        return hierarchy == null ? null : hierarchy.value;
    }

    /** How the hierarchy's discriminator values are stored, as queries see them; {@code null} outside a hierarchy. */
    public io.jynamo.jpql.ValueKind discriminatorValueKind() {
        if (hierarchy == null) {
            return null;
        }
        boolean number = hierarchy.byValue.keySet().stream().anyMatch(v -> v.n() != null);
        return number ? io.jynamo.jpql.ValueKind.NUMBER : io.jynamo.jpql.ValueKind.STRING;
    }

    /** Whether concrete entities extend this one (then a key alone does not say which class its item is). */
    public boolean hasEntitySubclasses() {
        return hierarchy != null && hierarchy.byValue.values().stream().anyMatch(e -> e != this && isSameOrSuperOf(e));
    }

    /** Whether this entity is {@code other} or one of its entity superclasses. */
    public boolean isSameOrSuperOf(EntityMeta other) {
        for (EntityMeta e = other; e != null; e = e.parent()) {
            if (e == this) {
                return true;
            }
        }
        return false;
    }

    /**
     * The discriminator values of this entity and its entity subclasses, which a query over it must
     * filter on; {@code null} when it needs no filter (no hierarchy, the root, which holds them all, or
     * TABLE_PER_CLASS, where {@link #tables()} are read).
     */
    public List<AttributeValue> discriminatorValues() {
        // TABLE_PER_CLASS: the tables read hold only the entity's own classes.
        if (hierarchy == null || hierarchy.parent == null || hierarchy.perClass) {
            return null;
        }
        return hierarchy.byValue.entrySet().stream().filter(e -> isSameOrSuperOf(e.getValue()))
                .map(Map.Entry::getKey).toList();
    }

    /**
     * The entity an item is an instance of: the one its discriminator names, this one outside a hierarchy.
     *
     * @throws PersistenceException if the item's discriminator names no entity of the hierarchy
     */
    public EntityMeta concrete(Map<String, AttributeValue> item) {
        if (hierarchy == null) {
            return this;
        }
        AttributeValue v = item.get(hierarchy.column);
        EntityMeta e = v == null ? null : hierarchy.byValue.get(v);
        if (e == null) {
            throw new PersistenceException("Item " + describe(item) + " of table " + tableName + " has the discriminator "
                    + hierarchy.column + "=" + (v == null ? "(missing)" : plain(v)) + ", which names no concrete entity of the "
                    + "hierarchy of " + root().name() + " (its values are " + hierarchy.byValue.keySet().stream()
                    .map(EntityMeta::plain).toList() + "); write the item through Jynamo or set its " + hierarchy.column);
        }
        return e;
    }

    /** Whether an item is an instance of this entity (or of an entity subclass of it). */
    public boolean accepts(Map<String, AttributeValue> item) {
        return hierarchy == null || isSameOrSuperOf(concrete(item));
    }

    public Class<?> javaClass() {
        return javaClass;
    }

    public String name() {
        return name;
    }

    public String tableName() {
        return tableName;
    }

    public AttributeMeta partitionKey() {
        return partitionKey;
    }

    /** The sort key, or {@code null}. */
    public AttributeMeta sortKey() {
        return sortKey;
    }

    public IdKind idKind() {
        return idKind;
    }

    /** The type {@code find} takes as primary key. */
    public Class<?> idType() {
        return idType;
    }

    /** The {@code @EmbeddedId} attribute, or {@code null}. */
    public AttributeMeta embeddedId() {
        return embeddedId;
    }

    /**
     * The primary key's attributes as the model declares them, partition key first: one, two, or for a key of
     * three or more the partition key and the parts its {@linkplain #sortKey() sort key} is joined from (a
     * {@code CompositeKey}, stored as a string no query can name; the parts are stored on their own as well).
     */
    public List<AttributeMeta> keyParts() {
        return keyParts;
    }

    /** Whether the sort key is joined from several key attributes (a key of three or more). */
    public boolean compositeSortKey() {
        return keyParts.size() > 2;
    }

    /** Every stored attribute, keys first. */
    public List<AttributeMeta> attributes() {
        return attributes;
    }

    /** The attribute of that Java name, or {@code null}. */
    public AttributeMeta attribute(String javaName) {
        return byName.get(javaName);
    }

    /** The {@code @Version} attribute, or {@code null}. */
    public AttributeMeta version() {
        return version;
    }

    public List<IndexMeta> indexes() {
        return indexes;
    }

    /** Provisioned capacity, or {@code null} for on-demand. */
    public Capacity capacity() {
        return capacity;
    }

    /** The generator of a numeric {@code @GeneratedValue} id, or {@code null}. */
    public IdGeneratorMeta idGenerator() {
        return idGenerator;
    }

    /**
     * Whether persist or merge must have the entity's id generated: it is a generated id ({@code UUID} or
     * numeric) and unset, which for a primitive {@code int}/{@code long} id means 0.
     */
    public boolean idToGenerate(Object entity) {
        if (idGenerator == null && partitionKey.role() != AttributeMeta.Role.GENERATED_UUID) {
            return false;
        }
        Object id = partitionKey.accessor().get(entity);
        return id == null || partitionKey.javaType().isPrimitive() && ((Number) id).longValue() == 0;
    }

    /** The {@code @TimeToLive} attribute, or {@code null}. */
    public AttributeMeta timeToLive() {
        return timeToLive;
    }

    /** Whether the entity says {@code @Cacheable} (or {@code @Cacheable(true)}): cached under ENABLE_SELECTIVE. */
    public boolean cacheable() {
        return cacheable;
    }

    /** Whether the entity says {@code @Cacheable(false)}: not cached under DISABLE_SELECTIVE. */
    public boolean uncacheable() {
        return uncacheable;
    }

    /** Whether any lifecycle callback of that type is declared for the entity. */
    public boolean hasCallbacks(Class<? extends Annotation> type) {
        return callbacks.has(type);
    }

    /** Runs the lifecycle callbacks of that type on an entity. */
    public void fire(Class<? extends Annotation> type, Object entity) {
        callbacks.fire(type, entity);
    }

    /** A new, empty instance of the entity class (not a proxy). */
    public Object newInstance() {
        if (constructor == null) {
            throw new PersistenceException("Entity " + javaClass.getName() + " is abstract; only its concrete entity "
                    + "subclasses have instances");
        }
        try {
            return constructor.invoke();
        } catch (Throwable e) {
            throw new PersistenceException("Cannot instantiate entity " + javaClass.getName()
                    + " through its no-argument constructor", e);
        }
    }

    /** The whole item of an entity: every non-null attribute. */
    public Map<String, AttributeValue> toItem(Object entity) {
        return toItem(entity, null);
    }

    /**
     * {@link #toItem(Object)}, its plain String values taken from {@code known} (the entity's key, or its item as
     * stored) where the entity still holds them: a flush writes a managed entity's key and unchanged text without
     * making them again.
     */
    public Map<String, AttributeValue> toItem(Object entity, Map<String, AttributeValue> known) {
        // A HashMap: the order of an item's attributes means nothing to DynamoDB, and a LinkedHashMap costs ~10 ns more an entity.
        Map<String, AttributeValue> item = new HashMap<>();
        try {
            code().write(entity, item, known);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            // A checked exception a getter declares: the generated code calls getters as they are.
            throw new PersistenceException("Reading an attribute of entity " + name + " failed: " + e, e);
        }
        for (AssociationMeta a : associations) {
            if (a.owningToOne()) {
                a.writeForeignKey(entity, item);
            }
        }
        if (hierarchy != null) {
            item.put(hierarchy.column, hierarchy.value);
        }
        return item;
    }

    /**
     * Sets every attribute of an entity from an item.
     *
     * @throws UnreadableValueException (a PersistenceException) naming table, key, attribute, stored and
     *                                  expected type, if a stored value does not fit its attribute
     */
    public void load(Object entity, Map<String, AttributeValue> item) {
        try {
            code().load(entity, item);
        } catch (UnreadableValueException e) {
            throw (e.attribute() != null ? e : unreadablePlainAttribute(item, e)).at(tableName, describe(item));
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            // A checked exception a setter declares: the generated code calls setters as they are.
            throw new PersistenceException("Setting an attribute of entity " + name + " failed: " + e, e);
        }
    }

    /**
     * The failure named after its attribute, when the generated code could not read a String or primitive: found
     * by converting those values again, without setting anything.
     */
    private UnreadableValueException unreadablePlainAttribute(Map<String, AttributeValue> item, UnreadableValueException e) {
        for (AttributeMeta a : attributes) {
            if (ItemCode.converts(a)) {
                try {
                    a.valueOf(item.get(a.storedName()));
                } catch (UnreadableValueException named) {
                    return named;
                }
            }
        }
        return e;
    }

    /**
     * The generated code of the attributes (or, where no class can be defined, the same done attribute by attribute),
     * made at the first use; a race makes it twice, harmlessly.
     */
    private ItemCode code() {
        ItemCode c = code;
        if (c == null) {
            ItemCode made = ItemCode.of(attributes);
            code = c = made != null ? made : new ItemCode() {
                @Override
                public void load(Object entity, Map<String, AttributeValue> item) {
                    readEach(entity, item);
                }

                @Override
                public void write(Object entity, Map<String, AttributeValue> item, Map<String, AttributeValue> known) {
                    writeEach(entity, item);
                }
            };
        }
        return c;
    }

    private void writeEach(Object entity, Map<String, AttributeValue> item) {
        for (AttributeMeta a : attributes) {
            AttributeValue v = a.write(entity);
            if (v != null) {
                item.put(a.storedName(), v);
            }
        }
    }

    private void readEach(Object entity, Map<String, AttributeValue> item) {
        for (AttributeMeta a : attributes) {
            a.read(entity, item.get(a.storedName()));
        }
    }

    /** The primary key of an entity as DynamoDB key attributes, or {@code null} while a key attribute is null. */
    public Map<String, AttributeValue> keyIfSet(Object entity) {
        return key(entity, false);
    }

    /** The primary key of an entity as DynamoDB key attributes. */
    public Map<String, AttributeValue> keyOf(Object entity) {
        return key(entity, true);
    }

    private Map<String, AttributeValue> key(Object entity, boolean required) {
        AttributeValue pk = partitionKey.write(entity);
        if (pk == null) {
            if (!required) {
                return null;
            }
            throw new IllegalArgumentException("Entity " + name + " has a null partition key '" + partitionKey.name()
                    + "'; set it (or use @GeneratedValue) before persisting");
        }
        if (sortKey == null) {
            return Map.of(partitionKey.storedName(), pk);
        }
        AttributeValue sk = sortKey.write(entity);
        if (sk == null) {
            if (!required) {
                return null;
            }
            throw new IllegalArgumentException("Entity " + name + " has a null sort key '" + sortKey.name() + "'");
        }
        return Map.of(partitionKey.storedName(), pk, sortKey.storedName(), sk);
    }

    /**
     * The entity's key as one value, as a link table stores it: the partition key's value, or for a key with a sort
     * key both joined as a key of three or more is ({@code Ada#Lovelace}, see {@code CompositeKey}); {@code null}
     * while a key attribute is missing.
     */
    public AttributeValue linkValue(Map<String, AttributeValue> keyOrItem) {
        AttributeValue pk = keyOrItem.get(partitionKey.storedName());
        if (sortKey == null || pk == null) {
            return pk;
        }
        AttributeValue sk = keyOrItem.get(sortKey.storedName());
        return sk == null ? null : AttributeValue.fromS(CompositeKey.join(List.of(pk, sk), false));
    }

    /** The key a {@link #linkValue} stands for. */
    public Map<String, AttributeValue> keyOfLinkValue(AttributeValue value) {
        if (sortKey == null) {
            return Map.of(partitionKey.storedName(), value);
        }
        List<AttributeValue> parts = CompositeKey.split(value.s(), List.of(partitionKey.kind(), sortKey.kind()),
                "a link to " + name);
        return Map.of(partitionKey.storedName(), parts.get(0), sortKey.storedName(), parts.get(1));
    }

    /** Only the key attributes of an item. */
    public Map<String, AttributeValue> keyOfItem(Map<String, AttributeValue> item) {
        return sortKey == null
                ? Map.of(partitionKey.storedName(), item.get(partitionKey.storedName()))
                : Map.of(partitionKey.storedName(), item.get(partitionKey.storedName()),
                sortKey.storedName(), item.get(sortKey.storedName()));
    }

    /**
     * The DynamoDB key of a primary key object as {@code find} takes it.
     *
     * @throws IllegalArgumentException if the object is null or not of the entity's id type
     */
    public Map<String, AttributeValue> keyOfId(Object id) {
        if (id == null) {
            throw new IllegalArgumentException("The primary key of " + name + " must not be null");
        }
        if (!Types.box(idType).isInstance(id)) {
            throw new IllegalArgumentException("The primary key of " + name + " is a " + idType.getName()
                    + ", not a " + id.getClass().getName() + " (" + id + ")");
        }
        return idMapper.key(id);
    }

    /** The primary key object ({@code find}'s argument) of an entity. */
    public Object idOf(Object entity) {
        return idMapper.idOf(entity);
    }

    /** The primary key object of a stored key. */
    public Object idOfKey(Map<String, AttributeValue> key) {
        return idMapper.idOfKey(key);
    }

    /** Sets the primary key attributes of an entity from a primary key object. */
    public void setId(Object entity, Object id) {
        idMapper.setId(entity, id);
    }

    /** A key as people read it: {@code User{email=a@b.c}}. */
    public String describe(Map<String, AttributeValue> key) {
        StringBuilder sb = new StringBuilder(name).append('{');
        sb.append(partitionKey.name()).append('=').append(plain(key.get(partitionKey.storedName())));
        AttributeValue sk = sortKey == null ? null : key.get(sortKey.storedName());
        if (compositeSortKey() && sk != null && sk.s() != null) {
            // A key of three or more reads as its parts: Stop{route=r1, day=2, stop=Station}.
            List<AttributeMeta> parts = keyParts.subList(1, keyParts.size());
            Object[] values = sortKey.accessor().composite().values(sk.s());
            for (int i = 0; i < values.length; i++) {
                sb.append(", ").append(parts.get(i).name()).append('=').append(values[i]);
            }
        } else if (sortKey != null) {
            sb.append(", ").append(sortKey.name()).append('=').append(plain(sk));
        }
        return sb.append('}').toString();
    }

    private static String plain(AttributeValue v) {
        if (v == null) {
            return "null";
        }
        return v.s() != null ? v.s() : v.n() != null ? v.n() : v.toString();
    }

    @Override
    public String toString() {
        return "EntityMeta[" + name + " -> " + tableName + "]";
    }

    /** Maps between the id object {@code find} takes and the key attributes. */
    interface IdMapper {
        Map<String, AttributeValue> key(Object id);

        Object idOf(Object entity);

        Object idOfKey(Map<String, AttributeValue> key);

        void setId(Object entity, Object id);
    }
}
