package io.jynamo.internal.metadata;

/** A secondary index: global ({@code @Table(indexes)}) or local ({@code @LocalIndex}). */
public record IndexMeta(String name, AttributeMeta partitionKey, AttributeMeta sortKey, boolean global) {
}
