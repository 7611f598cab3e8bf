package io.jynamo.internal.graph;

import jakarta.persistence.AttributeNode;
import jakarta.persistence.Subgraph;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An attribute of an entity graph, with the subgraph of its target (a relationship's) if one was added.
 *
 * @param <T> the attribute's type
 */
final class NodeImpl<T> implements AttributeNode<T> {
    private final String name;
    private final Map<Class, Subgraph> subgraphs = new LinkedHashMap<>();

    NodeImpl(String name) {
        this.name = name;
    }

    GraphImpl<?> subgraph() {
        return subgraphs.isEmpty() ? null : (GraphImpl<?>) subgraphs.values().iterator().next();
    }

    void subgraph(GraphImpl<?> graph) {
        subgraphs.put(graph.getClassType(), graph);
    }

    NodeImpl<T> copy(boolean mutable) {
        NodeImpl<T> c = new NodeImpl<>(name);
        subgraphs.forEach((type, g) -> c.subgraphs.put(type, ((GraphImpl<?>) g).copy(null, mutable)));
        return c;
    }

    @Override
    public String getAttributeName() {
        return name;
    }

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public Map<Class, Subgraph> getSubgraphs() {
        return java.util.Collections.unmodifiableMap(subgraphs);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Map<Class, Subgraph> getKeySubgraphs() {
        return Map.of();
    }
}
