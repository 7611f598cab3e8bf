package io.jynamo.jpql.model;

import java.util.List;
import java.util.Map;

/**
 * What the compiler knows of one entity.
 *
 * @param name         the JPQL entity name
 * @param tableName    the DynamoDB table name (prefix already applied)
 * @param partitionKey JPQL path of the partition key attribute
 * @param sortKey      JPQL path of the sort key attribute, or {@code null}
 * @param indexes      secondary indexes
 * @param attributes   every queryable attribute by JPQL path (keys included)
 */
public record EntityInfo(String name, String tableName, String partitionKey, String sortKey,
                         List<IndexInfo> indexes, Map<String, AttributeInfo> attributes) {
    public EntityInfo {
        indexes = List.copyOf(indexes);
        attributes = Map.copyOf(attributes);
    }
}
