package io.jynamo.internal.metadata.model;

import io.jynamo.internal.metadata.AttributeMeta;
import io.jynamo.internal.metadata.EntityMeta;
import jakarta.persistence.metamodel.IdentifiableType;
import jakarta.persistence.metamodel.SingularAttribute;
import jakarta.persistence.metamodel.Type;

import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An entity or a mapped superclass: a type that may have the id and version of its entities. Both come
 * from the entity's metadata; a mapped superclass has them only when it (or a supertype) declares them.
 * The supertype is the nearest mapped superclass or entity superclass, or {@code null}.
 */
abstract class IdentifiableTypeImpl<X> extends ManagedTypeImpl<X> implements IdentifiableType<X> {

    private final SingularAttributeImpl<X, ?> singleId;
    private final Set<SingularAttribute<? super X, ?>> idClassAttributes;
    private final SingularAttributeImpl<X, ?> version;
    private final Type<?> idType;
    private final IdentifiableTypeImpl<? super X> supertype;

    /**
     * @param meta       the entity the type's id and version are read from (for a mapped superclass, one entity below it)
     * @param attributes the type's attributes, those it inherits included
     */
    @SuppressWarnings("unchecked")
    IdentifiableTypeImpl(Class<X> javaType, EntityMeta meta, List<AttributeMeta> attributes, TypeRegistry types,
                         IdentifiableTypeImpl<? super X> supertype) {
        super(javaType, attributes, idNames(meta), types, supertype);
        this.supertype = supertype;
        this.version = meta.version() == null || !has(meta.version().name()) ? null
                : (SingularAttributeImpl<X, ?>) attribute(meta.version().name());
        switch (meta.idKind()) {
            case ID_CLASS -> {
                this.singleId = null;
                if (declaredKeys(meta).stream().allMatch(k -> has(k.name()))) {
                    Set<SingularAttribute<? super X, ?>> ids = new LinkedHashSet<>();
                    for (AttributeMeta k : declaredKeys(meta)) {
                        ids.add((SingularAttributeImpl<X, ?>) attribute(k.name()));
                    }
                    this.idClassAttributes = Collections.unmodifiableSet(ids);
                    this.idType = types.idClass(meta.idType(), idClassParts(meta));
                } else {
                    this.idClassAttributes = null;
                    this.idType = null;
                }
            }
            case EMBEDDED_ID -> {
                this.singleId = has(meta.embeddedId().name()) ? (SingularAttributeImpl<X, ?>) attribute(meta.embeddedId().name()) : null;
                this.idClassAttributes = null;
                this.idType = singleId == null ? null : singleId.getType();
            }
            default -> {
                this.singleId = has(meta.partitionKey().name()) ? (SingularAttributeImpl<X, ?>) attribute(meta.partitionKey().name()) : null;
                this.idClassAttributes = null;
                this.idType = singleId == null ? null : singleId.getType();
            }
        }
    }

    /**
     * The attributes as the metamodel shows them: for an {@code @EmbeddedId}, the embedded id in
     * place of the key parts the metadata flattened out of it; never the sort key joined from a key's parts.
     */
    static List<AttributeMeta> modelAttributes(EntityMeta meta) {
        List<AttributeMeta> result = new ArrayList<>();
        if (meta.idKind() == EntityMeta.IdKind.EMBEDDED_ID) {
            AttributeMeta id = meta.embeddedId();
            result.add(new AttributeMeta(id.name(), id.storedName(), id.javaType(), null, id.accessor(), id.codec(),
                    new AttributeMeta.EmbeddableMeta(id.javaType(), null, declaredKeys(meta)), id.member(),
                    AttributeMeta.Role.EMBEDDED));
        } else {
            result.addAll(declaredKeys(meta));
        }
        for (AttributeMeta a : meta.attributes()) {
            if (a != meta.sortKey() && !meta.keyParts().contains(a)) {
                result.add(a);
            }
        }
        return result;
    }

    /**
     * The key attributes as the model declares them: the attributes a parent's composite key gives a derived
     * identity ({@code emp.firstName}, {@code emp.lastName}) are the one attribute that holds it ({@code emp}: the
     * relationship, which stands for it in the model, or the part of an {@code @EmbeddedId} of the parent's id type).
     */
    private static List<AttributeMeta> declaredKeys(EntityMeta meta) {
        Map<String, AttributeMeta> byName = new LinkedHashMap<>();
        for (AttributeMeta k : meta.keyParts()) {
            int dot = k.name().indexOf('.');
            if (dot < 0) {
                byName.put(k.name(), k);
                continue;
            }
            String name = k.name().substring(0, dot);
            Member part = meta.idKind() == EntityMeta.IdKind.EMBEDDED_ID ? idClassMember(meta.idType(), name) : null;
            Class<?> type = part instanceof Field f ? f.getType() : part instanceof Method m ? m.getReturnType()
                    : k.javaType();
            byName.putIfAbsent(name, new AttributeMeta(name, k.storedName(), type, null, k.accessor(), k.codec(), null,
                    part != null ? part : k.member(), k.role()));
        }
        return List.copyOf(byName.values());
    }

    private static Set<String> idNames(EntityMeta meta) {
        return switch (meta.idKind()) {
            case SIMPLE -> Set.of(meta.partitionKey().name());
            case ID_CLASS -> declaredKeys(meta).stream().map(AttributeMeta::name).collect(java.util.stream.Collectors.toSet());
            case EMBEDDED_ID -> Set.of(meta.embeddedId().name());
        };
    }

    /**
     * The attributes of the {@code @IdClass}: named and stored as the entity's key attributes, but
     * typed and located in the id class. The metadata checked that the id class has them.
     */
    private static List<AttributeMeta> idClassParts(EntityMeta meta) {
        List<AttributeMeta> parts = new ArrayList<>();
        for (AttributeMeta key : declaredKeys(meta)) {
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

    /**
     * The {@code @Id} or {@code @EmbeddedId} attribute.
     *
     * @throws IllegalArgumentException if the type has an {@code @IdClass} or no id, or if the id is not of that type
     */
    @Override
    public <Y> SingularAttribute<? super X, Y> getId(Class<Y> type) {
        requireSingleId();
        requireType(singleId, "type", type, singleId.getJavaType());
        return cast(singleId);
    }

    /**
     * The {@code @Id} or {@code @EmbeddedId} attribute, if this type declares it.
     *
     * @throws IllegalArgumentException if the type has an {@code @IdClass} or no id, if a supertype declares it,
     *                                  or if the id is not of that type
     */
    @Override
    public <Y> SingularAttribute<X, Y> getDeclaredId(Class<Y> type) {
        requireSingleId();
        declared(singleId.getName());
        requireType(singleId, "type", type, singleId.getJavaType());
        return cast(singleId);
    }

    private void requireSingleId() {
        if (idClassAttributes != null) {
            throw new IllegalArgumentException(capitalized(describe()) + " has an @IdClass with the id attributes "
                    + names(idClassAttributes) + "; use getIdClassAttributes() instead of getId");
        }
        if (singleId == null) {
            throw noId();
        }
    }

    private IllegalArgumentException noId() {
        return new IllegalArgumentException(capitalized(describe()) + " has no id attribute; the entities extending it"
                + " declare their ids");
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
     * The {@code @Version} attribute, if this type declares it.
     *
     * @throws IllegalArgumentException if there is none, a supertype declares it, or it is not of that type
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

    /** The nearest mapped superclass or entity superclass, else {@code null}. */
    @Override
    public IdentifiableType<? super X> getSupertype() {
        return supertype;
    }

    /** {@code true} for an {@code @Id} or {@code @EmbeddedId}, {@code false} for an {@code @IdClass} (or no id). */
    @Override
    public boolean hasSingleIdAttribute() {
        return singleId != null;
    }

    @Override
    public boolean hasVersionAttribute() {
        return version != null;
    }

    /**
     * The id attributes of a type with an {@code @IdClass}.
     *
     * @throws IllegalArgumentException if the type has a single id attribute, or no id
     */
    @Override
    public Set<SingularAttribute<? super X, ?>> getIdClassAttributes() {
        if (idClassAttributes == null) {
            if (singleId == null) {
                throw noId();
            }
            throw new IllegalArgumentException(capitalized(describe()) + " has the single id attribute '"
                    + singleId.getName() + "' and no @IdClass; use getId(" + singleId.getJavaType().getSimpleName()
                    + ".class)");
        }
        return idClassAttributes;
    }

    /**
     * The basic type of a single {@code @Id}, the embeddable type of an {@code @EmbeddedId}, or the
     * type of the {@code @IdClass} (an embeddable type with the key attributes); {@code null} without an id.
     */
    @Override
    public Type<?> getIdType() {
        return idType;
    }

    private static List<String> names(Set<? extends SingularAttribute<?, ?>> attributes) {
        return attributes.stream().map(SingularAttribute::getName).toList();
    }
}
