package io.jynamo.internal.metadata.model;

import jakarta.persistence.metamodel.SingularAttribute;
import jakarta.persistence.metamodel.Type;

import java.lang.reflect.Member;

/** A basic or embedded attribute, an id or a version among them. */
final class SingularAttributeImpl<X, T> extends AttributeImpl<X, T> implements SingularAttribute<X, T> {

    private final Type<T> type;
    private final boolean id;
    private final boolean version;
    private final boolean optional;

    SingularAttributeImpl(ManagedTypeImpl<X> declaringType, String name, Class<T> javaType, Member member,
                          PersistentAttributeType persistentAttributeType, Type<T> type,
                          boolean id, boolean version, boolean optional) {
        super(declaringType, name, javaType, member, persistentAttributeType);
        this.type = type;
        this.id = id;
        this.version = version;
        this.optional = optional;
    }

    @Override
    public boolean isId() {
        return id;
    }

    @Override
    public boolean isVersion() {
        return version;
    }

    /** {@code false} for ids, key parts, primitives and {@code @Basic(optional = false)}. */
    @Override
    public boolean isOptional() {
        return optional;
    }

    /** The basic type (of the wrapper class for primitives) or the embeddable type. */
    @Override
    public Type<T> getType() {
        return type;
    }

    @Override
    public boolean isCollection() {
        return false;
    }

    @Override
    public BindableType getBindableType() {
        return BindableType.SINGULAR_ATTRIBUTE;
    }

    /** The Java type of {@link #getType()}, hence the wrapper class for primitives. */
    @Override
    public Class<T> getBindableJavaType() {
        return type.getJavaType();
    }

    @Override
    String describeKind() {
        return "singular attribute of type " + getJavaType().getName();
    }
}
