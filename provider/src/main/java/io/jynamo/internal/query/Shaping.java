package io.jynamo.internal.query;

import io.jynamo.internal.graph.GraphImpl;
import io.jynamo.jpql.CompiledQuery;
import io.jynamo.jpql.SelectKind;
import io.jynamo.jpql.StatementKind;
import io.jynamo.jpql.ast.Statement;
import jakarta.persistence.Parameter;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What a query built with the Criteria API adds to its compiled statement: the values it carries itself
 * (bound already and not shown as parameters), the parameter objects the application holds, and how a
 * row of selected values becomes a result (a {@code Tuple}, an array, a constructed object).
 *
 * @param preset  values bound by the query itself, by parameter name
 * @param visible the application's parameter objects, by the name the statement gives them
 * @param rows    turns a row (a value, or an {@code Object[]} of several) into a result, or {@code null}
 * @param rowType the Java type of a result when {@code rows} is set
 * @param fetches the relationships the results load after the read beyond the statement's JOIN FETCH (a criteria
 *                query's fetches below fetches, as an entity graph), or {@code null}
 */
public record Shaping(Map<String, Object> preset, Map<String, Parameter<?>> visible, Function<Object, Object> rows,
                      Class<?> rowType, GraphImpl<?> fetches) {
    /** A JPQL query: nothing added. */
    public static final Shaping NONE = new Shaping(Map.of(), Map.of(), null, null);

    public Shaping {
        preset = Map.copyOf(preset);
        visible = Map.copyOf(visible);
    }

    /** Shaping without fetches beyond the statement's. */
    public Shaping(Map<String, Object> preset, Map<String, Parameter<?>> visible, Function<Object, Object> rows,
                   Class<?> rowType) {
        this(preset, visible, rows, rowType, null);
    }

    /**
     * The rows of a JPQL query: {@code SELECT NEW Dto(e.a, e.b)} constructs, a {@code Tuple} result class gets
     * tuples with the result variables ({@code e.a AS a}) as aliases, {@code Object[]} gets arrays even of one item.
     *
     * @throws IllegalArgumentException when the class of NEW cannot be loaded or has no fitting constructor
     */
    static Shaping of(CompiledQuery compiled, Class<?> resultClass, ClassLoader loader) {
        io.jynamo.jpql.CollectionRows rows = compiled.collectionRows();
        boolean attributes = rows != null ? !rows.entity() : compiled.selectKind() == SelectKind.ATTRIBUTES;
        if (compiled.kind() != StatementKind.SELECT || !attributes || compiled.selectedAssociation() != null) {
            return NONE;
        }
        List<Class<?>> selected = rows != null ? rows.types() : compiled.selectedTypes();
        Function<Object, Object[]> values = selected.size() == 1 ? r -> new Object[] {r} : r -> (Object[]) r;
        Statement.ResultShape shape = rows != null ? rows.shape() : compiled.shape();
        if (shape.constructor() != null) {
            Class<?> type = load(shape.constructor(), loader);
            if (type == null) {
                throw new IllegalArgumentException("Query '" + compiled.jpql() + "' constructs " + shape.constructor()
                        + ", which the class loader does not know; write the fully qualified class name");
            }
            Function<Object[], Object> construct = Constructors.of(type,
                    selected, "Query '" + compiled.jpql() + "'");
            return new Shaping(Map.of(), Map.of(), r -> construct.apply(values.apply(r)), type);
        }
        if (resultClass == jakarta.persistence.Tuple.class) {
            List<TupleRow.Element<?>> elements = new java.util.ArrayList<>();
            for (int i = 0; i < selected.size(); i++) {
                elements.add(new TupleRow.Element<>(i < shape.aliases().size() ? shape.aliases().get(i) : null,
                        selected.get(i)));
            }
            return new Shaping(Map.of(), Map.of(), r -> new TupleRow(elements, values.apply(r)), jakarta.persistence.Tuple.class);
        }
        if (resultClass == Object[].class && selected.size() == 1) {
            return new Shaping(Map.of(), Map.of(), r -> values.apply(r), Object[].class);
        }
        return NONE;
    }

    /** The class of that name; a nested class may be written with dots ({@code com.x.Outer.Dto}). */
    private static Class<?> load(String name, ClassLoader loader) {
        String candidate = name;
        while (true) {
            try {
                return Class.forName(candidate, false, loader);
            } catch (ClassNotFoundException e) {
                int dot = candidate.lastIndexOf('.');
                if (dot < 0) {
                    return null;
                }
                candidate = candidate.substring(0, dot) + '$' + candidate.substring(dot + 1);
            }
        }
    }

    /** A parameter object whose statement name differs from {@link Parameter#getName()} (an unnamed one). */
    public interface Named {
        /** The name the statement gives it. */
        String statementName();
    }
}
