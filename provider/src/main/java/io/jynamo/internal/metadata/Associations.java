package io.jynamo.internal.metadata;

import io.jynamo.internal.metadata.PropertyScanner.Property;
import jakarta.persistence.CascadeType;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinColumns;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MapKey;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.MapKeyJoinColumn;
import jakarta.persistence.MapKeyJoinColumns;
import jakarta.persistence.MapsId;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OneToOne;
import jakarta.persistence.OrderBy;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.PersistenceException;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads relationship annotations into {@link AssociationMeta}s and, once every entity is known, resolves
 * their targets, foreign-key attributes, inverse sides and foreign-key indexes. What Jynamo does not store
 * (yet) is refused here, naming the entity, the attribute and the alternative.
 */
final class Associations {

    /** Prefix of the global secondary indexes schema generation creates for inverse ({@code mappedBy}) sides. */
    static final String INDEX_PREFIX = "fk_";

    private Associations() {
    }

    /** The association of a property, or {@code null} when it carries no relationship annotation. */
    static AssociationMeta read(Property p, String where, CodecResolver codecs) {
        ManyToOne m2o = p.get(ManyToOne.class);
        OneToOne o2o = p.get(OneToOne.class);
        OneToMany o2m = p.get(OneToMany.class);
        ManyToMany m2m = p.get(ManyToMany.class);
        if (m2o == null && o2o == null && o2m == null && m2m == null) {
            return null;
        }
        String at = where + " attribute '" + p.name() + "' (@" + (m2o != null ? "ManyToOne" : o2o != null ? "OneToOne"
                : o2m != null ? "OneToMany" : "ManyToMany") + ")";
        if ((m2o != null ? 1 : 0) + (o2o != null ? 1 : 0) + (o2m != null ? 1 : 0) + (m2m != null ? 1 : 0) > 1) {
            throw new PersistenceException(at + " carries more than one relationship annotation; keep one");
        }
        JoinTable joinTable = p.get(JoinTable.class);
        if (joinTable != null && (m2o != null || o2o != null)) {
            throw refused(at, "@JoinTable on a to-one relationship", "store the key on the owning side with"
                    + " @JoinColumn (the default), which needs no link table");
        }
        boolean toMany = o2m != null || m2m != null;
        boolean map = Map.class.isAssignableFrom(p.type());
        Class<?> collectionType = null;
        Class<?> target;
        if (toMany) {
            Class<?> type = p.type();
            if (type != List.class && type != Set.class && type != Collection.class && type != Map.class) {
                throw new PersistenceException(at + " is a " + type.getName() + "; declare relationship collections as"
                        + " List, Set, Collection or Map");
            }
            collectionType = type;
            target = rawTarget(p, o2m != null ? o2m.targetEntity() : m2m.targetEntity());
        } else {
            Class<?> declared = m2o != null ? m2o.targetEntity() : o2o.targetEntity();
            target = declared == void.class ? p.type() : declared;
        }
        String declaredMappedBy = o2m != null ? o2m.mappedBy() : m2m != null ? m2m.mappedBy() : o2o != null ? o2o.mappedBy() : "";
        String mappedBy = declaredMappedBy.isEmpty() ? null : declaredMappedBy;
        if (mappedBy != null && joinTable != null) {
            throw new PersistenceException(at + " is the inverse side (mappedBy = \"" + mappedBy + "\") and has @JoinTable;"
                    + " the owning side " + target.getSimpleName() + "." + mappedBy + " declares the link table: move it there");
        }
        List<JoinColumn> declared = declared(p);
        if (m2m != null && mappedBy == null && !declared.isEmpty()) {
            throw new PersistenceException(at + " has @JoinColumn, which a @ManyToMany does not take: its links are"
                    + " items of a link table; name its columns with @JoinTable(joinColumns = ..., inverseJoinColumns = ...)");
        }
        if (o2m != null && joinTable != null && !declared.isEmpty()) {
            throw new PersistenceException(at + " has both @JoinTable and @JoinColumn; keep @JoinTable for a link table,"
                    + " or @JoinColumn for a foreign key on the " + target.getSimpleName() + " items");
        }
        if (mappedBy != null && !declared.isEmpty()) {
            throw new PersistenceException(at + " is the inverse side (mappedBy = \"" + mappedBy + "\") and has @JoinColumn;"
                    + " the owning side " + target.getSimpleName() + "." + mappedBy + " stores the key: move @JoinColumn there");
        }
        CascadeType[] cascade = m2o != null ? m2o.cascade() : o2o != null ? o2o.cascade() : o2m != null ? o2m.cascade() : m2m.cascade();
        Set<CascadeType> cascades = EnumSet.noneOf(CascadeType.class);
        for (CascadeType c : cascade) {
            if (c == CascadeType.ALL) {
                cascades.addAll(EnumSet.of(CascadeType.PERSIST, CascadeType.MERGE, CascadeType.REMOVE,
                        CascadeType.REFRESH, CascadeType.DETACH));
            } else {
                cascades.add(c);
            }
        }
        FetchType fetch = m2o != null ? m2o.fetch() : o2o != null ? o2o.fetch() : o2m != null ? o2m.fetch() : m2m.fetch();
        boolean orphanRemoval = o2o != null ? o2o.orphanRemoval() : o2m != null && o2m.orphanRemoval();
        boolean optional = (m2o != null ? m2o.optional() : o2o == null || o2o.optional())
                && declared.stream().allMatch(JoinColumn::nullable);
        AssociationMeta.Kind kind = m2o != null ? AssociationMeta.Kind.MANY_TO_ONE
                : o2o != null ? AssociationMeta.Kind.ONE_TO_ONE : o2m != null ? AssociationMeta.Kind.ONE_TO_MANY
                : AssociationMeta.Kind.MANY_TO_MANY;
        OrderBy orderBy = p.get(OrderBy.class);
        String[] link = null;
        if (toMany && mappedBy == null && declared.isEmpty()) {
            link = new String[] {"", "", ""};
            if (joinTable != null) {
                // A link holds a composite key in one attribute: several join columns name it together (A#B).
                link[0] = joinTable.name();
                link[1] = columnNames(joinTable.joinColumns());
                link[2] = columnNames(joinTable.inverseJoinColumns());
            }
        }
        AssociationMeta result = new AssociationMeta(p.name(), kind, p.type(), collectionType, target, p.accessor(), p.member(),
                mappedBy, fetch, cascades, orphanRemoval, optional, declared, orderBy == null ? null : orderBy.value(), link);
        if (map && toMany) {
            MapKey key = p.get(MapKey.class);
            result.mapKey(key == null ? "" : key.name());
        } else if (map || p.has(MapKey.class)) {
            throw refused(at, "@MapKey or a Map on a to-one relationship", "map a to-one as the target's type");
        }
        beside(p, at, result, codecs);
        MapsId mapsId = p.get(MapsId.class);
        if (mapsId != null || p.has(jakarta.persistence.Id.class)) {
            if (toMany || mappedBy != null) {
                throw new PersistenceException(at + " has " + (mapsId != null ? "@MapsId" : "@Id") + ", which only an"
                        + " owning @ManyToOne or @OneToOne takes (a derived identity); remove it");
            }
            result.derivedKey(mapsId != null ? mapsId.value() : null);
        }
        return result;
    }

    /**
     * What a to-many side stores beside the relationship: a {@code List}'s position ({@code @OrderColumn}) or
     * a {@code Map}'s key ({@code @MapKeyColumn}, {@code @MapKeyJoinColumn}), on the link item of a link-table
     * side or on the child's item of an inverse {@code @OneToMany}. The inverse side of a {@code @ManyToMany}
     * has no items of its own to hold them, so it is refused there.
     */
    private static void beside(Property p, String at, AssociationMeta a, CodecResolver codecs) {
        OrderColumn order = p.get(OrderColumn.class);
        MapKeyColumn keyColumn = p.get(MapKeyColumn.class);
        List<MapKeyJoinColumn> keyJoin = new ArrayList<>(List.of(Annotations.all(p.annotated(), MapKeyJoinColumn.class)));
        MapKeyJoinColumns keyJoins = p.get(MapKeyJoinColumns.class);
        if (keyJoins != null && keyJoin.isEmpty()) {
            keyJoin.addAll(List.of(keyJoins.value()));
        }
        boolean keyed = keyColumn != null || !keyJoin.isEmpty();
        if (order == null && !keyed) {
            return;
        }
        String what = order != null ? "@OrderColumn" : keyColumn != null ? "@MapKeyColumn" : "@MapKeyJoinColumn";
        if (!a.toMany()) {
            throw new PersistenceException(at + " has " + what + ", which only a to-many side (a List for @OrderColumn,"
                    + " a Map for a map key column) takes; remove it");
        }
        if (a.kind() == AssociationMeta.Kind.MANY_TO_MANY && a.mappedBy() != null) {
            throw refused(at, what + " on the inverse (mappedBy) side of a @ManyToMany", "the link items belong to the"
                    + " owning side " + a.targetClass().getSimpleName() + "." + a.mappedBy() + "; put " + what
                    + " there, or use @OrderBy / @MapKey(name) on this side");
        }
        if (order != null) {
            if (a.collectionType() != List.class) {
                throw new PersistenceException(at + " has @OrderColumn but is a " + a.collectionType().getSimpleName()
                        + "; only a List has positions: declare it List");
            }
            if (a.orderBy() != null) {
                throw new PersistenceException(at + " has both @OrderColumn and @OrderBy; keep one (JPA allows only one)");
            }
            a.orderColumn(order.name().isEmpty() ? p.name() + "_ORDER" : order.name());
            return;
        }
        if (a.collectionType() != Map.class) {
            throw new PersistenceException(at + " has " + what + " but is a " + a.collectionType().getSimpleName()
                    + "; a map key column belongs on a Map");
        }
        if (p.has(MapKey.class)) {
            throw new PersistenceException(at + " has both @MapKey and " + what + "; @MapKey keys the map by an attribute of"
                    + " the target, " + what + " by a value stored beside it: keep one");
        }
        if (keyColumn != null && !keyJoin.isEmpty()) {
            throw new PersistenceException(at + " has both @MapKeyColumn and @MapKeyJoinColumn; keep the one its key type"
                    + " needs (@MapKeyJoinColumn for an entity key)");
        }
        if (keyJoin.size() > 1) {
            throw refused(at, "several @MapKeyJoinColumns", "key the map by an entity with a single-attribute key");
        }
        jakarta.persistence.MapKeyClass declaredKey = p.get(jakarta.persistence.MapKeyClass.class);
        Class<?> keyClass = declaredKey != null && declaredKey.value() != void.class ? declaredKey.value() : mapKeyType(p, at);
        if (keyColumn != null) {
            if (Annotations.has(keyClass, jakarta.persistence.Entity.class)) {
                throw new PersistenceException(at + " is keyed by the entity " + keyClass.getSimpleName() + " with"
                        + " @MapKeyColumn; an entity key is stored by its key: use @MapKeyJoinColumn");
            }
            String name = keyColumn.name().isEmpty() ? p.name() + "_KEY" : keyColumn.name();
            a.mapKeyColumn(name, keyClass, codecs.mapKey(keyClass, p, at + " map key"), keyColumn.insertable() || keyColumn.updatable());
        } else {
            MapKeyJoinColumn c = keyJoin.get(0);
            String name = c.name().isEmpty() ? p.name() + "_KEY" : c.name();
            a.mapKeyColumn(name, keyClass, null, c.insertable() || c.updatable());
        }
    }

    /** A map's key type argument ({@code Map<K, V>}). */
    private static Class<?> mapKeyType(Property p, String at) {
        if (p.genericType() instanceof ParameterizedType pt && pt.getActualTypeArguments().length == 2) {
            Type k = pt.getActualTypeArguments()[0];
            if (k instanceof Class<?> c) {
                return c;
            }
            if (k instanceof ParameterizedType inner && inner.getRawType() instanceof Class<?> c) {
                return c;
            }
        }
        throw new PersistenceException(at + " is a raw Map: give its key type (Map<String, Employee>) or @MapKeyClass");
    }

    private static List<JoinColumn> declared(Property p) {
        List<JoinColumn> declared = new ArrayList<>(List.of(Annotations.all(p.annotated(), JoinColumn.class)));
        JoinColumns group = p.get(JoinColumns.class);
        if (group != null && declared.isEmpty()) {
            declared.addAll(List.of(group.value()));
        }
        return declared;
    }

    private static Class<?> rawTarget(Property p, Class<?> declared) {
        if (declared != void.class) {
            return declared;
        }
        Type generic = p.genericType();
        if (generic instanceof ParameterizedType pt && pt.getActualTypeArguments().length >= 1) {
            // a collection's element type, a map's value type
            Type arg = pt.getActualTypeArguments()[pt.getActualTypeArguments().length - 1];
            if (arg instanceof Class<?> c) {
                return c;
            }
            if (arg instanceof ParameterizedType inner && inner.getRawType() instanceof Class<?> c) {
                return c;
            }
        }
        throw new PersistenceException("Attribute '" + p.name() + "' of " + p.member().getDeclaringClass().getName()
                + " is a raw or wildcard collection: give its element type (List<Order>) or targetEntity");
    }

    private static PersistenceException refused(String at, String construct, String alternative) {
        return new PersistenceException(at + " uses " + construct + ", which Jynamo does not map: " + alternative
                + " (see docs/relationships.md)");
    }

    /**
     * Resolves every association of every entity: target entity, foreign-key attributes of owning to-one
     * sides, the owning side of each inverse side, and the foreign-key index each inverse side is loaded by
     * (added to the target's table when no key or declared index already serves).
     */
    static List<EntityMeta> link(Collection<EntityMeta> entities, String tablePrefix) {
        List<EntityMeta> links = new ArrayList<>();
        Map<Class<?>, EntityMeta> byClass = new LinkedHashMap<>();
        entities.forEach(e -> byClass.put(e.javaClass(), e));
        // Owning sides first: inverse sides need their join columns.
        for (EntityMeta e : entities) {
            for (AssociationMeta a : e.associations()) {
                EntityMeta other = target(byClass, e, a);
                if (e.tablePerClass() || other.tablePerClass()) {
                    // Its items would be in several tables: the inverse Query, link items and target reads would
                    // each have to fan out; not built yet.
                    throw refused("Entity " + e.javaClass().getName() + " attribute '" + a.name() + "'",
                            "a relationship of an entity of a TABLE_PER_CLASS hierarchy",
                            "map the hierarchy as InheritanceType.SINGLE_TABLE");
                }
                mapKeyEntity(byClass, e, a);
                if (a.owningToOne()) {
                    EntityMeta target = target(byClass, e, a);
                    a.resolve(e, target, a.derived() ? derivedJoinColumns(e, a, target) : joinColumns("Entity "
                            + e.javaClass().getName() + " attribute '" + a.name() + "'", a.name(), a.declaredJoinColumns, target), null, null);
                } else if (a.toMany() && a.mappedBy() == null && a.declaredJoinTable == null) {
                    EntityMeta target = target(byClass, e, a);
                    AssociationMeta back = AssociationMeta.backReference(a, e);
                    String at = "Entity " + e.javaClass().getName() + " attribute '" + a.name() + "'";
                    back.resolve(target, e, joinColumns(at, a.name(), a.declaredJoinColumns, e), null, null);
                    a.resolve(e, target, List.of(), back, foreignKeyIndex(target, back));
                } else if (a.toMany() && a.mappedBy() == null) {
                    EntityMeta target = target(byClass, e, a);
                    a.resolve(e, target, List.of(), null, null);
                    a.linkTable(linkTable(e, a, target, tablePrefix, links));
                }
            }
            // Whether a stored name is written by an attribute (true) or only read (false): JPA lets a column be mapped
            // twice when at most one mapping writes it (insertable = false, updatable = false on the others).
            Map<String, Boolean> writtenByAttribute = new HashMap<>();
            for (AttributeMeta attribute : e.attributes()) {
                writtenByAttribute.merge(attribute.storedName(), !EntityMeta.readOnly(attribute), Boolean::logicalOr);
            }
            for (AssociationMeta a : e.associations()) {
                if (a.derived()) {
                    continue; // its foreign key is the entity's own key attribute: stored once
                }
                for (AssociationMeta.JoinColumn c : a.joinColumns()) {
                    if (!c.readOnly() && Boolean.TRUE.equals(writtenByAttribute.get(c.storedName()))) {
                        throw new PersistenceException("Entity " + e.javaClass().getName() + " attribute '" + a.name()
                                + "' stores its foreign key as '" + c.storedName() + "', which another attribute of "
                                + e.name() + " also writes; rename one with @JoinColumn(name) or @Column(name), or make"
                                + " one of them read-only (insertable = false, updatable = false)");
                    }
                    writtenByAttribute.merge(c.storedName(), !c.readOnly(), Boolean::logicalOr);
                }
            }
            e.linked();
        }
        for (EntityMeta e : entities) {
            for (AssociationMeta a : e.associations()) {
                String at = "Entity " + e.javaClass().getName() + " attribute '" + a.name() + "'";
                if (a.foreignKeyOnTarget()) {
                    foreignKeyFree(at, a.target(), a.inverse());
                    besideFree(at, a, a.target(), a.inverse());
                    continue;
                }
                if (a.owningToOne() || a.mappedBy() == null) {
                    continue;
                }
                EntityMeta target = target(byClass, e, a);
                AssociationMeta owning = target.association(a.mappedBy());
                if (a.kind() == AssociationMeta.Kind.MANY_TO_MANY) {
                    if (owning == null || owning.kind() != AssociationMeta.Kind.MANY_TO_MANY || owning.mappedBy() != null) {
                        throw new PersistenceException(at + " is a @ManyToMany mappedBy \"" + a.mappedBy() + "\", but "
                                + target.name() + " has no owning @ManyToMany of that name; name the attribute of "
                                + target.name() + " that declares the link table");
                    }
                    a.resolve(e, target, List.of(), owning, null);
                    a.linkTable(owning.linkTable());
                    a.linkTarget(owning.linkTable().partitionKey());
                    continue;
                }
                if (owning == null || !owning.owningToOne()) {
                    throw new PersistenceException(at + " is mappedBy \"" + a.mappedBy() + "\", but " + target.name()
                            + (owning == null ? " has no relationship attribute of that name" : "." + a.mappedBy()
                            + " is not an owning @ManyToOne/@OneToOne") + "; name the attribute of " + target.name()
                            + " that stores the key (known: " + target.associations().stream()
                            .filter(AssociationMeta::owningToOne).map(AssociationMeta::name).toList() + ")");
                }
                if (!owning.target().isSameOrSuperOf(e) && !e.isSameOrSuperOf(owning.target()) && !sameTable(owning.target(), e)) {
                    throw new PersistenceException(at + " is mappedBy \"" + a.mappedBy() + "\", but " + target.name() + "."
                            + a.mappedBy() + " refers to " + owning.target().name() + ", not " + e.name());
                }
                if (a.kind() == AssociationMeta.Kind.ONE_TO_ONE && owning.kind() != AssociationMeta.Kind.ONE_TO_ONE
                        || a.kind() == AssociationMeta.Kind.ONE_TO_MANY && owning.kind() != AssociationMeta.Kind.MANY_TO_ONE) {
                    throw new PersistenceException(at + " is a " + a.kind() + " mappedBy " + target.name() + "."
                            + a.mappedBy() + ", which is a " + owning.kind() + "; pair @OneToMany with @ManyToOne and"
                            + " @OneToOne with @OneToOne");
                }
                a.resolve(e, target, List.of(), owning, foreignKeyIndex(target, owning));
                besideFree(at, a, target, owning);
            }
        }
        for (EntityMeta e : entities) {
            for (AssociationMeta a : e.associations()) {
                if (a.collectionType() == Map.class) {
                    a.mapKey(); // a @MapKey naming no attribute of the target fails here, at bootstrap
                }
            }
        }
        return links;
    }

    /**
     * Refuses a position or map key stored on the children's items under a name the children already use
     * (an attribute of theirs, or the foreign key that names their owner).
     */
    private static void besideFree(String at, AssociationMeta a, EntityMeta target, AssociationMeta owning) {
        String beside = a.besideColumn();
        if (beside == null || !a.besideWritten()) {
            return;
        }
        for (AttributeMeta c : target.attributes()) {
            if (c.storedName().equals(beside)) {
                throw new PersistenceException(at + " stores its " + (a.orderColumn() != null ? "positions"
                        : "map keys") + " as '" + beside + "' on the " + target.name() + " items, which "
                        + target.name() + "." + c.name() + " is stored as; rename one, or make the map key"
                        + " read-only (@MapKeyColumn(insertable = false, updatable = false)) to read that attribute");
            }
        }
        for (AssociationMeta.JoinColumn c : owning.joinColumns()) {
            if (c.storedName().equals(beside)) {
                throw new PersistenceException(at + " stores its positions or keys as '" + beside + "', which is the"
                        + " foreign key of " + (a.foreignKeyOnTarget() ? "this relationship" : target.name() + "."
                        + owning.name()) + "; rename it");
            }
        }
    }

    /**
     * Refuses a unidirectional {@code @OneToMany}'s foreign key that an attribute or relationship of the children
     * also writes: the collection decides it. Mapping it read-only on the child ({@code insertable = false,
     * updatable = false}) is the usual way to read it there, and is allowed.
     */
    private static void foreignKeyFree(String at, EntityMeta child, AssociationMeta back) {
        for (AssociationMeta.JoinColumn fk : back.joinColumns()) {
            for (AttributeMeta c : child.attributes()) {
                if (c.storedName().equals(fk.storedName()) && !EntityMeta.readOnly(c)) {
                    throw writtenTwice(at, fk, child.name() + "." + c.name());
                }
            }
            for (AssociationMeta other : child.associations()) {
                for (AssociationMeta.JoinColumn c : other.joinColumns()) {
                    if (c.storedName().equals(fk.storedName()) && !c.readOnly()) {
                        throw writtenTwice(at, fk, child.name() + "." + other.name());
                    }
                }
            }
        }
    }

    private static PersistenceException writtenTwice(String at, AssociationMeta.JoinColumn fk, String other) {
        return new PersistenceException(at + " stores its owner's key as '" + fk.storedName() + "' on the children's"
                + " items, which " + other + " also writes; the collection decides it: make " + other + " read-only"
                + " (insertable = false, updatable = false), or map the relationship from the child (@ManyToOne) with"
                + " mappedBy here");
    }

    /**
     * The link table of an owning to-many side: JPA's default name {@code <owner table>_<target table>} (or
     * {@code @JoinTable(name)}), with the unit's prefix; partition key the owner's key column
     * ({@code <inverse attribute or owner entity>_<owner key>}), sort key the target's
     * ({@code <attribute>_<target key>}), and the inverted index {@code fk_<target column>}. A composite key is
     * one column, its attributes joined into a string.
     */
    private static EntityMeta linkTable(EntityMeta owner, AssociationMeta a, EntityMeta target, String prefix,
                                        List<EntityMeta> links) {
        String at = "Entity " + owner.javaClass().getName() + " attribute '" + a.name() + "'";
        String inverseName = null;
        for (AssociationMeta other : target.associations()) {
            if (a.name().equals(other.mappedBy()) && other.targetClass().isAssignableFrom(owner.javaClass())) {
                inverseName = other.name();
            }
        }
        String[] declared = a.declaredJoinTable;
        String name = !declared[0].isEmpty() ? declared[0] : bareTable(owner.root(), prefix) + "_" + bareTable(target.root(), prefix);
        String ownerColumn = !declared[1].isEmpty() ? declared[1]
                : (inverseName != null ? inverseName : owner.root().name()) + "_" + linkColumn(owner);
        String targetColumn = !declared[2].isEmpty() ? declared[2] : a.name() + "_" + linkColumn(target);
        if (ownerColumn.equals(targetColumn)) {
            throw new PersistenceException(at + ": link table " + name + " would store both keys as '" + ownerColumn
                    + "'; name them with @JoinTable(joinColumns = @JoinColumn(name = ...), inverseJoinColumns = ...)");
        }
        for (EntityMeta existing : links) {
            if (existing.tableName().equals(prefix + name)) {
                throw new PersistenceException(at + ": link table " + name + " is already used by another relationship;"
                        + " name one with @JoinTable(name = ...)");
            }
        }
        Accessor ownerField;
        Accessor targetField;
        try {
            ownerField = Accessor.field(LinkItem.class.getDeclaredField("owner"));
            targetField = Accessor.field(LinkItem.class.getDeclaredField("target"));
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException(e);
        }
        // An entity with a composite key is linked by its key joined into one string (EntityMeta.linkValue).
        AttributeMeta pk = new AttributeMeta("owner", ownerColumn, linkType(owner), null, ownerField, linkCodec(owner),
                null, a.member(), AttributeMeta.Role.PARTITION_KEY);
        String beside = a.besideColumn();
        AttributeMeta targetAttribute = new AttributeMeta("target", targetColumn, linkType(target), null, targetField,
                linkCodec(target), null, a.member(), beside == null ? AttributeMeta.Role.SORT_KEY : AttributeMeta.Role.BASIC);
        AttributeMeta sk = targetAttribute;
        List<AttributeMeta> attributes = List.of(pk, targetAttribute);
        if (beside != null) {
            // An ordered list's link item is (owner, position) and a keyed map's (owner, key), as the primary key
            // of JPA's join table is: a list may hold a target twice, a map may hold it under two keys.
            if (beside.equals(ownerColumn) || beside.equals(targetColumn)) {
                throw new PersistenceException(at + ": link table " + name + " would store the " + (a.orderColumn() != null
                        ? "position" : "map key") + " as '" + beside + "', which is also a key column; rename one");
            }
            Accessor sortField;
            try {
                sortField = Accessor.field(LinkItem.class.getDeclaredField("sort"));
            } catch (NoSuchFieldException e) {
                throw new IllegalStateException(e);
            }
            io.jynamo.internal.convert.Codec codec = a.besideCodec();
            Class<?> type = a.orderColumn() != null ? Integer.class
                    : a.mapKeyEntity() != null ? a.mapKeyEntity().partitionKey().javaType() : a.mapKeyJavaType();
            sk = new AttributeMeta("sort", beside, type, null, sortField, codec, null, a.member(), AttributeMeta.Role.SORT_KEY);
            attributes = List.of(pk, sk, targetAttribute);
        }
        a.linkTarget(targetAttribute);
        IndexMeta inverted = new IndexMeta(INDEX_PREFIX + targetColumn.replaceAll("[^a-zA-Z0-9_.-]", "_"), targetAttribute, pk, true);
        EntityMeta link = new EntityMeta(LinkItem.class, "link table " + name, prefix + name, null, pk, sk,
                EntityMeta.IdKind.SIMPLE, Object.class, null, null, List.of(pk, sk), attributes, List.of(inverted),
                owner.root().capacity(), null, Callbacks.of(LinkItem.class), false, false, null);
        links.add(link);
        return link;
    }

    /** The entity a {@code @MapKeyJoinColumn} map is keyed by: an entity of the unit with a single-attribute key. */
    private static void mapKeyEntity(Map<Class<?>, EntityMeta> byClass, EntityMeta owner, AssociationMeta a) {
        if (a.mapKeyColumn() == null || a.besideCodecDeclared()) {
            return;
        }
        String at = "Entity " + owner.javaClass().getName() + " attribute '" + a.name() + "'";
        EntityMeta key = byClass.get(a.mapKeyJavaType());
        if (key == null) {
            throw new PersistenceException(at + " has @MapKeyJoinColumn, but its key type " + a.mapKeyJavaType().getName()
                    + " is not an entity of the persistence unit; use @MapKeyColumn for a basic key, or list the entity");
        }
        if (key.root().sortKey() != null) {
            throw refused(at, "a @MapKeyJoinColumn map keyed by an entity with a composite key",
                    "key the map by an entity with a single-attribute key, or by a basic value with @MapKeyColumn");
        }
        a.mapKeyEntity(key);
    }

    /**
     * Whether two entities are mapped to one table with the same key (as the TCK's mapkeycolumn model maps two
     * department classes): a foreign key to one is a key of the other's items too.
     */
    private static boolean sameTable(EntityMeta a, EntityMeta b) {
        return a.root().tableName().equals(b.root().tableName())
                && a.root().partitionKey().storedName().equals(b.root().partitionKey().storedName())
                && (a.root().sortKey() == null) == (b.root().sortKey() == null)
                && (a.root().sortKey() == null || a.root().sortKey().storedName().equals(b.root().sortKey().storedName()));
    }

    private static String columnNames(JoinColumn[] columns) {
        List<String> names = java.util.Arrays.stream(columns).map(JoinColumn::name).toList();
        return names.contains("") ? "" : String.join("#", names);
    }

    /** The name of an entity's key in a link's default column names: its key attributes' stored names joined. */
    private static String linkColumn(EntityMeta e) {
        AttributeMeta sk = e.root().sortKey();
        return e.root().partitionKey().storedName() + (sk == null ? "" : "#" + sk.storedName());
    }

    /** The type of an entity's key as a link holds it ({@link EntityMeta#linkValue}). */
    private static Class<?> linkType(EntityMeta e) {
        return e.root().sortKey() == null ? e.root().partitionKey().javaType() : String.class;
    }

    private static io.jynamo.internal.convert.Codec linkCodec(EntityMeta e) {
        return e.root().sortKey() == null ? e.root().partitionKey().codec()
                : io.jynamo.internal.convert.Codecs.basic(String.class);
    }

    /** An entity's table name without the unit's prefix, as JPA's default join table name uses it. */
    private static String bareTable(EntityMeta e, String prefix) {
        return e.tableName().startsWith(prefix) ? e.tableName().substring(prefix.length()) : e.tableName();
    }

    private static EntityMeta target(Map<Class<?>, EntityMeta> byClass, EntityMeta owner, AssociationMeta a) {
        EntityMeta target = byClass.get(a.targetClass());
        if (target == null) {
            throw new PersistenceException("Entity " + owner.javaClass().getName() + " attribute '" + a.name()
                    + "' refers to " + a.targetClass().getName() + ", which is not an entity of the persistence unit;"
                    + " annotate it @Entity and list it (or give targetEntity)");
        }
        return target;
    }

    /**
     * The foreign key of a derived identity: the entity's own key attribute that holds the target's key, so
     * that it is stored once. {@code @MapsId} names it ({@code ""}: the whole, simple id; {@code "x"}: the
     * part {@code x} of an {@code @EmbeddedId}); {@code @Id} on the relationship makes the relationship that
     * key attribute. The target needs a single-attribute key of the same type.
     */
    private static List<AssociationMeta.JoinColumn> derivedJoinColumns(EntityMeta owner, AssociationMeta a, EntityMeta target) {
        String at = "Entity " + owner.javaClass().getName() + " attribute '" + a.name() + "'";
        String construct = a.mapsIdName() == null ? "@Id" : "@MapsId";
        if (target.root().sortKey() != null && "".equals(a.mapsIdName()) && owner.sortKey() != null) {
            // @MapsId on the whole composite id: the child's partition and sort key are the parent's.
            List<AttributeMeta> mine = List.of(owner.partitionKey(), owner.sortKey());
            List<AttributeMeta> theirs = List.of(target.partitionKey(), target.sortKey());
            if (!owner.partitionKey().name().equals(target.partitionKey().name())
                    && owner.partitionKey().name().equals(target.sortKey().name())) {
                mine = List.of(owner.sortKey(), owner.partitionKey());
            }
            List<AssociationMeta.JoinColumn> result = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                if (Types.box(mine.get(i).javaType()) != Types.box(theirs.get(i).javaType())) {
                    throw new PersistenceException(at + " derives " + owner.name() + "'s key attribute '" + mine.get(i).name()
                            + "' from " + target.name() + "'s '" + theirs.get(i).name() + "', which is a "
                            + theirs.get(i).javaType().getName() + "; declare them alike (the same @EmbeddedId class)");
                }
                result.add(new AssociationMeta.JoinColumn(mine.get(i).storedName(), theirs.get(i), true, true));
            }
            a.derivedKeyAttributes(mine);
            return result;
        }
        // The key attributes holding a composite parent key: named <relationship or @MapsId part>.<parent key attribute>.
        String prefix = (a.mapsIdName() == null ? a.name() : a.mapsIdName()) + ".";
        List<AttributeMeta> parts = owner.keyParts().stream().filter(k -> k.name().startsWith(prefix)).toList();
        if (!parts.isEmpty()) {
            return compositeDerivedJoinColumns(at, owner, a, target, parts, prefix);
        }
        if (target.root().sortKey() != null) {
            throw refused(at, "a derived identity (" + construct + ") from " + target.name() + ", whose key is composite",
                    "map the part of the key it fills as " + target.name() + "'s id class or @EmbeddedId (an @Id"
                    + " relationship does that), or @MapsId on the whole @EmbeddedId; or give the child a key of its own"
                    + " and keep the relationship as an ordinary foreign key");
        }
        AttributeMeta key;
        if (a.mapsIdName() == null) {
            key = keyPart(owner, a.name());
        } else if (a.mapsIdName().isEmpty()) {
            if (owner.sortKey() != null) {
                throw refused(at, "@MapsId without a name on an entity with a composite key", "name the part of the"
                        + " @EmbeddedId it maps: @MapsId(\"...\")");
            }
            key = owner.partitionKey();
        } else {
            key = owner.idKind() != EntityMeta.IdKind.EMBEDDED_ID ? null : keyPart(owner, a.mapsIdName());
            if (key == null) {
                throw new PersistenceException(at + " has @MapsId(\"" + a.mapsIdName() + "\"), which names no attribute of "
                        + owner.name() + "'s @EmbeddedId; name the attribute that holds " + target.name() + "'s key");
            }
        }
        if (key == null) {
            throw new IllegalStateException(at + ": its derived key attribute is missing");
        }
        if (Types.box(key.javaType()) != Types.box(target.partitionKey().javaType())) {
            throw new PersistenceException(at + " derives " + owner.name() + "'s key attribute '" + key.name() + "' ("
                    + key.javaType().getName() + ") from " + target.name() + "'s key '" + target.partitionKey().name()
                    + "' (" + target.partitionKey().javaType().getName() + "); declare it with the same type");
        }
        a.derivedKeyAttributes(List.of(key));
        return List.of(new AssociationMeta.JoinColumn(key.storedName(), target.partitionKey(), true, true));
    }

    private static AttributeMeta keyPart(EntityMeta owner, String name) {
        return owner.keyParts().stream().filter(k -> k.name().equals(name)).findFirst().orElse(null);
    }

    /**
     * The foreign key of a derived identity from a parent with a composite key: the entity's key attributes named
     * {@code <prefix><parent key attribute>}, each holding that attribute of the parent's key.
     */
    private static List<AssociationMeta.JoinColumn> compositeDerivedJoinColumns(String at, EntityMeta owner,
            AssociationMeta a, EntityMeta target, List<AttributeMeta> parts, String prefix) {
        if (target.root().compositeSortKey()) {
            throw refused(at, "a derived identity from " + target.name() + ", whose key has "
                    + target.root().keyParts().size() + " attributes", "a foreign key holds a key of at most two");
        }
        List<AssociationMeta.JoinColumn> result = new ArrayList<>();
        for (AttributeMeta mine : parts) {
            String name = mine.name().substring(prefix.length());
            AttributeMeta theirs = keyPart(target.root(), name);
            if (theirs == null || parts.size() != target.root().keyParts().size()) {
                throw new PersistenceException(at + " derives " + owner.name() + "'s key attributes "
                        + parts.stream().map(AttributeMeta::name).toList() + " from " + target.name() + "'s key "
                        + target.root().keyParts().stream().map(AttributeMeta::name).toList() + "; name them alike");
            }
            if (Types.box(mine.javaType()) != Types.box(theirs.javaType())) {
                throw new PersistenceException(at + " derives " + owner.name() + "'s key attribute '" + mine.name()
                        + "' from " + target.name() + "'s '" + theirs.name() + "', which is a " + theirs.javaType().getName()
                        + "; declare them alike");
            }
            result.add(new AssociationMeta.JoinColumn(mine.storedName(), theirs, true, true));
        }
        a.derivedKeyAttributes(parts);
        return result;
    }

    /**
     * The foreign-key attributes that hold {@code target}'s key: declared ones matched to its key attributes, or
     * JPA's defaults ({@code <prefix>_<key attribute>}, the prefix being the relationship's name). An owning to-one
     * side stores them on its own items, a unidirectional {@code @OneToMany} on its targets' items.
     */
    private static List<AssociationMeta.JoinColumn> joinColumns(String at, String prefix, List<JoinColumn> declared,
                                                                EntityMeta target) {
        List<AttributeMeta> keys = new ArrayList<>();
        keys.add(target.partitionKey());
        if (target.sortKey() != null) {
            keys.add(target.sortKey());
        }
        List<AssociationMeta.JoinColumn> result = new ArrayList<>();
        if (declared.isEmpty()) {
            for (AttributeMeta k : keys) {
                result.add(new AssociationMeta.JoinColumn(prefix + "_" + k.storedName(), k, true, true));
            }
            return result;
        }
        if (target.compositeSortKey() && declared.size() == target.keyParts().size()) {
            return keyOfThreeColumns(at, declared, target);
        }
        if (declared.size() != keys.size()) {
            throw new PersistenceException(at + " declares " + declared.size() + " join column(s) but the key of "
                    + target.name() + " has " + keys.size() + " attribute(s) " + keys.stream().map(AttributeMeta::storedName).toList()
                    + "; declare one @JoinColumn per key attribute, or none");
        }
        int i = 0;
        for (JoinColumn c : declared) {
            AttributeMeta key = keys.get(i++);
            String referenced = c.referencedColumnName();
            if (!referenced.isEmpty()) {
                // SQL column names are case-insensitive, and models written for SQL say "ID" for an attribute id.
                key = keys.stream().filter(k -> k.storedName().equalsIgnoreCase(referenced) || k.name().equalsIgnoreCase(referenced))
                        .findFirst().orElseThrow(() -> new PersistenceException(at + " @JoinColumn(referencedColumnName = \""
                                + referenced + "\") names no key attribute of " + target.name() + " (its key: "
                                + keys.stream().map(AttributeMeta::storedName).toList() + "); Jynamo stores the target's key"));
            }
            String name = c.name().isEmpty() ? prefix + "_" + key.storedName() : c.name();
            result.add(new AssociationMeta.JoinColumn(name, key, c.insertable(), c.updatable()));
        }
        return result;
    }

    /**
     * One join column per attribute of a key of three or more (as a model written for SQL declares them): the
     * reference holds the target's key as it is stored, its partition key under the column naming it and its
     * joined sort key under the other columns' names joined ({@code D#S}), in the key's order.
     */
    private static List<AssociationMeta.JoinColumn> keyOfThreeColumns(String at, List<JoinColumn> declared,
                                                                      EntityMeta target) {
        JoinColumn[] byPart = new JoinColumn[target.keyParts().size()];
        int i = 0;
        for (JoinColumn c : declared) {
            int part = i++;
            if (!c.referencedColumnName().isEmpty()) {
                part = -1;
                for (int k = 0; k < byPart.length; k++) {
                    AttributeMeta key = target.keyParts().get(k);
                    if (key.storedName().equalsIgnoreCase(c.referencedColumnName())
                            || key.name().equalsIgnoreCase(c.referencedColumnName())) {
                        part = k;
                    }
                }
            }
            if (part < 0 || byPart[part] != null || c.name().isEmpty()) {
                throw new PersistenceException(at + " declares @JoinColumns that do not name one column for each of "
                        + target.name() + "'s key attributes " + target.keyParts().stream().map(AttributeMeta::storedName)
                        .toList() + " (by referencedColumnName, or in order, each with a name)");
            }
            byPart[part] = c;
        }
        List<String> rest = java.util.Arrays.stream(byPart).skip(1).map(JoinColumn::name).toList();
        return List.of(new AssociationMeta.JoinColumn(byPart[0].name(), target.partitionKey(), byPart[0].insertable(),
                        byPart[0].updatable()),
                new AssociationMeta.JoinColumn(String.join("#", rest), target.sortKey(), byPart[1].insertable(),
                        byPart[1].updatable()));
    }

    /**
     * The index an inverse side is loaded by: the child table itself when the foreign key is its partition
     * key, a declared global index over it, else an index of the documented name added to the child's table.
     */
    private static IndexMeta foreignKeyIndex(EntityMeta child, AssociationMeta owning) {
        EntityMeta table = child.root();
        List<AssociationMeta.JoinColumn> fk = owning.joinColumns();
        String pk = fk.get(0).storedName();
        String sk = fk.size() > 1 ? fk.get(1).storedName() : null;
        if (table.partitionKey().storedName().equals(pk) && (sk == null || table.sortKey() != null
                && table.sortKey().storedName().equals(sk))) {
            return new IndexMeta(null, table.partitionKey(), sk == null ? null : table.sortKey(), true);
        }
        for (IndexMeta i : table.indexes()) {
            if (i.global() && i.partitionKey().storedName().equals(pk)
                    && (sk == null || i.sortKey() != null && i.sortKey().storedName().equals(sk))) {
                return i;
            }
        }
        String name = INDEX_PREFIX + String.join("_", fk.stream().map(AssociationMeta.JoinColumn::storedName)
                .map(n -> n.replaceAll("[^a-zA-Z0-9_.-]", "_")).toList());
        for (IndexMeta i : table.foreignKeyIndexes()) {
            if (i.name().equals(name)) {
                return i;
            }
        }
        IndexMeta index = new IndexMeta(name, column(owning, fk.get(0)), sk == null ? null : column(owning, fk.get(1)), true);
        table.addForeignKeyIndex(index);
        return index;
    }

    /** The foreign-key attribute as an attribute of the child's table, for index definitions. */
    private static AttributeMeta column(AssociationMeta owning, AssociationMeta.JoinColumn c) {
        AttributeMeta k = c.targetKey();
        return new AttributeMeta(owning.name(), c.storedName(), k.javaType(), null, null, k.codec(), null,
                owning.member(), AttributeMeta.Role.BASIC);
    }
}
