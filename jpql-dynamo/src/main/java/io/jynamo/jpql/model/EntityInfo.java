package io.jynamo.jpql.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What the compiler knows of one entity.
 *
 * @param name         the JPQL entity name
 * @param tableName    the DynamoDB table name (prefix already applied)
 * @param partitionKey JPQL path of the partition key attribute
 * @param sortKey      JPQL path of the sort key attribute, or {@code null}
 * @param indexes      secondary indexes
 * @param attributes   every queryable attribute by JPQL path (keys included, and the foreign-key attributes of
 *                     owning to-one associations)
 * @param associations the relationship attributes by name (empty when the entity has none)
 * @param javaType     the entity class, which an entity-valued parameter ({@code e = :entity}) must be an
 *                     instance of; {@code null} when unknown (any object is then handed to {@code keyOf})
 * @param keyOf        the key of an instance of this entity (or a subclass), as key path ({@link #partitionKey()},
 *                     {@link #sortKey()}) to the Java value; a missing or {@code null} value means the instance
 *                     has no key yet (then it equals nothing, like NULL). {@code null} when the model cannot
 *                     extract keys: entity-valued parameters are then refused at bind
 * @param sortKeyParts the paths of the attributes the sort key is joined from, in order (a key of three or more
 *                     attributes), else empty; see {@link io.jynamo.jpql.JoinedKey}
 */
public record EntityInfo(String name, String tableName, String partitionKey, String sortKey,
                         List<IndexInfo> indexes, Map<String, AttributeInfo> attributes,
                         Map<String, AssociationInfo> associations, Class<?> javaType,
                         Function<Object, Map<String, Object>> keyOf, List<String> sortKeyParts) {
    /** Copies the collections. */
    public EntityInfo {
        sortKeyParts = List.copyOf(sortKeyParts);
        indexes = List.copyOf(indexes);
        attributes = Map.copyOf(attributes);
        associations = Collections.unmodifiableMap(new LinkedHashMap<>(associations));
    }

    /** An entity whose sort key, if any, is an attribute of its own. */
    public EntityInfo(String name, String tableName, String partitionKey, String sortKey,
                      List<IndexInfo> indexes, Map<String, AttributeInfo> attributes,
                      Map<String, AssociationInfo> associations, Class<?> javaType,
                      Function<Object, Map<String, Object>> keyOf) {
        this(name, tableName, partitionKey, sortKey, indexes, attributes, associations, javaType, keyOf, List.of());
    }

    /** An entity without associations, whose instances cannot be compared by key in queries. */
    public EntityInfo(String name, String tableName, String partitionKey, String sortKey,
                      List<IndexInfo> indexes, Map<String, AttributeInfo> attributes) {
        this(name, tableName, partitionKey, sortKey, indexes, attributes, Map.of(), null, null);
    }

    /** The key paths in order: the partition key, then the sort key if there is one. */
    public List<String> keyPaths() {
        return sortKey == null ? List.of(partitionKey) : List.of(partitionKey, sortKey);
    }
}
