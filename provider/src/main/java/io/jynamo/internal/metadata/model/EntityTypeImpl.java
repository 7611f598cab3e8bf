package io.jynamo.internal.metadata.model;

import io.jynamo.internal.metadata.AttributeMeta;
import io.jynamo.internal.metadata.EntityMeta;
import jakarta.persistence.metamodel.EntityType;
import jakarta.persistence.metamodel.IdentifiableType;
import jakarta.persistence.metamodel.SingularAttribute;
import jakarta.persistence.metamodel.Type;

import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * An entity. Its id is one of three shapes: a single {@code @Id} (the partition key), an
 * {@code @IdClass} whose two {@code @Id} attributes are the partition and sort keys, or an
 * {@code @EmbeddedId}, which the metamodel shows as one embedded attribute although the metadata
 * flattens it into the two key attributes. The supertype of an entity is its entity superclass, if any.
 */
final class EntityTypeImpl<X> extends ManagedTypeImpl<X> implements EntityType<X> {

    private final String name;
    private final EntityMeta.IdKind idKind;
    private final SingularAttributeImpl<X, ?> singleId;
    private final Set<SingularAttribute<? super X, ?>> idClassAttributes;
    private final SingularAttributeImpl<X, ?> version;
    private final Type<?> idType;
    private final EntityTypeImpl<? super X> supertype;

    @SuppressWarnings("unchecked")
    EntityTypeImpl(EntityMeta meta, TypeRegistry types, EntityTypeImpl<? super X> supertype) {
        super((Class<X>) meta.javaClass(), modelAttributes(meta), idNames(meta), types, supertype);
        this.supertype = supertype;
        this.name = meta.name();
        this.idKind = meta.idKind();
        this.version = meta.version() == null ? null : (SingularAttributeImpl<X, ?>) attribute(meta.version().name());
        switch (idKind) {
            case ID_CLASS -> {
                this.singleId = null;
                Set<SingularAttribute<? super X, ?>> ids = new LinkedHashSet<>();
                ids.add((SingularAttributeImpl<X, ?>) attribute(meta.partitionKey().name()));
                ids.add((SingularAttributeImpl<X, ?>) attribute(meta.sortKey().name()));
                this.idClassAttributes = Collections.unmodifiableSet(ids);
                this.idType = types.idClass(meta.idType(), idClassParts(meta));
            }
            case EMBEDDED_ID -> {
                this.singleId = (SingularAttributeImpl<X, ?>) attribute(meta.embeddedId().name());
                this.idClassAttributes = null;
                this.idType = singleId.getType();
            }
            default -> {
                this.singleId = (SingularAttributeImpl<X, ?>) attribute(meta.partitionKey().name());
                this.idClassAttributes = null;
                this.idType = singleId.getType();
            }
        }
    }

    /**
     * The attributes as the metamodel shows them: for an {@code @EmbeddedId}, the embedded id in
     * place of the key parts the metadata flattened out of it.
     */
    private static List<AttributeMeta> modelAttributes(EntityMeta meta) {
        if (meta.idKind() != EntityMeta.IdKind.EMBEDDED_ID) {
            return meta.attributes();
        }
        List<AttributeMeta> parts = new ArrayList<>();
        parts.add(meta.partitionKey());
        if (meta.sortKey() != null) {
            parts.add(meta.sortKey());
        }
        AttributeMeta id = meta.embeddedId();
        List<AttributeMeta> result = new ArrayList<>();
        result.add(new AttributeMeta(id.name(), id.storedName(), id.javaType(), null, id.accessor(), id.codec(),
                new AttributeMeta.EmbeddableMeta(id.javaType(), null, parts), id.member(), AttributeMeta.Role.EMBEDDED));
        for (AttributeMeta a : meta.attributes()) {
            if (a != meta.partitionKey() && a != meta.sortKey()) {
                result.add(a);
            }
        }
        return result;
    }

    private static Set<String> idNames(EntityMeta meta) {
        return switch (meta.idKind()) {
            case SIMPLE -> Set.of(meta.partitionKey().name());
            case ID_CLASS -> Set.of(meta.partitionKey().name(), meta.sortKey().name());
            case EMBEDDED_ID -> Set.of(meta.embeddedId().name());
        };
    }

    /**
     * The attributes of the {@code @IdClass}: named and stored as the entity's key attributes, but
     * typed and located in the id class. The metadata checked that the id class has them.
     */
    private static List<AttributeMeta> idClassParts(EntityMeta meta) {
        List<AttributeMeta> parts = new ArrayList<>();
        for (AttributeMeta key : List.of(meta.partitionKey(), meta.sortKey())) {
            Member member = idClassMember(meta.idType(), key.name());
            Class<?> type = member instanceof Field f ? f.getType()
                    : member instanceof Method m ? m.getReturnType() : key.javaType();
            parts.add(new AttributeMeta(key.name(), key.storedName(), type, null, null, key.codec(), null,
                    member != null ? member : key.member(), key.role()));
        }
        return parts;
    }

    private static Member idClassMember(Class<?> idClass, String name) {
        String suffix = Character.toUpperCase(name.charAt(0)) + name.substring(1);
        for (Class<?> c = idClass; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (f.getName().equals(name)) {
                    return f;
                }
            }
            for (Method m : c.getDeclaredMethods()) {
                if (m.getParameterCount() == 0 && (m.getName().equals("get" + suffix) || m.getName().equals("is" + suffix))) {
                    return m;
                }
            }
        }
        return null;
    }

    /** The entity name, as JPQL uses it. */
    @Override
    public String getName() {
        return name;
    }

    @Override
    public PersistenceType getPersistenceType() {
        return PersistenceType.ENTITY;
    }

    @Override
    public BindableType getBindableType() {
        return BindableType.ENTITY_TYPE;
    }

    @Override
    public Class<X> getBindableJavaType() {
        return getJavaType();
    }

    /**
     * The {@code @Id} or {@code @EmbeddedId} attribute.
     *
     * @throws IllegalArgumentException if the entity has an {@code @IdClass}, or if the id is not of that type
     */
    @Override
    public <Y> SingularAttribute<? super X, Y> getId(Class<Y> type) {
        requireSingleId();
        requireType(singleId, "type", type, singleId.getJavaType());
        return cast(singleId);
    }

    /**
     * The {@code @Id} or {@code @EmbeddedId} attribute.
     *
     * @throws IllegalArgumentException if the entity has an {@code @IdClass}, or if the id is not of that type
     */
    @Override
    public <Y> SingularAttribute<X, Y> getDeclaredId(Class<Y> type) {
        requireSingleId();
        declared(singleId.getName());
        requireType(singleId, "type", type, singleId.getJavaType());
        return cast(singleId);
    }

    private void requireSingleId() {
        if (singleId == null) {
            throw new IllegalArgumentException(capitalized(describe()) + " has an @IdClass with the id attributes "
                    + names(idClassAttributes) + "; use getIdClassAttributes() instead of getId");
        }
    }

    /**
     * The {@code @Version} attribute.
     *
     * @throws IllegalArgumentException if there is none, or it is not of that type
     */
    @Override
    public <Y> SingularAttribute<? super X, Y> getVersion(Class<Y> type) {
        if (version == null) {
            throw new IllegalArgumentException(capitalized(describe()) + " has no @Version attribute");
        }
        requireType(version, "type", type, version.getJavaType());
        return cast(version);
    }

    /**
     * The {@code @Version} attribute.
     *
     * @throws IllegalArgumentException if there is none, or it is not of that type
     */
    @Override
    public <Y> SingularAttribute<X, Y> getDeclaredVersion(Class<Y> type) {
        if (version == null) {
            throw new IllegalArgumentException(capitalized(describe()) + " has no @Version attribute");
        }
        declared(version.getName());
        requireType(version, "type", type, version.getJavaType());
        return cast(version);
    }

    /**
     * The entity supertype in an entity hierarchy, else {@code null}: mapped superclasses are not shown
     * as types (their attributes are the entity's own in this metamodel).
     */
    @Override
    public IdentifiableType<? super X> getSupertype() {
        return supertype;
    }


    /** {@code true} for an {@code @Id} or {@code @EmbeddedId}, {@code false} for an {@code @IdClass}. */
    @Override
    public boolean hasSingleIdAttribute() {
        return singleId != null;
    }

    @Override
    public boolean hasVersionAttribute() {
        return version != null;
    }

    /**
     * The partition and sort key attributes of an entity with an {@code @IdClass}.
     *
     * @throws IllegalArgumentException if the entity has a single id attribute
     */
    @Override
    public Set<SingularAttribute<? super X, ?>> getIdClassAttributes() {
        if (idClassAttributes == null) {
            throw new IllegalArgumentException(capitalized(describe()) + " has the single id attribute '"
                    + singleId.getName() + "' and no @IdClass; use getId(" + singleId.getJavaType().getSimpleName()
                    + ".class)");
        }
        return idClassAttributes;
    }

    /**
     * The basic type of a single {@code @Id}, the embeddable type of an {@code @EmbeddedId}, or the
     * type of the {@code @IdClass} (an embeddable type with the two key attributes).
     */
    @Override
    public Type<?> getIdType() {
        return idType;
    }

    @Override
    String describe() {
        return "entity " + name;
    }

    private static List<String> names(Set<? extends SingularAttribute<?, ?>> attributes) {
        return attributes.stream().map(SingularAttribute::getName).toList();
    }

    @Override
    public String toString() {
        return "EntityType[" + name + "]";
    }
}
