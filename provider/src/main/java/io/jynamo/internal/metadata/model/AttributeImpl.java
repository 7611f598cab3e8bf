package io.jynamo.internal.metadata.model;

import io.jynamo.internal.metadata.Annotations;
import io.jynamo.internal.metadata.AttributeMeta;
import jakarta.persistence.Basic;
import jakarta.persistence.metamodel.Attribute;
import jakarta.persistence.metamodel.ManagedType;
import jakarta.persistence.metamodel.Type;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Member;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * What every metamodel attribute has: a name, a declared Java type, the field or getter, and the
 * managed type declaring it. Instances are made once by their declaring type and never change.
 */
abstract class AttributeImpl<X, Y> implements Attribute<X, Y> {

    private final ManagedTypeImpl<X> declaringType;
    private final String name;
    private final Class<Y> javaType;
    private final Member member;
    private final PersistentAttributeType persistentAttributeType;

    AttributeImpl(ManagedTypeImpl<X> declaringType, String name, Class<Y> javaType, Member member,
                  PersistentAttributeType persistentAttributeType) {
        this.declaringType = declaringType;
        this.name = name;
        this.javaType = javaType;
        this.member = member;
        this.persistentAttributeType = persistentAttributeType;
    }

    /**
     * The metamodel attribute of one mapped attribute. Called by the declaring type's constructor,
     * which therefore passes itself before it is fully built; the attribute only stores it.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static <X> AttributeImpl<X, ?> of(ManagedTypeImpl<X> owner, AttributeMeta meta, boolean id, TypeRegistry types) {
        // the owner is still being built: only its Java type is set
        String where = owner.getJavaType().getName() + " attribute '" + meta.name() + "'";
        Class javaType = meta.javaType();
        switch (meta.role()) {
            case COLLECTION: {
                AttributeMeta.EmbeddableMeta embeddable = meta.elementEmbeddable();
                Type element = embeddable != null
                        ? types.embeddable(embeddable.javaClass(), embeddable.attributes()) : types.basic(meta.elementType());
                if (javaType == Set.class) {
                    return new PluralAttributeImpl.SetAttributeImpl<>(owner, meta.name(), meta.member(), element);
                }
                if (javaType == List.class) {
                    return new PluralAttributeImpl.ListAttributeImpl<>(owner, meta.name(), meta.member(), element);
                }
                if (javaType == java.util.Map.class) {
                    Class<?> keyClass = mapKeyClass(meta.member());
                    AttributeMeta.EmbeddableMeta keyEmbeddable = meta.keyEmbeddable();
                    Type key = keyEmbeddable != null
                            ? types.embeddable(keyEmbeddable.javaClass(), keyEmbeddable.attributes()) : types.basic(keyClass);
                    return new PluralAttributeImpl.MapAttributeImpl<>(owner, meta.name(), meta.member(), key, element);
                }
                if (javaType == Collection.class) {
                    return new PluralAttributeImpl.CollectionAttributeImpl<>(owner, meta.name(), meta.member(), element);
                }
                throw new IllegalStateException(where + " is a collection of type " + javaType.getName()
                        + "; the metadata should only admit List, Set or Collection");
            }
            case EMBEDDED: {
                if (meta.embeddable() == null) {
                    throw new IllegalStateException(where + " is embedded but its metadata lists no embeddable attributes");
                }
                Type type = types.embeddable(meta.embeddable().javaClass(), meta.embeddable().attributes());
                return new SingularAttributeImpl<>(owner, meta.name(), javaType, meta.member(),
                        PersistentAttributeType.EMBEDDED, type, id, false, !id && !required(meta));
            }
            default: {
                boolean optional = !id && !javaType.isPrimitive() && !meta.isKey()
                        && meta.role() != AttributeMeta.Role.GENERATED_UUID && !required(meta);
                return new SingularAttributeImpl<>(owner, meta.name(), javaType, meta.member(),
                        PersistentAttributeType.BASIC, types.basic(javaType), id,
                        meta.role() == AttributeMeta.Role.VERSION, optional);
            }
        }
    }

    /** {@code @MapKeyClass} if given (the metadata took it over the type arguments), else the declared key type. */
    private static Class<?> mapKeyClass(Member member) {
        jakarta.persistence.MapKeyClass declared = io.jynamo.internal.metadata.Annotations.get(
                (java.lang.reflect.AnnotatedElement) member, jakarta.persistence.MapKeyClass.class);
        if (declared != null && declared.value() != void.class) {
            return declared.value();
        }
        java.lang.reflect.Type key = ((java.lang.reflect.ParameterizedType) genericType(member)).getActualTypeArguments()[0];
        return key instanceof Class<?> c ? c : (Class<?>) ((java.lang.reflect.ParameterizedType) key).getRawType();
    }

    private static java.lang.reflect.Type genericType(Member member) {
        return member instanceof java.lang.reflect.Field f ? f.getGenericType()
                : ((java.lang.reflect.Method) member).getGenericReturnType();
    }

    /** Whether the mapping says {@code @Basic(optional = false)}. */
    private static boolean required(AttributeMeta meta) {
        if (meta.member() instanceof AnnotatedElement annotated) {
            Basic basic = Annotations.get(annotated, Basic.class);
            return basic != null && !basic.optional();
        }
        return false;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public PersistentAttributeType getPersistentAttributeType() {
        return persistentAttributeType;
    }

    @Override
    public ManagedType<X> getDeclaringType() {
        return declaringType;
    }

    /** The declared type: primitive attributes answer the primitive class, as other providers do. */
    @Override
    public Class<Y> getJavaType() {
        return javaType;
    }

    /** The field (field access) or the getter (property access). */
    @Override
    public Member getJavaMember() {
        return member;
    }

    /** Whether it is a relationship: {@code @ManyToOne}, {@code @OneToOne}, {@code @OneToMany} or {@code @ManyToMany}. */
    @Override
    public boolean isAssociation() {
        return persistentAttributeType == PersistentAttributeType.MANY_TO_ONE
                || persistentAttributeType == PersistentAttributeType.ONE_TO_ONE
                || persistentAttributeType == PersistentAttributeType.ONE_TO_MANY
                || persistentAttributeType == PersistentAttributeType.MANY_TO_MANY;
    }

    /** The metamodel attribute of a relationship, whose type is the target's entity type. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static <X> AttributeImpl<X, ?> of(ManagedTypeImpl<X> owner, io.jynamo.internal.metadata.AssociationMeta a, Type target,
                                      Type entityKey, TypeRegistry types) {
        PersistentAttributeType kind = a.kind().attributeType();
        if (a.collectionType() == java.util.Map.class) {
            return new PluralAttributeImpl.MapAttributeImpl<>(owner, a.name(), a.member(), entityKey != null ? entityKey
                    : types.basic(a.mapKeyJavaType()),
                    target, kind);
        }
        if (!a.toMany()) {
            return new SingularAttributeImpl<>(owner, a.name(), (Class) a.javaType(), a.member(), kind, target, false, false,
                    a.optional());
        }
        if (a.collectionType() == Set.class) {
            return new PluralAttributeImpl.SetAttributeImpl<>(owner, a.name(), a.member(), target, kind);
        }
        if (a.collectionType() == List.class) {
            return new PluralAttributeImpl.ListAttributeImpl<>(owner, a.name(), a.member(), target, kind);
        }
        return new PluralAttributeImpl.CollectionAttributeImpl<>(owner, a.name(), a.member(), target, kind);
    }

    /** Says what the attribute is, for error messages: "a singular attribute of type long". */
    abstract String describeKind();

    @Override
    public String toString() {
        return declaringType.getJavaType().getSimpleName() + "." + name;
    }
}
