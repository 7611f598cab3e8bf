package io.jynamo.internal.metadata.model;

import jakarta.persistence.metamodel.CollectionAttribute;
import jakarta.persistence.metamodel.ListAttribute;
import jakarta.persistence.metamodel.MapAttribute;
import jakarta.persistence.metamodel.PluralAttribute;
import jakarta.persistence.metamodel.SetAttribute;
import jakarta.persistence.metamodel.Type;

import java.lang.reflect.Member;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * An element collection of basic values or embeddables, stored as one DynamoDB list or set, or a
 * {@code Map} element collection stored as one DynamoDB map; or a to-many relationship, whose elements
 * are of an entity type.
 */
abstract class PluralAttributeImpl<X, C, E> extends AttributeImpl<X, C> implements PluralAttribute<X, C, E> {

    private final Type<E> elementType;
    private final CollectionType collectionType;

    PluralAttributeImpl(ManagedTypeImpl<X> declaringType, String name, Class<C> javaType, Member member,
                        Type<E> elementType, CollectionType collectionType) {
        this(declaringType, name, javaType, member, elementType, collectionType, PersistentAttributeType.ELEMENT_COLLECTION);
    }

    /** A plural attribute of another kind: a to-many relationship, whose element type is an entity type. */
    PluralAttributeImpl(ManagedTypeImpl<X> declaringType, String name, Class<C> javaType, Member member,
                        Type<E> elementType, CollectionType collectionType, PersistentAttributeType kind) {
        super(declaringType, name, javaType, member, kind);
        this.elementType = elementType;
        this.collectionType = collectionType;
    }

    @Override
    public CollectionType getCollectionType() {
        return collectionType;
    }

    /** The basic type of the elements. */
    @Override
    public Type<E> getElementType() {
        return elementType;
    }

    @Override
    public boolean isCollection() {
        return true;
    }

    @Override
    public BindableType getBindableType() {
        return BindableType.PLURAL_ATTRIBUTE;
    }

    /** The element class, as the spec asks of plural attributes. */
    @Override
    public Class<E> getBindableJavaType() {
        return elementType.getJavaType();
    }

    @Override
    String describeKind() {
        return getJavaType().getSimpleName() + " attribute of " + elementType.getJavaType().getName();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static <C> Class<C> raw(Class<?> type) {
        return (Class) type;
    }

    /** A {@code Set<E>} attribute. */
    static final class SetAttributeImpl<X, E> extends PluralAttributeImpl<X, Set<E>, E> implements SetAttribute<X, E> {
        SetAttributeImpl(ManagedTypeImpl<X> declaringType, String name, Member member, Type<E> elementType) {
            super(declaringType, name, raw(Set.class), member, elementType, CollectionType.SET);
        }

        SetAttributeImpl(ManagedTypeImpl<X> declaringType, String name, Member member, Type<E> elementType,
                                 PersistentAttributeType kind) {
            super(declaringType, name, raw(Set.class), member, elementType, CollectionType.SET, kind);
        }
    }

    /** A {@code List<E>} attribute. */
    static final class ListAttributeImpl<X, E> extends PluralAttributeImpl<X, List<E>, E> implements ListAttribute<X, E> {
        ListAttributeImpl(ManagedTypeImpl<X> declaringType, String name, Member member, Type<E> elementType) {
            super(declaringType, name, raw(List.class), member, elementType, CollectionType.LIST);
        }

        ListAttributeImpl(ManagedTypeImpl<X> declaringType, String name, Member member, Type<E> elementType,
                                  PersistentAttributeType kind) {
            super(declaringType, name, raw(List.class), member, elementType, CollectionType.LIST, kind);
        }
    }

    /** A {@code Collection<E>} attribute. */
    static final class CollectionAttributeImpl<X, E> extends PluralAttributeImpl<X, Collection<E>, E>
            implements CollectionAttribute<X, E> {
        CollectionAttributeImpl(ManagedTypeImpl<X> declaringType, String name, Member member, Type<E> elementType) {
            super(declaringType, name, raw(Collection.class), member, elementType, CollectionType.COLLECTION);
        }

        CollectionAttributeImpl(ManagedTypeImpl<X> declaringType, String name, Member member, Type<E> elementType,
                                        PersistentAttributeType kind) {
            super(declaringType, name, raw(Collection.class), member, elementType, CollectionType.COLLECTION, kind);
        }
    }

    /** A {@code Map<K, V>} attribute: its element type is the value type. */
    static final class MapAttributeImpl<X, K, V> extends PluralAttributeImpl<X, java.util.Map<K, V>, V>
            implements MapAttribute<X, K, V> {
        private final Type<K> keyType;

        MapAttributeImpl(ManagedTypeImpl<X> declaringType, String name, Member member, Type<K> keyType, Type<V> valueType) {
            this(declaringType, name, member, keyType, valueType, PersistentAttributeType.ELEMENT_COLLECTION);
        }

        /** A map of another kind: a to-many relationship keyed by an attribute of its targets ({@code @MapKey}). */
        MapAttributeImpl(ManagedTypeImpl<X> declaringType, String name, Member member, Type<K> keyType, Type<V> valueType,
                         PersistentAttributeType kind) {
            super(declaringType, name, raw(java.util.Map.class), member, valueType, CollectionType.MAP, kind);
            this.keyType = keyType;
        }

        @Override
        public Class<K> getKeyJavaType() {
            return keyType.getJavaType();
        }

        @Override
        public Type<K> getKeyType() {
            return keyType;
        }
    }
}
