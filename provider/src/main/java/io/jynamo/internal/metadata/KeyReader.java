package io.jynamo.internal.metadata;

import io.jynamo.annotations.SortKey;
import io.jynamo.internal.metadata.PropertyScanner.Property;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.PersistenceException;

import java.lang.invoke.MethodHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Reads an entity's primary key: one {@code @Id}, several {@code @Id}s with an {@code @IdClass}, or an
 * {@code @EmbeddedId}; which is the partition and which the sort key (of three or more, a {@link CompositeKey});
 * and the id mapper for {@code find}.
 */
final class KeyReader {

    /**
     * An entity's primary key.
     *
     * @param pk         the partition key attribute
     * @param sk         the sort key attribute, or {@code null}
     * @param idKind     how the id is shaped
     * @param idType     the type {@code find} takes
     * @param idMapper   maps the id to and from the key
     * @param embeddedId the {@code @EmbeddedId} attribute, or {@code null}
     * @param keyParts   the key attributes in order: the partition key, then the sort key or its parts
     */
    record Keys(AttributeMeta pk, AttributeMeta sk, EntityMeta.IdKind idKind, Class<?> idType,
                EntityMeta.IdMapper idMapper, AttributeMeta embeddedId, List<AttributeMeta> keyParts) {
    }

    private final CodecResolver codecs;

    KeyReader(CodecResolver codecs) {
        this.codecs = codecs;
    }

    Keys keys(Class<?> type, List<Property> properties, String where) {
        List<Property> ids = new ArrayList<>();
        Property embeddedIdProperty = null;
        for (Property p : properties) {
            if (p.has(Id.class)) {
                ids.add(p);
            } else if (p.has(EmbeddedId.class)) {
                embeddedIdProperty = p;
            }
        }
        if (embeddedIdProperty != null) {
            if (!ids.isEmpty()) {
                throw new PersistenceException(where + " has both @EmbeddedId and @Id; use one");
            }
            return embeddedId(embeddedIdProperty, where);
        }
        if (ids.isEmpty()) {
            throw new PersistenceException(where + " has no @Id attribute; mark its partition key with @Id");
        }
        List<Property> keys = splitKeys(ids, where);
        List<AttributeMeta> all = keyAttributes(keys, Property::accessor, where);
        AttributeMeta pk = all.get(0);
        List<AttributeMeta> rest = all.subList(1, all.size());
        AttributeMeta sk = sortKey(rest, where);
        IdClass idClass = idClass(type);
        if (sk == null && idClass == null) {
            return new Keys(pk, null, EntityMeta.IdKind.SIMPLE, Types.box(pk.javaType()), new IdMappers.Simple(pk), null,
                    List.of(pk));
        }
        if (idClass == null && keys.size() == 1) {
            // JPA 2.4.1.3 (its example 5a): the parent's composite key is the child's, and so is its id class.
            throw new PersistenceException(where + " attribute '" + keys.get(0).name() + "' is an @Id relationship (a"
                    + " derived identity) to an entity whose key has " + all.size() + " attributes, so this entity's key"
                    + " has them too: declare @IdClass on " + type.getSimpleName() + " with the parent's id class");
        }
        if (idClass == null) {
            throw new PersistenceException(where + " has a composite key (" + keys.size() + " @Id attributes) but no"
                    + " @IdClass; declare @IdClass(" + type.getSimpleName() + "Id.class) with the fields "
                    + names(keys));
        }
        Class<?> idType = idClass.value();
        String idWhere = where + " @IdClass " + idType.getName();
        AttributeMeta idPk = idClassPart(idType, pk, idWhere);
        // an @IdClass of one attribute (JPA allows it) wraps the partition key alone
        List<AttributeMeta> idRest = rest.stream().map(r -> idClassPart(idType, r, idWhere)).toList();
        RecordShape record = RecordShape.of(idType);
        if (record != null && (record.size() != keys.size() || all.size() != keys.size())) {
            throw new PersistenceException(idWhere + " is a record of " + record.size() + " components; an id class"
                    + " record holds exactly the key attributes " + names(keys) + ", each of one value (use a class"
                    + " for an id that holds a parent's composite id)");
        }
        MethodHandle idCtor = record != null ? null : Types.constructor(idType, "id class " + idType.getName());
        IdMappers.Parts idParts = new IdMappers.Parts(idPk, sortKey(idRest, idWhere), idCtor, idType, where, record);
        return new Keys(pk, sk, EntityMeta.IdKind.ID_CLASS, idType, new IdMappers.IdClass(idParts, pk, sk), null,
                keyParts(pk, sk, rest));
    }

    /**
     * The sort key of the key attributes after the partition key: none, the one, or a {@link CompositeKey} of
     * several, stored as a string under their stored names joined by {@code #} (which no query can spell).
     */
    private static AttributeMeta sortKey(List<AttributeMeta> rest, String where) {
        if (rest.size() < 2) {
            return rest.isEmpty() ? null : rest.get(0);
        }
        CompositeKey key = new CompositeKey(rest, where);
        String name = String.join("#", rest.stream().map(AttributeMeta::name).toList());
        return new AttributeMeta(name, key.storedName(), String.class, null, Accessor.composite(key, where + " sort key"),
                io.jynamo.internal.convert.Codecs.basic(String.class), null, rest.get(0).member(),
                AttributeMeta.Role.SORT_KEY);
    }

    /**
     * The key attributes in order. A composite sort key's parts are the entity's attributes too, stored on their
     * own (so that conditions, projections and ordering read them) and never written apart from the key.
     */
    private static List<AttributeMeta> keyParts(AttributeMeta pk, AttributeMeta sk, List<AttributeMeta> rest) {
        if (rest.size() < 2) {
            return sk == null ? List.of(pk) : List.of(pk, sk);
        }
        List<AttributeMeta> parts = new ArrayList<>(List.of(pk));
        for (AttributeMeta r : rest) {
            parts.add(new AttributeMeta(r.name(), r.storedName(), r.javaType(), null, r.accessor(), r.codec(), null,
                    r.member(), AttributeMeta.Role.BASIC));
        }
        return List.copyOf(parts);
    }

    /** The {@code @IdClass} of the class or of the superclass (entity or mapped) that declares it. */
    private static IdClass idClass(Class<?> type) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            IdClass idClass = Annotations.get(c, IdClass.class);
            if (idClass != null) {
                return idClass;
            }
        }
        return null;
    }

    private Keys embeddedId(Property embeddedIdProperty, String where) {
        Class<?> idType = embeddedIdProperty.type();
        List<Property> keys = splitKeys(PropertyScanner.properties(idType), where + " @EmbeddedId " + idType.getName());
        RecordShape record = RecordShape.of(idType);
        if (record != null && record.size() != keys.size()) {
            throw new PersistenceException(where + " @EmbeddedId " + idType.getName() + " is a record of " + record.size()
                    + " components; an @EmbeddedId record holds exactly the key attributes");
        }
        MethodHandle idCtor = record != null ? null : Types.constructor(idType, "embeddable " + idType.getName());
        Accessor outer = embeddedIdProperty.accessor();
        List<AttributeMeta> all = keyAttributes(keys, p -> chain(outer, p, idCtor, record), where);
        List<AttributeMeta> inner = keyAttributes(keys, Property::accessor, where);
        if (record != null && all.size() != keys.size()) {
            throw new PersistenceException(where + " @EmbeddedId " + idType.getName() + " is a record holding an"
                    + " embeddable; use a class for an id that holds a parent's composite id");
        }
        AttributeMeta pk = all.get(0);
        AttributeMeta innerPk = inner.get(0);
        List<AttributeMeta> rest = all.subList(1, all.size());
        List<AttributeMeta> innerRest = inner.subList(1, inner.size());
        AttributeMeta sk = sortKey(rest, where);
        AttributeMeta embeddedId = new AttributeMeta(embeddedIdProperty.name(), embeddedIdProperty.name(), idType, null,
                outer, null, null, embeddedIdProperty.member(), AttributeMeta.Role.EMBEDDED);
        IdMappers.Parts parts = new IdMappers.Parts(innerPk, sortKey(innerRest, where), idCtor, idType, where, record);
        return new Keys(pk, sk, EntityMeta.IdKind.EMBEDDED_ID, idType, new IdMappers.EmbeddedId(parts, outer), embeddedId,
                keyParts(pk, sk, rest));
    }

    /**
     * The key attributes of the key properties in order, the first the partition key: a basic property is one; an
     * {@code @Id} relationship is its target's key attributes (a derived identity); an embeddable inside an
     * {@code @EmbeddedId} (a parent's composite id, which {@code @MapsId} fills) is its attributes, named
     * {@code <property>.<attribute>}.
     *
     * @param access reads a property from the object the key is read from (the entity, or the id object)
     */
    private List<AttributeMeta> keyAttributes(List<Property> keys, java.util.function.Function<Property, Accessor> access,
                                              String where) {
        List<AttributeMeta> out = new ArrayList<>();
        for (Property p : keys) {
            AttributeMeta.Role role = out.isEmpty() ? AttributeMeta.Role.PARTITION_KEY : AttributeMeta.Role.SORT_KEY;
            if (toOne(p)) {
                out.addAll(derivedKeyAttributes(p, role, where));
            } else {
                AttributeMeta basic = basicOrNull(p, role, access.apply(p), where);
                out.addAll(basic != null ? List.of(basic) : heldParts(p, access.apply(p), out.isEmpty(), where));
            }
        }
        return out;
    }

    /** The key attributes a part of an {@code @EmbeddedId} holds, named {@code <part>.<attribute>}. */
    private List<AttributeMeta> heldParts(Property p, Accessor holder, boolean first, String where) {
        if (RecordShape.of(p.type()) != null) {
            throw new PersistenceException(where + " key attribute '" + p.name() + "' is a record embeddable;"
                    + " use a class for an id part that holds a parent's composite id");
        }
        MethodHandle ctor = Types.constructor(p.type(), "embeddable " + p.type().getName());
        List<AttributeMeta> out = new ArrayList<>();
        for (Property part : PropertyScanner.properties(p.type())) {
            Accessor accessor = Accessor.chain(holder, part.accessor(), () -> Types.instantiate(ctor, Object.class));
            AttributeMeta a = keyAttribute(part, first && out.isEmpty() ? AttributeMeta.Role.PARTITION_KEY
                    : AttributeMeta.Role.SORT_KEY, accessor, where + " @EmbeddedId part '" + p.name() + "'");
            out.add(renamed(a, p.name() + "." + a.name()));
        }
        return out;
    }

    /**
     * A key property's attribute, or {@code null} when it holds key attributes of its own: an embeddable, or a class no
     * codec stores (a parent's id class, which JPA lets an {@code @EmbeddedId} hold for {@code @MapsId}).
     */
    private AttributeMeta basicOrNull(Property p, AttributeMeta.Role role, Accessor accessor, String where) {
        if (Annotations.has(p.type(), jakarta.persistence.Embeddable.class)) {
            return null;
        }
        try {
            return keyAttribute(p, role, accessor, where);
        } catch (PersistenceException e) {
            Class<?> t = p.type();
            if (t.isPrimitive() || t.isEnum() || t.isArray() || t.isInterface() || t.getName().startsWith("java.")) {
                throw e;
            }
            return null;
        }
    }

    private static AttributeMeta renamed(AttributeMeta a, String name) {
        return new AttributeMeta(name, a.storedName(), a.javaType(), null, a.accessor(), a.codec(), null, a.member(), a.role());
    }

    private static Accessor chain(Accessor outer, Property part, MethodHandle outerCtor, RecordShape record) {
        if (record != null) {
            return Accessor.recordChain(outer, record, record.indexOf(part.name()), part.accessor());
        }
        Accessor inner = part.accessor();
        return Accessor.chain(outer, inner, () -> Types.instantiate(outerCtor, Object.class));
    }

    /**
     * The id class's attribute for an entity key attribute, named alike. A key attribute derived from a parent's
     * composite key ({@code emp.firstName}) is read from the id class's attribute of the parent's id class type
     * ({@code emp}), or, when the parent's key is the entity's whole key, from the id class itself (the parent's).
     */
    private static AttributeMeta idClassPart(Class<?> idType, AttributeMeta entityKey, String where) {
        String name = entityKey.name();
        int dot = name.indexOf('.');
        Property direct = property(idType, name);
        Property holder = dot < 0 ? null : property(idType, name.substring(0, dot));
        Property part = dot < 0 ? direct : holder != null ? property(holder.type(), name.substring(dot + 1))
                : property(idType, name.substring(dot + 1));
        if (part == null) {
            throw new PersistenceException(where + " has no attribute '" + (dot < 0 || holder == null ? name
                    : name.substring(dot + 1) + "' in its '" + name.substring(0, dot)) + "' matching the entity's @Id"
                    + " attribute");
        }
        if (Types.box(part.type()) != entityKey.boxedType()) {
            throw new PersistenceException(where + " attribute '" + part.name() + "' is a " + part.type().getName()
                    + " but the entity's @Id is a " + entityKey.javaType().getName());
        }
        Accessor accessor = part.accessor();
        if (holder != null) {
            MethodHandle ctor = Types.constructor(holder.type(), "id class " + holder.type().getName());
            accessor = Accessor.chain(holder.accessor(), part.accessor(), () -> Types.instantiate(ctor, Object.class));
        }
        return new AttributeMeta(name, entityKey.storedName(), part.type(), null, accessor, entityKey.codec(), null,
                part.member(), entityKey.role());
    }

    private static Property property(Class<?> type, String name) {
        return PropertyScanner.properties(type).stream().filter(p -> p.name().equals(name)).findFirst().orElse(null);
    }

    /**
     * The key attributes with the partition key first. Of two, the one not marked {@code @SortKey} partitions (the
     * first declared when neither is marked). Of three or more, the one not marked {@code @SortKey} (or the first
     * declared when none is) partitions and the others form the sort key in their declared order.
     */
    private static List<Property> splitKeys(List<Property> ids, String where) {
        if (ids.size() == 1) {
            return ids;
        }
        List<Property> unmarked = ids.stream().filter(p -> !p.has(SortKey.class)).toList();
        if (unmarked.isEmpty() && ids.size() == 2) {
            throw new PersistenceException(where + " has two key attributes " + names(ids)
                    + " both marked @SortKey; mark exactly one of them (the other is the partition key)");
        }
        if (unmarked.isEmpty() || unmarked.size() > 1 && unmarked.size() < ids.size()) {
            throw new PersistenceException(where + " has " + ids.size() + " key attributes " + names(ids) + ", of which "
                    + names(unmarked) + " are not marked @SortKey; mark all but the partition key @SortKey, or none"
                    + " (then the first declared partitions)");
        }
        if (unmarked.size() == ids.size()) {
            // An ordinary JPA composite key: the first in declaration order partitions, the others sort.
            LOG.log(System.Logger.Level.INFO, "{0}: none of its key attributes {1} is marked @SortKey, so ''{2}'' is"
                    + " the partition key and {3} the sort key (their declaration order); mark the others @SortKey to"
                    + " choose", where, names(ids), ids.get(0).name(), names(ids.subList(1, ids.size())));
        }
        List<Property> ordered = new ArrayList<>(unmarked.subList(0, 1));
        ids.stream().filter(p -> p != unmarked.get(0)).forEach(ordered::add);
        return ordered;
    }

    private static final System.Logger LOG = System.getLogger(KeyReader.class.getName());

    private static List<String> names(List<Property> ps) {
        return ps.stream().map(Property::name).toList();
    }

    /** Whether a property is a {@code @ManyToOne} or {@code @OneToOne} (an {@code @Id} one is a derived identity). */
    static boolean toOne(Property p) {
        return p.has(jakarta.persistence.ManyToOne.class) || p.has(jakarta.persistence.OneToOne.class);
    }

    /**
     * The key attributes of an {@code @Id} relationship (a derived identity): the target's key, stored under the
     * join columns' names (or JPA's {@code <attribute>_<target key attribute>}) with the target key's codecs, read
     * through the relationship. Setting them does nothing: the loader sets the relationship from the stored key.
     * A target keyed by one attribute gives one, named as the relationship; a target with a composite key
     * ({@code @IdClass} or {@code @EmbeddedId} of two attributes) gives two, named {@code <attribute>.<target key
     * attribute>}.
     */
    private List<AttributeMeta> derivedKeyAttributes(Property p, AttributeMeta.Role role, String where) {
        String at = where + " attribute '" + p.name() + "'";
        jakarta.persistence.ManyToOne m2o = p.get(jakarta.persistence.ManyToOne.class);
        jakarta.persistence.OneToOne o2o = p.get(jakarta.persistence.OneToOne.class);
        Class<?> declared = m2o != null ? m2o.targetEntity() : o2o.targetEntity();
        Class<?> target = declared == void.class ? p.type() : declared;
        List<Property> ids = new ArrayList<>();
        for (Property t : PropertyScanner.properties(target)) {
            if (t.has(Id.class) || t.has(EmbeddedId.class)) {
                ids.add(t);
            }
        }
        // The target's key attributes, each read from a target entity.
        List<Property> parts;
        java.util.function.Function<Property, Accessor> read;
        if (ids.size() == 1 && ids.get(0).has(EmbeddedId.class) && RecordShape.of(ids.get(0).type()) == null) {
            Property id = ids.get(0);
            parts = splitKeys(PropertyScanner.properties(id.type()), "Entity " + target.getName() + " @EmbeddedId");
            read = part -> Accessor.chain(id.accessor(), part.accessor(), () -> {
                throw new IllegalStateException("a derived key never sets its parent's key");
            });
        } else if (!ids.isEmpty() && ids.stream().noneMatch(t -> t.has(EmbeddedId.class) || toOne(t))
                && (ids.size() == 1 || idClass(target) != null)) {
            parts = splitKeys(ids, "Entity " + target.getName());
            read = Property::accessor;
        } else {
            parts = List.of();
            read = null;
        }
        if (parts.isEmpty() || parts.size() > 2) {
            throw new PersistenceException(at + " is an @Id relationship (a derived identity) to " + target.getName()
                    + ", whose key is not " + (parts.isEmpty() ? "of basic attributes" : "of one or two attributes")
                    + "; Jynamo derives keys from keys of one or two basic attributes (an @Id, an @IdClass or an"
                    + " @EmbeddedId): give " + target.getSimpleName() + " such a key, or give this entity a key of its"
                    + " own and keep the relationship as an ordinary foreign key (see docs/relationships.md)");
        }
        jakarta.persistence.JoinColumn[] columns = Annotations.all(p.annotated(), jakarta.persistence.JoinColumn.class);
        if (columns.length > 0 && columns.length != parts.size()) {
            throw new PersistenceException(at + " has " + columns.length + " @JoinColumns but " + target.getSimpleName()
                    + "'s key is " + parts.size() + " attribute(s) " + names(parts) + "; declare one per key attribute");
        }
        List<AttributeMeta> out = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            Property part = parts.get(i);
            AttributeMeta parentKey = codecs.attribute(part, "Entity " + target.getName());
            if (!parentKey.keyable()) {
                throw new PersistenceException(at + " derives its key from " + target.getName() + "." + parentKey.name()
                        + ", which is stored as " + parentKey.kind() + "; DynamoDB keys must be strings, numbers or binary");
            }
            jakarta.persistence.JoinColumn column = columns.length == 0 ? null : column(columns, i, parentKey);
            String stored = column != null && !column.name().isEmpty() ? column.name()
                    : p.name() + "_" + parentKey.storedName();
            String name = parts.size() == 1 ? p.name() : p.name() + "." + parentKey.name();
            out.add(new AttributeMeta(name, stored, parentKey.javaType(), null,
                    Accessor.through(p.accessor(), read.apply(part)), parentKey.codec(), null, p.member(),
                    out.isEmpty() ? role : AttributeMeta.Role.SORT_KEY));
        }
        return out;
    }

    /** The join column of a parent's key attribute: the one whose {@code referencedColumnName} names it, else the i-th. */
    private static jakarta.persistence.JoinColumn column(jakarta.persistence.JoinColumn[] columns, int i, AttributeMeta key) {
        for (jakarta.persistence.JoinColumn c : columns) {
            // SQL column names are case-insensitive, and models written for SQL say "FIRSTNAME" for firstName.
            if (c.referencedColumnName().equalsIgnoreCase(key.storedName())
                    || c.referencedColumnName().equalsIgnoreCase(key.name())) {
                return c;
            }
        }
        return columns[i];
    }

    private AttributeMeta keyAttribute(Property p, AttributeMeta.Role role, Accessor accessor, String where) {
        AttributeMeta a = codecs.attribute(p, where);
        if (!a.keyable()) {
            throw new PersistenceException(where + " key attribute '" + p.name() + "' of type " + p.type().getName()
                    + " is stored as " + a.kind() + "; DynamoDB keys must be strings, numbers or binary");
        }
        GeneratedValue generated = p.get(GeneratedValue.class);
        if (generated != null && role == AttributeMeta.Role.PARTITION_KEY && GeneratorReader.numeric(p.type())) {
            // A numeric generated id stays a plain partition key; its counter is read by GeneratorReader.
            return new AttributeMeta(a.name(), a.storedName(), a.javaType(), null, accessor, a.codec(), null, a.member(), role);
        }
        if (generated != null) {
            if (role != AttributeMeta.Role.PARTITION_KEY || !(p.type() == UUID.class || p.type() == String.class)
                    || generated.strategy() != GenerationType.UUID && generated.strategy() != GenerationType.AUTO) {
                throw new PersistenceException(where + " attribute '" + p.name() + "': @GeneratedValue(strategy="
                        + generated.strategy() + ") is not supported on " + (role == AttributeMeta.Role.PARTITION_KEY
                        ? "a " + p.type().getName() + " id" : "a sort key") + ". Use strategy UUID (or AUTO) on a UUID"
                        + " or String partition key, or any strategy but UUID on an int, long, Integer, Long or"
                        + " BigInteger partition key");
            }
            role = AttributeMeta.Role.GENERATED_UUID;
        }
        return new AttributeMeta(a.name(), a.storedName(), a.javaType(), null, accessor, a.codec(), null, a.member(), role);
    }
}
