package io.jynamo.internal.query;

import io.jynamo.internal.graph.GraphImpl;

import java.util.Map;

/** The entity graph a {@code find} or a query is given as a hint, if any. */
public final class Graphs {
    /** JPA's hint names; Jynamo loads basic attributes whole either way, so both load the graph's relationships. */
    public static final String FETCH = "jakarta.persistence.fetchgraph";
    public static final String LOAD = "jakarta.persistence.loadgraph";

    private Graphs() {
    }

    /**
     * The graph of the hints, or {@code null}.
     *
     * @throws IllegalArgumentException when the hint holds something else than an entity graph of Jynamo's
     */
    public static GraphImpl<?> of(Map<String, ?> hints) {
        if (hints == null) {
            return null;
        }
        Object g = hints.get(FETCH);
        if (g == null) {
            g = hints.get(LOAD);
        }
        if (g == null || g instanceof GraphImpl<?>) {
            return (GraphImpl<?>) g;
        }
        throw new IllegalArgumentException("The hint " + FETCH + " / " + LOAD + " must be an EntityGraph made by"
                + " EntityManager.createEntityGraph or getEntityGraph, not " + g);
    }
}
