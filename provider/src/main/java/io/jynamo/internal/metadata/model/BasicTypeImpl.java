package io.jynamo.internal.metadata.model;

import jakarta.persistence.metamodel.BasicType;

/**
 * The metamodel type of a value stored as a single DynamoDB attribute (string, number, enum,
 * converted value...). One instance per boxed Java class and metamodel; equal by Java class.
 */
final class BasicTypeImpl<X> implements BasicType<X> {

    private final Class<X> javaType;

    BasicTypeImpl(Class<X> javaType) {
        this.javaType = javaType;
    }

    @Override
    public PersistenceType getPersistenceType() {
        return PersistenceType.BASIC;
    }

    /** The boxed Java class of the values. */
    @Override
    public Class<X> getJavaType() {
        return javaType;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BasicTypeImpl<?> other && other.javaType == javaType;
    }

    @Override
    public int hashCode() {
        return javaType.hashCode();
    }

    @Override
    public String toString() {
        return "BasicType[" + javaType.getName() + "]";
    }
}
