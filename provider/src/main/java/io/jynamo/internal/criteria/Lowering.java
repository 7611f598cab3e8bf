package io.jynamo.internal.criteria;

import io.jynamo.internal.graph.GraphImpl;
import io.jynamo.jpql.ast.Param;
import io.jynamo.jpql.ast.Pos;
import jakarta.persistence.Parameter;
import jakarta.persistence.metamodel.ManagedType;

import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The state of turning one criteria query into a statement: the identification variables of its root and joins,
 * the values it carries (bound as parameters of generated names, so that plans are cached independently of
 * the values) and the parameter objects the application holds.
 */
final class Lowering {
    /** Criteria objects have no place in a text; errors name the construct instead. */
    static final Pos POS = new Pos(1, 1);

    private final Map<Object, String> variables = new IdentityHashMap<>();
    private final Map<String, Object> preset = new LinkedHashMap<>();
    private final Map<String, Parameter<?>> visible = new LinkedHashMap<>();
    private GraphImpl<?> fetchGraph;

    /** The identification variable of a root or a join: its alias, else {@code e0}, {@code e1}, ... in order of use. */
    String variable(FromImpl<?, ?> from) {
        return variables.computeIfAbsent(from, r -> from.getAlias() != null ? from.getAlias() : "e" + variables.size());
    }

    /** A parameter for a value the query carries. */
    Param value(Object value) {
        String name = "jynamo_value" + (preset.size() + 1);
        preset.put(name, value);
        return new Param(name, null, POS);
    }

    /** The statement's parameter for a parameter object of the application. */
    Param parameter(ParameterImpl<?> p) {
        Parameter<?> earlier = visible.putIfAbsent(p.statementName(), p);
        if (earlier != null && earlier != p) {
            throw new IllegalArgumentException("The criteria query has two parameters named '" + p.getName()
                    + "'; give each parameter its own name");
        }
        return new Param(p.statementName(), null, POS);
    }

    /** The entity graph of the fetches below fetches, made on first use. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    GraphImpl<?> fetchGraph(ManagedType<?> root) {
        if (fetchGraph == null) {
            fetchGraph = new GraphImpl(null, root, true);
        }
        return fetchGraph;
    }

    /** The entity graph of the fetches below fetches, or {@code null} for none. */
    GraphImpl<?> fetchGraph() {
        return fetchGraph;
    }

    Map<String, Object> preset() {
        return preset;
    }

    Map<String, Parameter<?>> visible() {
        return visible;
    }
}
