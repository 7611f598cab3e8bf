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
            for (Property p : properties) {
                jakarta.persistence.MapsId mapsId = p.get(jakarta.persistence.MapsId.class);
                if (mapsId != null && !mapsId.value().isEmpty() && PropertyScanner.properties(embeddedIdProperty.type())
                        .stream().anyMatch(part -> part.name().equals(mapsId.value())
                                && Annotations.has(part.type(), jakarta.persistence.Embeddable.class))) {
                    // The part a @MapsId fills is the parent's composite id: one key attribute cannot hold it.
                    throw new PersistenceException(where + " attribute '" + p.name() + "' is a derived identity"
                            + " (@MapsId(\"" + mapsId.value() + "\")) whose part of the @EmbeddedId is the parent's"
                            + " composite key, which Jynamo does not map: with the child's own part the key would need"
                            + " three attributes, and DynamoDB keys have two; give the parent a single-attribute key, or"
                            + " give this entity a key of its own and keep the relationship as an ordinary foreign key"
                            + " (see docs/relationships.md)");
                }
            }
            return embeddedId(embeddedIdProperty, where);
        }
        if (ids.isEmpty()) {
            throw new PersistenceException(where + " has no @Id attribute; mark its partition key with @Id");
        }
        List<Property> keys = splitKeys(ids, where);
        AttributeMeta pk = keyAttribute(keys.get(0), AttributeMeta.Role.PARTITION_KEY, keys.get(0).accessor(), where);
        List<AttributeMeta> rest = new ArrayList<>();
        for (Property p : keys.subList(1, keys.size())) {
            rest.add(keyAttribute(p, AttributeMeta.Role.SORT_KEY, p.accessor(), where));
        }
        AttributeMeta sk = sortKey(rest, where);
        IdClass idClass = idClass(type);
        if (sk == null && idClass == null) {
            return new Keys(pk, null, EntityMeta.IdKind.SIMPLE, Types.box(pk.javaType()), new IdMappers.Simple(pk), null,
                    List.of(pk));
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
        if (record != null && record.size() != keys.size()) {
            throw new PersistenceException(idWhere + " is a record of " + record.size() + " components; an id class"
                    + " record holds exactly the key attributes " + names(keys));
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
        AttributeMeta pk = keyAttribute(keys.get(0), AttributeMeta.Role.PARTITION_KEY,
                chain(outer, keys.get(0), idCtor, record), where);
        AttributeMeta innerPk = keyAttribute(keys.get(0), AttributeMeta.Role.PARTITION_KEY, keys.get(0).accessor(), where);
        List<AttributeMeta> rest = new ArrayList<>();
        List<AttributeMeta> innerRest = new ArrayList<>();
        for (Property p : keys.subList(1, keys.size())) {
            rest.add(keyAttribute(p, AttributeMeta.Role.SORT_KEY, chain(outer, p, idCtor, record), where));
            innerRest.add(keyAttribute(p, AttributeMeta.Role.SORT_KEY, p.accessor(), where));
        }
        AttributeMeta sk = sortKey(rest, where);
        AttributeMeta embeddedId = new AttributeMeta(embeddedIdProperty.name(), embeddedIdProperty.name(), idType, null,
                outer, null, null, embeddedIdProperty.member(), AttributeMeta.Role.EMBEDDED);
        IdMappers.Parts parts = new IdMappers.Parts(innerPk, sortKey(innerRest, where), idCtor, idType, where, record);
        return new Keys(pk, sk, EntityMeta.IdKind.EMBEDDED_ID, idType, new IdMappers.EmbeddedId(parts, outer), embeddedId,
                keyParts(pk, sk, rest));
    }

    private static Accessor chain(Accessor outer, Property part, MethodHandle outerCtor, RecordShape record) {
        if (record != null) {
            return Accessor.recordChain(outer, record, record.indexOf(part.name()), part.accessor());
        }
        Accessor inner = part.accessor();
        return Accessor.chain(outer, inner, () -> Types.instantiate(outerCtor, Object.class));
    }

    private static AttributeMeta idClassPart(Class<?> idType, AttributeMeta entityKey, String where) {
        for (Property p : PropertyScanner.properties(idType)) {
            if (p.name().equals(entityKey.name())) {
                if (Types.box(p.type()) != entityKey.boxedType()) {
                    throw new PersistenceException(where + " attribute '" + p.name() + "' is a " + p.type().getName()
                            + " but the entity's @Id is a " + entityKey.javaType().getName());
                }
                return new AttributeMeta(p.name(), entityKey.storedName(), p.type(), null, p.accessor(),
                        entityKey.codec(), null, p.member(), entityKey.role());
            }
        }
        throw new PersistenceException(where + " has no attribute '" + entityKey.name()
                + "' matching the entity's @Id attribute");
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
     * The key attribute of an {@code @Id} relationship (a derived identity): the target's key, stored under the
     * join column's name (or JPA's {@code <attribute>_<target key>}) with the target key's codec, read through
     * the relationship. Setting it does nothing: the loader sets the relationship from the stored key.
     */
    private AttributeMeta derivedKeyAttribute(Property p, AttributeMeta.Role role, String where) {
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
        if (ids.size() != 1 || ids.get(0).has(EmbeddedId.class) || toOne(ids.get(0)) || idClass(target) != null) {
            throw new PersistenceException(at + " is an @Id relationship (a derived identity) to " + target.getName()
                    + ", whose key is not one basic @Id attribute; Jynamo derives keys from single-attribute keys only"
                    + " (DynamoDB keys have two attributes): give " + target.getSimpleName() + " a single @Id, or give"
                    + " this entity a key of its own and keep the relationship as an ordinary foreign key (see"
                    + " docs/relationships.md)");
        }
        AttributeMeta parentKey = codecs.attribute(ids.get(0), "Entity " + target.getName());
        if (!parentKey.keyable()) {
            throw new PersistenceException(at + " derives its key from " + target.getName() + "." + parentKey.name()
                    + ", which is stored as " + parentKey.kind() + "; DynamoDB keys must be strings, numbers or binary");
        }
        jakarta.persistence.JoinColumn[] columns = Annotations.all(p.annotated(), jakarta.persistence.JoinColumn.class);
        if (columns.length > 1) {
            throw new PersistenceException(at + " has " + columns.length + " @JoinColumns but " + target.getSimpleName()
                    + "'s key is one attribute; declare one");
        }
        String stored = columns.length == 1 && !columns[0].name().isEmpty() ? columns[0].name()
                : p.name() + "_" + parentKey.storedName();
        Accessor accessor = Accessor.through(p.accessor(), parentKey.accessor());
        return new AttributeMeta(p.name(), stored, parentKey.javaType(), null, accessor, parentKey.codec(), null,
                p.member(), role);
    }

    private AttributeMeta keyAttribute(Property p, AttributeMeta.Role role, Accessor accessor, String where) {
        if (toOne(p)) {
            return derivedKeyAttribute(p, role, where);
        }
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
