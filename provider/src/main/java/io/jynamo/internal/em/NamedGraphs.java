package io.jynamo.internal.em;

import io.jynamo.internal.graph.GraphImpl;
import io.jynamo.internal.metadata.Annotations;
import io.jynamo.internal.metadata.EntityMeta;
import io.jynamo.internal.metadata.Metadata;
import jakarta.persistence.NamedAttributeNode;
import jakarta.persistence.NamedEntityGraph;
import jakarta.persistence.NamedSubgraph;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.Subgraph;
import jakarta.persistence.metamodel.Metamodel;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** The {@code @NamedEntityGraph}s of a unit's entities, as immutable graphs by name. */
final class NamedGraphs {
    private NamedGraphs() {
    }

    static Map<String, GraphImpl<?>> read(Metadata metadata, Metamodel metamodel) {
        Map<String, GraphImpl<?>> graphs = new LinkedHashMap<>();
        for (EntityMeta e : metadata.entities()) {
            for (NamedEntityGraph declared : Annotations.all(e.javaClass(), NamedEntityGraph.class)) {
                String name = declared.name().isEmpty() ? e.name() : declared.name();
                String where = "@NamedEntityGraph '" + name + "' of " + e.javaClass().getName();
                if (graphs.containsKey(name)) {
                    throw new PersistenceException(where + ": another entity graph has that name; names are unique in a unit");
                }
                Map<String, NamedSubgraph> subgraphs = new HashMap<>();
                for (NamedSubgraph s : declared.subgraphs()) {
                    subgraphs.put(s.name(), s);
                }
                GraphImpl<?> graph = new GraphImpl<>(name, metamodel.entity(e.javaClass()), true);
                try {
                    add(graph, declared.attributeNodes(), subgraphs, where, 0);
                } catch (IllegalArgumentException ex) {
                    throw new PersistenceException(where + ": " + ex.getMessage(), ex);
                }
                graphs.put(name, graph.copy(name, false));
            }
        }
        return graphs;
    }

    private static void add(jakarta.persistence.Graph<?> graph, NamedAttributeNode[] nodes, Map<String, NamedSubgraph> subgraphs,
                            String where, int depth) {
        if (depth > 32) {
            throw new IllegalArgumentException("its subgraphs refer to each other in a cycle");
        }
        for (NamedAttributeNode n : nodes) {
            if (n.subgraph().isEmpty()) {
                graph.addAttributeNode(n.value());
                continue;
            }
            NamedSubgraph s = subgraphs.get(n.subgraph());
            if (s == null) {
                throw new IllegalArgumentException("attribute node '" + n.value() + "' names the subgraph '" + n.subgraph()
                        + "', which the graph does not declare");
            }
            Subgraph<?> sub = graph.addSubgraph(n.value());
            add(sub, s.attributeNodes(), subgraphs, where, depth + 1);
        }
    }
}
