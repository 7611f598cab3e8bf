/**
 * Numeric {@code @GeneratedValue} ids: hi/lo counters in the unit's generator table. Uses {@code dynamo} and
 * {@code metadata}; used by {@code em} (persist) and {@code schema} (the table).
 */
package io.jynamo.internal.idgen;
