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
    static AssociationMeta read(Property p, String where) {
        ManyToOne m2o = p.get(ManyToOne.class);
        OneToOne o2o = p.get(OneToOne.class);
        OneToMany o2m = p.get(OneToMany.class);
        ManyToMany m2m = p.get(ManyToMany.class);
        if (m2o == null && o2o == null && o2m == null && m2m == null) {
            return null;
        }
        String at = where + " attribute '" + p.name() + "'";
        if ((m2o != null ? 1 : 0) + (o2o != null ? 1 : 0) + (o2m != null ? 1 : 0) + (m2m != null ? 1 : 0) > 1) {
            throw new PersistenceException(at + " carries more than one relationship annotation; keep one");
        }
        if (m2m != null) {
            throw refused(at, "@ManyToMany", "link tables are not supported yet; map the link as an entity with two"
                    + " @ManyToOne attributes and @OneToMany(mappedBy) on both sides");
        }
        if (p.has(JoinTable.class)) {
            throw refused(at, "@JoinTable", "link tables are not supported yet; store the key on the owning side"
                    + " (@ManyToOne/@OneToOne with @JoinColumn) and map the other side with mappedBy");
        }
        if (o2m != null && o2m.mappedBy().isEmpty()) {
            throw refused(at, "a unidirectional @OneToMany (no mappedBy)", "it needs a link table, which is not supported"
                    + " yet; add a @ManyToOne to " + rawTarget(p, o2m.targetEntity()).getSimpleName()
                    + " and write @OneToMany(mappedBy = \"<that attribute>\")");
        }
        if (p.has(MapsId.class)) {
            throw refused(at, "@MapsId", "store the target's key as an @Id of its own and the relationship beside it");
        }
        if (p.has(OrderColumn.class)) {
            throw refused(at, "@OrderColumn", "an inverse side is read by an index Query, which keeps no list position;"
                    + " use @OrderBy on an attribute of the target");
        }
        if (p.has(MapKey.class) || Map.class.isAssignableFrom(p.type())) {
            throw refused(at, "a Map of entities (@MapKey)", "declare it as a List, Set or Collection");
        }
        boolean toMany = o2m != null;
        Class<?> collectionType = null;
        Class<?> target;
        if (toMany) {
            Class<?> type = p.type();
            if (type != List.class && type != Set.class && type != Collection.class) {
                throw new PersistenceException(at + " is a " + type.getName() + "; declare relationship collections as"
                        + " List, Set or Collection");
            }
            collectionType = type;
            target = rawTarget(p, o2m.targetEntity());
        } else {
            Class<?> declared = m2o != null ? m2o.targetEntity() : o2o.targetEntity();
            target = declared == void.class ? p.type() : declared;
        }
        String mappedBy = o2m != null ? o2m.mappedBy() : o2o != null && !o2o.mappedBy().isEmpty() ? o2o.mappedBy() : null;
        Map<String, String> joinColumns = new LinkedHashMap<>();
        List<JoinColumn> declared = new ArrayList<>(List.of(p.annotated().getAnnotationsByType(JoinColumn.class)));
        JoinColumns group = p.get(JoinColumns.class);
        if (group != null && declared.isEmpty()) {
            declared.addAll(List.of(group.value()));
        }
        if (mappedBy != null && !declared.isEmpty()) {
            throw new PersistenceException(at + " is the inverse side (mappedBy = \"" + mappedBy + "\") and has @JoinColumn;"
                    + " the owning side " + target.getSimpleName() + "." + mappedBy + " stores the key: move @JoinColumn there");
        }
        for (JoinColumn c : declared) {
            joinColumns.put(c.name(), c.referencedColumnName());
        }
        CascadeType[] cascade = m2o != null ? m2o.cascade() : o2o != null ? o2o.cascade() : o2m.cascade();
        Set<CascadeType> cascades = EnumSet.noneOf(CascadeType.class);
        for (CascadeType c : cascade) {
            if (c == CascadeType.ALL) {
                cascades.addAll(EnumSet.of(CascadeType.PERSIST, CascadeType.MERGE, CascadeType.REMOVE,
                        CascadeType.REFRESH, CascadeType.DETACH));
            } else {
                cascades.add(c);
            }
        }
        FetchType fetch = m2o != null ? m2o.fetch() : o2o != null ? o2o.fetch() : o2m.fetch();
        boolean orphanRemoval = o2o != null ? o2o.orphanRemoval() : o2m != null && o2m.orphanRemoval();
        boolean optional = m2o != null ? m2o.optional() : o2o == null || o2o.optional();
        AssociationMeta.Kind kind = m2o != null ? AssociationMeta.Kind.MANY_TO_ONE
                : o2o != null ? AssociationMeta.Kind.ONE_TO_ONE : AssociationMeta.Kind.ONE_TO_MANY;
        OrderBy orderBy = p.get(OrderBy.class);
        return new AssociationMeta(p.name(), kind, p.type(), collectionType, target, p.accessor(), p.member(), mappedBy,
                fetch, cascades, orphanRemoval, optional, joinColumns, orderBy == null ? null : orderBy.value());
    }

    private static Class<?> rawTarget(Property p, Class<?> declared) {
        if (declared != void.class) {
            return declared;
        }
        Type generic = p.genericType();
        if (generic instanceof ParameterizedType pt && pt.getActualTypeArguments().length == 1) {
            Type arg = pt.getActualTypeArguments()[0];
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
    static void link(Collection<EntityMeta> entities) {
        Map<Class<?>, EntityMeta> byClass = new LinkedHashMap<>();
        entities.forEach(e -> byClass.put(e.javaClass(), e));
        // Owning sides first: inverse sides need their join columns.
        for (EntityMeta e : entities) {
            for (AssociationMeta a : e.associations()) {
                if (a.owningToOne()) {
                    EntityMeta target = target(byClass, e, a);
                    a.resolve(e, target, joinColumns(e, a, target), null, null);
                }
            }
            Set<String> seen = new java.util.HashSet<>();
            for (AttributeMeta attribute : e.attributes()) {
                seen.add(attribute.storedName());
            }
            for (AssociationMeta a : e.associations()) {
                for (AssociationMeta.JoinColumn c : a.joinColumns()) {
                    if (!seen.add(c.storedName())) {
                        throw new PersistenceException("Entity " + e.javaClass().getName() + " attribute '" + a.name()
                                + "' stores its foreign key as '" + c.storedName() + "', which another attribute of "
                                + e.name() + " is stored as; rename one with @JoinColumn(name) or @Column(name)");
                    }
                }
            }
            e.foreignKeys();
        }
        for (EntityMeta e : entities) {
            for (AssociationMeta a : e.associations()) {
                if (a.owningToOne()) {
                    continue;
                }
                EntityMeta target = target(byClass, e, a);
                String at = "Entity " + e.javaClass().getName() + " attribute '" + a.name() + "'";
                AssociationMeta owning = target.association(a.mappedBy());
                if (owning == null || !owning.owningToOne()) {
                    throw new PersistenceException(at + " is mappedBy \"" + a.mappedBy() + "\", but " + target.name()
                            + (owning == null ? " has no relationship attribute of that name" : "." + a.mappedBy()
                            + " is not an owning @ManyToOne/@OneToOne") + "; name the attribute of " + target.name()
                            + " that stores the key (known: " + target.associations().stream()
                            .filter(AssociationMeta::owningToOne).map(AssociationMeta::name).toList() + ")");
                }
                if (!owning.target().isSameOrSuperOf(e) && !e.isSameOrSuperOf(owning.target())) {
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
            }
        }
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

    /** The foreign-key attributes of an owning to-one side: declared ones matched to the target's key, or JPA's defaults. */
    private static List<AssociationMeta.JoinColumn> joinColumns(EntityMeta owner, AssociationMeta a, EntityMeta target) {
        List<AttributeMeta> keys = new ArrayList<>();
        keys.add(target.partitionKey());
        if (target.sortKey() != null) {
            keys.add(target.sortKey());
        }
        String at = "Entity " + owner.javaClass().getName() + " attribute '" + a.name() + "'";
        Map<String, String> declared = a.declaredJoinColumns;
        List<AssociationMeta.JoinColumn> result = new ArrayList<>();
        if (declared.isEmpty()) {
            for (AttributeMeta k : keys) {
                result.add(new AssociationMeta.JoinColumn(a.name() + "_" + k.storedName(), k));
            }
            return result;
        }
        if (declared.size() != keys.size()) {
            throw new PersistenceException(at + " declares " + declared.size() + " join column(s) but the key of "
                    + target.name() + " has " + keys.size() + " attribute(s) " + keys.stream().map(AttributeMeta::storedName).toList()
                    + "; declare one @JoinColumn per key attribute");
        }
        int i = 0;
        for (Map.Entry<String, String> c : declared.entrySet()) {
            AttributeMeta key = keys.get(i++);
            if (!c.getValue().isEmpty()) {
                key = keys.stream().filter(k -> k.storedName().equals(c.getValue()) || k.name().equals(c.getValue()))
                        .findFirst().orElseThrow(() -> new PersistenceException(at + " @JoinColumn(referencedColumnName = \""
                                + c.getValue() + "\") names no key attribute of " + target.name() + " (its key: "
                                + keys.stream().map(AttributeMeta::storedName).toList() + "); Jynamo stores the target's key"));
            }
            String name = c.getKey().isEmpty() ? a.name() + "_" + key.storedName() : c.getKey();
            result.add(new AssociationMeta.JoinColumn(name, key));
        }
        return result;
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
