package io.jynamo.internal.query;

import io.jynamo.jpql.CompiledQuery;
import io.jynamo.jpql.ParameterInfo;
import jakarta.persistence.Parameter;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** The parameters of one query and the values bound to them, checked against what the query expects. */
final class Arguments {

    private final CompiledQuery compiled;
    private final Shaping shaping;
    private final Map<Object, Object> values = new HashMap<>();

    Arguments(CompiledQuery compiled, Shaping shaping) {
        this.compiled = compiled;
        this.shaping = shaping;
        values.putAll(shaping.preset());
    }

    /** The bound values by name or position, for binding the plan; every parameter must have one. */
    Map<Object, Object> bound() {
        for (ParameterInfo p : compiled.parameters()) {
            Object key = p.name() != null ? p.name() : p.position();
            if (!values.containsKey(key)) {
                throw new IllegalStateException("Parameter " + describe(p) + " of query '" + compiled.jpql()
                        + "' has no value; call setParameter first");
            }
        }
        return values;
    }

    private ParameterInfo parameter(Object key) {
        ParameterInfo p = key == null ? null : compiled.parameter(key);
        if (p != null) {
            return p;
        }
        throw new IllegalArgumentException("Query '" + compiled.jpql() + "' has no parameter "
                + (key instanceof Integer ? "?" : ":") + key + "; it has " + compiled.parameters().stream().map(Arguments::describe).toList());
    }

    private static String describe(ParameterInfo p) {
        return p.name() != null ? ":" + p.name() : "?" + p.position();
    }

    /** Binds a value to the parameter of that name or position. */
    void set(Object key, Object value) {
        ParameterInfo p = parameter(key);
        if (value != null) {
            // Lossless number conversions (a Long for an Integer attribute, in range) are accepted, as at bind.
            if (!p.accepts(value)) {
                throw new IllegalArgumentException("Parameter " + describe(p) + " of query '" + compiled.jpql()
                        + "' expects " + p.expectedType().getName() + (p.collectionAllowed() ? " (or a collection of them)" : "")
                        + " but got " + value.getClass().getName() + " (" + value + ")");
            }
        }
        values.put(key, value);
    }

    /** The key a JPA parameter object stands for: its name in the statement, else its position. */
    static Object keyOf(Parameter<?> param) {
        if (param instanceof Shaping.Named n) {
            return n.statementName();
        }
        return param.getName() != null ? param.getName() : param.getPosition();
    }

    /** The parameters the application sets (not the values a criteria query carries itself). */
    Set<Parameter<?>> all() {
        Set<Parameter<?>> out = new LinkedHashSet<>();
        for (ParameterInfo p : compiled.parameters()) {
            if (p.name() == null || !shaping.preset().containsKey(p.name())) {
                out.add(shown(p));
            }
        }
        return out;
    }

    /** The parameter of that name or position. */
    Parameter<?> get(Object key) {
        ParameterInfo p = parameter(key);
        if (p.name() != null && shaping.preset().containsKey(p.name())) {
            throw new IllegalArgumentException("Query '" + compiled.jpql() + "' has no parameter :" + key);
        }
        return shown(p);
    }

    private Parameter<?> shown(ParameterInfo p) {
        Parameter<?> own = p.name() == null ? null : shaping.visible().get(p.name());
        return own != null ? own : new Param<>(p.name(), p.position(), p.expectedType());
    }

    @SuppressWarnings("unchecked")
    static <T> Parameter<T> typed(Parameter<?> p, Class<T> type) {
        if (!type.isAssignableFrom(p.getParameterType())) {
            throw new IllegalArgumentException("Parameter " + p + " is a " + p.getParameterType().getName() + ", not " + type.getName());
        }
        return (Parameter<T>) p;
    }

    boolean isBound(Object key) {
        return values.containsKey(key);
    }

    /** The value bound to the parameter of that name or position. */
    Object value(Object key) {
        parameter(key);
        if (!values.containsKey(key)) {
            throw new IllegalStateException("Parameter " + key + " is not bound");
        }
        return values.get(key);
    }

    private record Param<T>(String name, Integer position, Class<T> type) implements Parameter<T> {
        @Override
        public String getName() {
            return name;
        }

        @Override
        public Integer getPosition() {
            return position;
        }

        @Override
        public Class<T> getParameterType() {
            return type;
        }
    }
}
