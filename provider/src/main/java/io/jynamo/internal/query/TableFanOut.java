package io.jynamo.internal.query;

import io.jynamo.internal.metadata.EntityMeta;
import io.jynamo.jpql.ast.And;
import io.jynamo.jpql.ast.CompareOp;
import io.jynamo.jpql.ast.Comparison;
import io.jynamo.jpql.ast.Condition;
import io.jynamo.jpql.ast.Expr;
import io.jynamo.jpql.ast.In;
import io.jynamo.jpql.ast.Literal;
import io.jynamo.jpql.ast.PathExpr;
import io.jynamo.jpql.model.AttributeInfo;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * A query over a non-leaf entity of a TABLE_PER_CLASS hierarchy runs its one plan once per concrete table
 * (the tables share attribute, key and index names): which tables, and how their items are put together.
 */
public final class TableFanOut {

    private TableFanOut() {
    }

    /**
     * The line EXPLAIN adds for a query over {@code meta} that reads several tables, e.g.
     * {@code fan-out over 2 tables: Car, Truck}, or {@code null} when it reads one.
     */
    public static String explain(EntityMeta meta, Condition where) {
        if (!meta.tablePerClass()) {
            return null;
        }
        List<EntityMeta> tables = tables(meta, where);
        if (tables.size() == 1 && meta.tables().size() == 1) {
            return null;
        }
        return "fan-out over " + tables.size() + " table" + (tables.size() == 1 ? "" : "s") + ": "
                + String.join(", ", tables.stream().map(EntityMeta::tableName).toList())
                + " (TABLE_PER_CLASS: the plan runs once per table, results concatenated, merged on the sort key for a"
                + " Query, counts summed; a key lookup is one BatchGetItem over the tables)";
    }

    /**
     * The entities whose tables a query over {@code meta} reads: all of {@link EntityMeta#tables()}, but only
     * those a top-level {@code TYPE(e) = X} / {@code TYPE(e) IN (X, Y)} of the WHERE admits (the others
     * could return nothing, so they are not read).
     */
    static List<EntityMeta> tables(EntityMeta meta, Condition where) {
        List<EntityMeta> all = meta.tables();
        if (all.size() == 1 || where == null) {
            return all;
        }
        Set<String> admitted = admitted(where);
        return admitted == null ? all : all.stream().filter(t -> admitted.contains(t.name())).toList();
    }

    /** The entity names a condition restricts TYPE(e) to, or {@code null} when it does not. */
    private static Set<String> admitted(Condition c) {
        if (c instanceof And and) {
            Set<String> result = null;
            for (Condition operand : and.operands()) {
                Set<String> names = admitted(operand);
                if (names != null) {
                    if (result == null) {
                        result = new HashSet<>(names);
                    } else {
                        result.retainAll(names);
                    }
                }
            }
            return result;
        }
        if (c instanceof Comparison cmp && cmp.op() == CompareOp.EQ && isType(cmp.left())
                && cmp.right() instanceof Literal l && l.value() instanceof String name) {
            return Set.of(name);
        }
        if (c instanceof In in && !in.negated() && isType(in.value())) {
            Set<String> names = new HashSet<>();
            for (Expr item : in.items()) {
                if (!(item instanceof Literal l && l.value() instanceof String name)) {
                    return null;
                }
                names.add(name);
            }
            return names;
        }
        return null;
    }

    private static boolean isType(Expr e) {
        return e instanceof PathExpr p && p.names().size() == 2 && AttributeInfo.TYPE_PATH.equals(p.names().get(1));
    }

    /** The items of each table in turn. */
    static <T extends Iterator<Map<String, AttributeValue>>> Iterator<Map<String, AttributeValue>> concat(List<T> sources) {
        return new Iterator<>() {
            private int i;

            @Override
            public boolean hasNext() {
                while (i < sources.size() && !sources.get(i).hasNext()) {
                    i++;
                }
                return i < sources.size();
            }

            @Override
            public Map<String, AttributeValue> next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return sources.get(i).next();
            }
        };
    }

    /**
     * The items of the tables in the order of a sort key, each table's Query already returning them in that
     * order: a merge, which reads a table's next page only when its items are the next ones.
     */
    static <T extends Iterator<Map<String, AttributeValue>>> Iterator<Map<String, AttributeValue>> merge(
            List<T> sources, String sortAttribute, boolean ascending) {
        Comparator<AttributeValue> byKey = ascending ? TableFanOut::compare : (x, y) -> compare(y, x);
        Comparator<AttributeValue> direction = Comparator.nullsLast(byKey);
        return new Iterator<>() {
            private final List<Map<String, AttributeValue>> heads = new ArrayList<>(Collections.nCopies(sources.size(), null));

            @Override
            public boolean hasNext() {
                for (int i = 0; i < sources.size(); i++) {
                    if (heads.get(i) == null && sources.get(i).hasNext()) {
                        heads.set(i, sources.get(i).next());
                    }
                }
                return heads.stream().anyMatch(h -> h != null);
            }

            @Override
            public Map<String, AttributeValue> next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                int best = -1;
                for (int i = 0; i < heads.size(); i++) {
                    Map<String, AttributeValue> h = heads.get(i);
                    // On equal keys the earlier table's item comes first, so the merge is stable.
                    if (h != null && (best < 0 || direction.compare(h.get(sortAttribute), heads.get(best).get(sortAttribute)) < 0)) {
                        best = i;
                    }
                }
                Map<String, AttributeValue> item = heads.get(best);
                heads.set(best, null);
                return item;
            }
        };
    }

    /** DynamoDB's order of sort key values: numbers by value, strings and binaries by their UTF-8 / unsigned bytes. */
    static int compare(AttributeValue a, AttributeValue b) {
        if (a.n() != null && b.n() != null) {
            return new BigDecimal(a.n()).compareTo(new BigDecimal(b.n()));
        }
        byte[] x = a.s() != null ? a.s().getBytes(StandardCharsets.UTF_8) : a.b() != null ? a.b().asByteArray() : new byte[0];
        byte[] y = b.s() != null ? b.s().getBytes(StandardCharsets.UTF_8) : b.b() != null ? b.b().asByteArray() : new byte[0];
        return java.util.Arrays.compareUnsigned(x, y);
    }
}
