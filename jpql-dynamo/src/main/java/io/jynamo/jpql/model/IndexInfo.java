package io.jynamo.jpql.model;

/**
 * A secondary index of an entity's table.
 *
 * @param name         the DynamoDB index name
 * @param partitionKey JPQL path of the index partition key attribute
 * @param sortKey      JPQL path of the index sort key attribute, or {@code null}
 * @param global       {@code true} for a global secondary index, {@code false} for a local one
 */
public record IndexInfo(String name, String partitionKey, String sortKey, boolean global) {
}
