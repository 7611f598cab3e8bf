package io.jynamo.internal.graph;

import jakarta.persistence.metamodel.Attribute;
import jakarta.persistence.metamodel.ManagedType;
import jakarta.persistence.metamodel.PluralAttribute;
import jakarta.persistence.metamodel.SingularAttribute;
import jakarta.persistence.metamodel.Type;

/** The managed type a subgraph describes, from the attribute's metamodel type. */
final class Metamodels {
    private Metamodels() {
    }

    static ManagedType<?> managedType(ManagedType<?> owner, Attribute<?, ?> a, Class<?> declared) {
        Type<?> t = a instanceof PluralAttribute<?, ?, ?> p ? p.getElementType()
                : a instanceof SingularAttribute<?, ?> s ? s.getType() : null;
        if (t instanceof ManagedType<?> m) {
            return m;
        }
        throw new IllegalArgumentException(a.getName() + " of " + owner.getJavaType().getSimpleName()
                + " has no managed type (" + declared.getName() + ")");
    }
}
