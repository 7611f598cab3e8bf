package io.jynamo.internal.cache;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.Map;

/**
 * Where one item lives in the shared cache: its entity (Jynamo maps no entity inheritance, so the
 * entity is its own root) and its DynamoDB key attributes.
 */
record CacheKey(String entity, Map<String, AttributeValue> key) {
}
