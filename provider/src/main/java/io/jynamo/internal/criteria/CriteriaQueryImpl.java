package io.jynamo.internal.criteria;

import io.jynamo.internal.query.Constructors;
import io.jynamo.internal.query.Shaping;
import io.jynamo.internal.query.TupleRow;
import io.jynamo.jpql.SelectKind;
import io.jynamo.jpql.StatementKind;
import io.jynamo.jpql.ast.Condition;
import io.jynamo.jpql.ast.Expr;
import io.jynamo.jpql.ast.IsNull;
import io.jynamo.jpql.ast.OrderBy;
import io.jynamo.jpql.ast.PathExpr;
import io.jynamo.jpql.ast.Statement;
import jakarta.persistence.Tuple;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Nulls;
import jakarta.persistence.criteria.Order;
import jakarta.persistence.criteria.ParameterExpression;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Selection;
import jakarta.persistence.criteria.Subquery;
import jakarta.persistence.metamodel.EntityType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * A criteria SELECT: one root, a selection (the entity, attributes, a compound selection or a count), a
 * restriction and at most one ordering, lowered to the statement the JPQL parser would produce.
 *
 * @param <T> the result type
 */
final class CriteriaQueryImpl<T> implements CriteriaQuery<T>, CriteriaStatement.Lowerable {
    private final Class<T> resultType;
    private final Clauses clauses;
    private Selection<? extends T> selection;
    private List<Order> orders = List.of();
    private boolean distinct;

    CriteriaQueryImpl(CriteriaBuilderImpl builder, Class<T> resultType) {
        this.resultType = resultType;
        this.clauses = new Clauses(builder);
    }

    @Override
    public CriteriaStatement lower() {
        Lowering l = new Lowering();
        RootImpl<?> root = clauses.root("CriteriaQuery");
        String variable = l.variable(root);
        String entity = root.getModel().getName();
        // Joins first: their variables are declared before any path through them is lowered.
        List<io.jynamo.jpql.ast.Join> joins = new ArrayList<>();
        StringBuilder joinText = new StringBuilder();
        List<Condition> on = new ArrayList<>();
        root.lowerJoins(l, joins, joinText, on);
        Selection<?> selected = selection != null ? selection : root;

        SelectKind kind;
        List<PathExpr> paths = new ArrayList<>();
        List<Expr> computedItems = new ArrayList<>();
        String selectText;
        Lowered<Condition> counted = null;
        Function<Object, Object> rows = null;
        Class<?> rowType = null;
        if (selected == root) {
            kind = SelectKind.ENTITY;
            paths.add(new PathExpr(List.of(variable), Lowering.POS, null));
            selectText = variable;
        } else if (selected instanceof JoinImpl<?, ?> join) {
            // SELECT c FROM Order o JOIN o.customer c: the analyser decides what selecting a joined entity reads
            kind = SelectKind.ENTITY;
            String v = l.variable(join);
            paths.add(new PathExpr(List.of(v), Lowering.POS, null));
            selectText = v;
        } else if (selected instanceof Functions.Count count && count.dynamoCount()) {
            if (!(count.argument() instanceof PathImpl<?> p) || p.root() != root) {
                throw Unsupported.construct("COUNT of anything but the root or one of its attributes: CriteriaBuilder.count");
            }
            kind = SelectKind.COUNT;
            String counts = variable;
            if (p instanceof JoinImpl<?, ?> join && !join.isFetch() && join.getAttribute().isCollection()) {
                // COUNT of a collection's join variable: its rows, as JPQL's COUNT(o) over JOIN c.orders o counts them
                counts = l.variable(join);
                paths.add(new PathExpr(List.of(counts), Lowering.POS, null));
            } else if (p != root) {
                // COUNT(e.a) counts the rows whose e.a is not NULL
                Lowered<Expr> attribute = p.lower(l);
                counted = new Lowered<>(new IsNull(attribute.node(), true, Lowering.POS), attribute.text() + " IS NOT NULL");
            }
            selectText = count.distinct() ? "COUNT(DISTINCT " + counts + ")" : "COUNT(" + counts + ")";
        } else if (selected instanceof ValueImpl<?> constant) {
            // select(cb.literal(1)), as Spring Data's exists(Example) writes: one row per entity, each the value
            kind = SelectKind.ENTITY;
            paths.add(new PathExpr(List.of(variable), Lowering.POS, null));
            Object value = constant.value();
            selectText = constant.lower(new Lowering()).text();
            rows = row -> value;
            rowType = value.getClass();
        } else {
            List<Selection<?>> items = selected.isCompoundSelection() ? selected.getCompoundSelectionItems() : List.of(selected);
            StringBuilder text = new StringBuilder();
            for (Selection<?> item : items) {
                // Attributes, or values computed in Java for each row (cb.sum, cb.length, cb.selectCase ...).
                if (!(item instanceof ExpressionImpl<?> x) || item instanceof FromImpl<?, ?>) {
                    throw Unsupported.construct("selecting " + describe(item) + " (Jynamo selects the entity, its"
                            + " attributes, values computed from them, or aggregates of them): CriteriaQuery.select");
                }
                Lowered<Expr> e = x.lower(l);
                computedItems.add(e.node());
                text.append(text.length() == 0 ? "" : ", ").append(e.text());
            }
            if (computedItems.stream().allMatch(PathExpr.class::isInstance)) {
                computedItems.forEach(e -> paths.add((PathExpr) e));
                computedItems.clear();
            }
            kind = SelectKind.ATTRIBUTES;
            selectText = text.toString();
            if (selected instanceof CompoundSelectionImpl<?> compound) {
                rows = rows(compound.kind(), compound.getJavaType(), items);
                rowType = compound.getJavaType();
            }
        }
        Lowered<Condition> where = clauses.where(l);
        if (!on.isEmpty()) {
            List<Condition> all = new ArrayList<>(on);
            if (where != null) {
                all.add(where.node());
            }
            where = new Lowered<>(Condition.and(all), where == null ? null : where.text());
        }
        if (counted != null) {
            where = where == null ? counted : new Lowered<>(Condition.and(List.of(where.node(), counted.node())),
                    where.text() == null ? counted.text() : "(" + where.text() + ") AND (" + counted.text() + ")");
        }
        // Several items, any attribute, NULLS FIRST/LAST: what no Query serves is sorted in memory (jynamo.client-side).
        List<OrderBy> orderBy = new ArrayList<>();
        List<String> orderTexts = new ArrayList<>();
        for (Order order : orders) {
            OrderImpl o = (OrderImpl) order;
            // An attribute, or a value computed in Java (cb.length(..), cb.sum(..)), sorted in memory.
            ExpressionImpl<?> x = o.expression();
            if (x instanceof FromImpl<?, ?> || x instanceof Functions.Count) {
                throw Unsupported.construct("ordering by " + x + ": CriteriaQuery.orderBy");
            }
            Lowered<Expr> e = x.lower(l);
            Boolean nullsFirst = o.nulls() == Nulls.NONE ? null : o.nulls() == Nulls.FIRST;
            orderBy.add(e.node() instanceof PathExpr p ? new OrderBy(p, !o.ascending(), Lowering.POS, nullsFirst)
                    : new OrderBy(null, !o.ascending(), Lowering.POS, nullsFirst, e.node()));
            orderTexts.add(e.text() + (o.ascending() ? "" : " DESC")
                    + (nullsFirst == null ? "" : nullsFirst ? " NULLS FIRST" : " NULLS LAST"));
        }
        String orderText = orderTexts.isEmpty() ? "" : " ORDER BY " + String.join(", ", orderTexts);
        // DISTINCT decides whether a to-many join with conditions repeats its root once per matching element.
        boolean unique = distinct || selected instanceof Functions.Count c && c.distinct();
        Statement statement = new Statement(StatementKind.SELECT, entity, Lowering.POS, variable, kind, paths, List.of(),
                where == null ? null : where.node(), orderBy, joins, computedItems.isEmpty() ? Statement.ResultShape.ROWS
                        : new Statement.ResultShape(null, java.util.Collections.nCopies(computedItems.size(), null),
                        computedItems, declaredTypes(selected)), unique);
        String text = "SELECT " + (distinct && kind != SelectKind.COUNT ? "DISTINCT " : "") + selectText + " FROM "
                + entity + " " + variable + joinText
                + (where == null || where.text() == null ? "" : " WHERE " + where.text()) + orderText;
        return new CriteriaStatement(statement, text, new Shaping(l.preset(), l.visible(), rows, rowType, l.fetchGraph()));
    }

    /** The Java type each selected item declares ({@code Object} where none), which types items of values only. */
    private static List<Class<?>> declaredTypes(Selection<?> selected) {
        List<Class<?>> types = new ArrayList<>();
        for (Selection<?> item : selected.isCompoundSelection() ? selected.getCompoundSelectionItems() : List.of(selected)) {
            types.add(item.getJavaType() == null ? Object.class : item.getJavaType());
        }
        return types;
    }

    private static String describe(Selection<?> s) {
        return s instanceof FromImpl<?, ?> r ? "the entity " + r.describe() + " among other items" : String.valueOf(s);
    }

    /** How rows of selected values become results of the compound selection's kind. */
    private static Function<Object, Object> rows(CompoundSelectionImpl.Kind kind, Class<?> type, List<Selection<?>> items) {
        Function<Object, Object[]> values = items.size() == 1 ? r -> new Object[] {r} : r -> (Object[]) r;
        return switch (kind) {
            case ARRAY -> r -> values.apply(r);
            case TUPLE -> r -> new TupleRow(items, values.apply(r));
            case CONSTRUCT -> {
                Function<Object[], Object> construct = Constructors.of(type,
                        items.stream().<Class<?>>map(Selection::getJavaType).toList(), "CriteriaBuilder.construct");
                yield r -> construct.apply(values.apply(r));
            }
        };
    }

    // ---- CriteriaQuery -----------------------------------------------------------------------------------

    @Override
    public CriteriaQuery<T> select(Selection<? extends T> selection) {
        this.selection = selection;
        return this;
    }

    @Override
    public CriteriaQuery<T> multiselect(Selection<?>... selections) {
        return multiselect(Arrays.asList(selections));
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public CriteriaQuery<T> multiselect(List<Selection<?>> selections) {
        CompoundSelectionImpl.Kind kind;
        if (resultType == Tuple.class) {
            kind = CompoundSelectionImpl.Kind.TUPLE;
        } else if (resultType == Object[].class || resultType == Object.class && selections.size() > 1) {
            kind = CompoundSelectionImpl.Kind.ARRAY;
        } else if (resultType == Object.class) {
            this.selection = (Selection<? extends T>) selections.get(0);
            return this;
        } else {
            kind = CompoundSelectionImpl.Kind.CONSTRUCT;
        }
        this.selection = new CompoundSelectionImpl(kind, resultType, selections);
        return this;
    }

    @Override
    public <X> Root<X> from(Class<X> entityClass) {
        return clauses.from(entityClass);
    }

    @Override
    public <X> Root<X> from(EntityType<X> entity) {
        return clauses.from(entity);
    }

    @Override
    public Set<Root<?>> getRoots() {
        return Set.copyOf(clauses.roots);
    }

    @Override
    public CriteriaQuery<T> where(Expression<Boolean> restriction) {
        clauses.where(restriction);
        return this;
    }

    @Override
    public CriteriaQuery<T> where(Predicate... restrictions) {
        clauses.where(Arrays.asList(restrictions));
        return this;
    }

    @Override
    public CriteriaQuery<T> where(List<Predicate> restrictions) {
        clauses.where(restrictions);
        return this;
    }

    @Override
    public Predicate getRestriction() {
        return clauses.restriction();
    }

    @Override
    public CriteriaQuery<T> orderBy(Order... o) {
        return orderBy(Arrays.asList(o));
    }

    @Override
    public CriteriaQuery<T> orderBy(List<Order> o) {
        for (Order order : o) {
            if (!(order instanceof OrderImpl)) {
                throw new IllegalArgumentException("The order " + order + " was not built by Jynamo's CriteriaBuilder");
            }
        }
        this.orders = List.copyOf(o);
        return this;
    }

    @Override
    public List<Order> getOrderList() {
        return orders;
    }

    @Override
    public CriteriaQuery<T> distinct(boolean distinct) {
        this.distinct = distinct;
        return this;
    }

    @Override
    public boolean isDistinct() {
        return distinct;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Selection<T> getSelection() {
        return (Selection<T>) selection;
    }

    @Override
    public Class<T> getResultType() {
        return resultType;
    }

    @Override
    public List<Expression<?>> getGroupList() {
        return List.of();
    }

    @Override
    public Predicate getGroupRestriction() {
        return null;
    }

    @Override
    public Set<ParameterExpression<?>> getParameters() {
        return Clauses.parameters(this);
    }

    // <generated: every other method of the interface is a construct Jynamo refuses>
    @Override
    public CriteriaQuery<T> groupBy(Expression<?>... arg0) {
        throw Unsupported.construct("CriteriaQuery.groupBy");
    }

    @Override
    public CriteriaQuery<T> groupBy(List<Expression<?>> arg0) {
        throw Unsupported.construct("CriteriaQuery.groupBy");
    }

    @Override
    public CriteriaQuery<T> having(Expression<Boolean> arg0) {
        throw Unsupported.construct("CriteriaQuery.having");
    }

    @Override
    public CriteriaQuery<T> having(Predicate... arg0) {
        throw Unsupported.construct("CriteriaQuery.having");
    }

    @Override
    public CriteriaQuery<T> having(List<Predicate> arg0) {
        throw Unsupported.construct("CriteriaQuery.having");
    }

    @Override
    public <U> Subquery<U> subquery(Class<U> arg0) {
        throw Unsupported.construct("CriteriaQuery.subquery");
    }

    @Override
    public <U> Subquery<U> subquery(EntityType<U> arg0) {
        throw Unsupported.construct("CriteriaQuery.subquery");
    }
    // </generated>
}
