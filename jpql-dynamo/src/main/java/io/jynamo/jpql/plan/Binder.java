package io.jynamo.jpql.plan;

import io.jynamo.jpql.ParameterInfo;
import io.jynamo.jpql.ast.CaseFunction;
import io.jynamo.jpql.ast.Expr;
import io.jynamo.jpql.ast.Literal;
import io.jynamo.jpql.ast.Param;
import io.jynamo.jpql.semantic.Analysis;
import io.jynamo.jpql.semantic.Step;
import io.jynamo.jpql.semantic.Types;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The arguments of one planning: checks and converts each to its parameter's type, and evaluates the
 * statement's value expressions (literals, parameters, LOWER/UPPER of them). For explain, every parameter
 * stands unbound, and the notes collect what the plan cannot tell until it is bound.
 */
final class Binder {
    /**
     * Explain only: an argument not bound yet, planned as a non-null value and shown as its placeholder.
     *
     * @param label      how the query writes it ({@code :name}, {@code ?1}, {@code LOWER(:name)})
     * @param collection whether a collection may be bound in its place ({@code IN :list})
     */
    record Unbound(String label, boolean collection) {
        @Override
        public String toString() {
            return label;
        }
    }

    private final Analysis analysis;
    private final Map<Object, Object> args = new HashMap<>();
    /** Explain only: whether parameters stand unbound. */
    private final boolean symbolic;
    /** Explain only: what the plan cannot tell before the arguments are bound, in the order found. */
    private final List<String> notes = new ArrayList<>();

    private Binder(Analysis analysis, boolean symbolic) {
        this.analysis = analysis;
        this.symbolic = symbolic;
    }

    /**
     * Checks and converts the arguments.
     *
     * @param arguments by name (String) or position (Integer); may be null when there are none
     * @throws IllegalArgumentException for a missing or ill-typed argument
     */
    static Binder bind(Analysis analysis, Map<Object, Object> arguments) {
        Binder b = new Binder(analysis, false);
        b.checkArguments(arguments == null ? Map.of() : arguments);
        return b;
    }

    /** Explain only: every parameter stands as its placeholder, planned as a non-null value. */
    static Binder unbound(Analysis analysis) {
        Binder b = new Binder(analysis, true);
        for (ParameterInfo info : analysis.parameters()) {
            b.args.put(info.key(), new Unbound(info.label(), info.collectionAllowed()));
        }
        for (Step step : analysis.steps()) {
            b.args.put(step.key(), new Unbound(step.label(), true));
        }
        if (!analysis.parameters().isEmpty()) {
            List<String> labels = new ArrayList<>();
            analysis.parameters().forEach(i -> labels.add(i.label()));
            b.notes.add((labels.size() == 1 ? "parameter " + labels.get(0) + " is" : "parameters " + String.join(", ", labels)
                    + " are") + " not bound: shown as placeholders and planned as non-null values (a NULL argument makes "
                    + "a comparison with it false)");
        }
        return b;
    }

    /** Whether parameters stand unbound (explain). */
    boolean symbolic() {
        return symbolic;
    }

    /** Records what explain should say about a condition that depends on an unbound argument. */
    void note(String note) {
        notes.add(note);
    }

    List<String> notes() {
        return notes;
    }

    private void checkArguments(Map<Object, Object> arguments) {
        for (ParameterInfo info : analysis.parameters()) {
            args.put(info.key(), argument(analysis, info, arguments));
        }
        for (Step step : analysis.steps()) {
            // The keys a step read (a list of EntityKey), which the provider binds before planning the root read.
            if (!arguments.containsKey(step.key())) {
                throw new IllegalStateException("the read before the " + analysis.statement().entityName() + " query ("
                        + step.text() + ") has not run: bind its keys under " + step.key() + " (RelationStep)");
            }
            args.put(step.key(), arguments.get(step.key()));
        }
    }

    /**
     * One parameter's argument, checked and converted to its type; {@code null} for NULL.
     *
     * @throws IllegalArgumentException for a missing or ill-typed argument
     */
    static Object argument(Analysis analysis, ParameterInfo info, Map<Object, Object> arguments) {
        Object v = arguments.get(info.key());
        if (v == null && !arguments.containsKey(info.key())) {
            throw new IllegalArgumentException("parameter " + info.label() + " of the " + analysis.statement().entityName()
                    + " query is not bound; call setParameter(" + (info.name() != null ? "\"" + info.name() + "\"" : info.position())
                    + ", value)");
        }
        return v == null ? null : coerce(info, v);
    }

    private static Object coerce(ParameterInfo info, Object v) {
        Object c = Types.coerce(v, info.expectedType());
        if (c != null) {
            return c;
        }
        if (info.collectionAllowed() && v instanceof Collection<?> col) {
            List<Object> out = new ArrayList<>(col.size());
            for (Object o : col) {
                if (o == null) {
                    out.add(null);
                    continue;
                }
                Object x = Types.coerce(o, info.expectedType());
                if (x == null) {
                    throw new IllegalArgumentException("parameter " + info.label() + " expects a collection of "
                            + info.expectedType().getName() + " but it contains a " + o.getClass().getName());
                }
                out.add(x);
            }
            return out;
        }
        throw new IllegalArgumentException("parameter " + info.label() + " expects " + info.expectedType().getName()
                + (info.collectionAllowed() ? " (or a collection of them)" : "") + " but got " + v.getClass().getName());
    }

    /** The value of a literal, parameter or LOWER/UPPER of one; {@code null} for NULL. */
    Object eval(Expr e) {
        if (e instanceof Literal l) {
            return l.value();
        }
        if (e instanceof Param p) {
            return args.get(p.key());
        }
        if (e instanceof CaseFunction f) {
            Object v = eval(f.argument());
            if (v == null) {
                return null;
            }
            if (v instanceof Unbound u) {
                return new Unbound((f.upper() ? "UPPER(" : "LOWER(") + u.label() + ")", false);
            }
            if (!(v instanceof String s)) {
                throw new IllegalArgumentException("LOWER/UPPER expects a String but got " + v.getClass().getName());
            }
            return f.upper() ? s.toUpperCase(Locale.ROOT) : s.toLowerCase(Locale.ROOT);
        }
        throw new IllegalStateException("not a value: " + e);
    }
}
