package io.jynamo.internal.cache;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.Map;

/**
 * Where one item lives in the shared cache: its root entity (the entities of one SINGLE_TABLE hierarchy
 * share their table and so their keys) and its DynamoDB key attributes.
 */
record CacheKey(String entity, Map<String, AttributeValue> key) {
}
