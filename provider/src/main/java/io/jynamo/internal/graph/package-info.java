/**
 * Entity graphs: which relationships {@code find} and queries load with their results (the
 * {@code jakarta.persistence.fetchgraph} / {@code loadgraph} hints). Basic attributes are always loaded
 * (an item is read whole), so a graph's attribute nodes matter for relationships only.
 */
package io.jynamo.internal.graph;
