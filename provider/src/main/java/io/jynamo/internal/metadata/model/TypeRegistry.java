package io.jynamo.internal.metadata.model;

import io.jynamo.internal.metadata.AttributeMeta;
import io.jynamo.internal.metadata.Types;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hands out the one type object per Java class while a {@link MetamodelImpl} is being built, so
 * every attribute of the same class shares it. Used only inside the metamodel's constructor.
 */
final class TypeRegistry {

    private final Map<Class<?>, BasicTypeImpl<?>> basics = new HashMap<>();
    private final Map<Class<?>, EmbeddableTypeImpl<?>> embeddables = new LinkedHashMap<>();

    /** The basic type of a class; primitives share the type of their wrapper. */
    BasicTypeImpl<?> basic(Class<?> type) {
        Class<?> boxed = Types.box(type);
        BasicTypeImpl<?> basic = basics.get(boxed);
        if (basic == null) {
            basic = new BasicTypeImpl<>(boxed);
            basics.put(boxed, basic);
        }
        return basic;
    }

    /**
     * The embeddable type of a class, built from the first mapping seen. Nested embeddables register
     * themselves while the outer one builds its attributes (embeddables cannot contain themselves).
     */
    EmbeddableTypeImpl<?> embeddable(Class<?> type, List<AttributeMeta> attributes) {
        EmbeddableTypeImpl<?> existing = embeddables.get(type);
        if (existing != null) {
            return existing;
        }
        EmbeddableTypeImpl<?> created = new EmbeddableTypeImpl<>(type, attributes, this);
        embeddables.put(type, created);
        return created;
    }

    /**
     * The type of an {@code @IdClass}: it is not an embeddable of the persistence unit, so it is not
     * registered, unless the class is also mapped as an embeddable, whose type is then reused.
     */
    EmbeddableTypeImpl<?> idClass(Class<?> type, List<AttributeMeta> attributes) {
        EmbeddableTypeImpl<?> existing = embeddables.get(type);
        return existing != null ? existing : new EmbeddableTypeImpl<>(type, attributes, this);
    }

    /** Every registered embeddable type, in the order they were first met. */
    Map<Class<?>, EmbeddableTypeImpl<?>> embeddables() {
        return embeddables;
    }
}
