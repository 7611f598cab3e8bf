package io.jynamo.jpql;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The key of one entity as a step's result ({@link RelationStep}): key path ({@code EntityInfo.keyPaths()}) to Java
 * value. The provider binds a list of them under the step's {@link RelationStep#key()}; a {@code null} in that list
 * stands for an unknown element (a NULL or keyless {@code MEMBER OF} argument), which makes the condition UNKNOWN.
 *
 * @param values key path to value
 */
public record EntityKey(Map<String, Object> values) {
    /** Copies the map, keeping its order. */
    public EntityKey {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }
}
