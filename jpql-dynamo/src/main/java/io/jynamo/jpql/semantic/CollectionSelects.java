package io.jynamo.jpql.semantic;

import io.jynamo.jpql.CollectionRows;
import io.jynamo.jpql.SelectKind;
import io.jynamo.jpql.StatementKind;
import io.jynamo.jpql.ast.Comparison;
import io.jynamo.jpql.ast.Condition;
import io.jynamo.jpql.ast.Expr;
import io.jynamo.jpql.ast.Join;
import io.jynamo.jpql.ast.Literal;
import io.jynamo.jpql.ast.OrderBy;
import io.jynamo.jpql.ast.PathExpr;
import io.jynamo.jpql.ast.Statement;
import io.jynamo.jpql.model.AssociationInfo;
import io.jynamo.jpql.model.AttributeInfo;
import io.jynamo.jpql.model.EntityInfo;
import io.jynamo.jpql.model.QueryModel;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code SELECT t FROM Order o JOIN o.tags t WHERE o.id = :id}, {@code SELECT c.id, a.alias FROM Customer c LEFT JOIN
 * c.aliases a}, {@code SELECT COUNT(t) FROM Order o JOIN o.tags t WHERE ...}: a join of one collection of the queried
 * entity, no condition on its elements, and the elements, the owners, attributes of both, or a count selected. Each row is an (owner, element) pair, which DynamoDB cannot
 * join; the provider reads the owners with the statement's conditions, loads their collections as a fetch does, and
 * makes the rows ({@link CollectionRows}). What else a join of a collection can be (conditions on its elements, an
 * element's owner joined as a to-one) the other rewrites handle; this one only takes what they leave.
 */
final class CollectionSelects {

    /** The owners' statement ({@code SELECT o FROM Order o WHERE ...}) and the rows made of them. */
    record Detected(Statement owners, CollectionRows rows) {
    }

    private CollectionSelects() {
    }

    static Detected detect(Statement s, EntityInfo root, QueryModel model) {
        if (s.kind() != StatementKind.SELECT || s.shape().computed() || s.joins().size() != 1) {
            return null;
        }
        Join j = s.joins().get(0);
        String v = j.variable();
        if (j.fetch() || v == null || j.path().names().size() != 2 || !j.path().names().get(0).equals(s.variable())) {
            return null;
        }
        AssociationInfo a = root.associations().get(j.path().names().get(1));
        EntityInfo target = a == null || !a.kind().collection() ? null : model.entity(a.targetEntity()).orElse(null);
        // INDEX(v) = 1 (and <, >, ...) ANDed in WHERE: kept on the rows; the rest of WHERE is the owners'.
        List<CollectionRows.Position> positions = new ArrayList<>();
        List<Condition> owners = new ArrayList<>();
        for (Condition c : s.where() == null ? List.<Condition>of() : Condition.conjuncts(s.where())) {
            if (c instanceof Comparison cmp && isIndex(cmp.left(), v) && cmp.right() instanceof Literal l
                    && l.value() instanceof Number n && (n instanceof Long || n instanceof Integer)) {
                positions.add(new CollectionRows.Position(cmp.op(), n.longValue()));
            } else {
                owners.add(c);
            }
        }
        if (target == null || owners.stream().flatMap(c -> JoinedConditions.paths(c).stream())
                .anyMatch(p -> p.names().get(0).equals(v))) {
            return null;
        }
        boolean count = s.selectKind() == SelectKind.COUNT;
        boolean entity = s.selectKind() == SelectKind.ENTITY || count;
        List<CollectionRows.Item> items = new ArrayList<>();
        List<Class<?>> types = new ArrayList<>();
        if (entity) {
            if (s.selected().size() != 1 || s.selected().get(0).names().size() != 1) {
                return null;
            }
            items.add(new CollectionRows.Item(s.selected().get(0).names().get(0).equals(v), ""));
        } else {
            for (PathExpr p : s.selected()) {
                AttributeInfo info = attribute(p, s.variable(), root, v, target);
                if (info == null) {
                    return null;
                }
                items.add(item(p, v));
                types.add(info.javaType());
            }
        }
        if (s.distinct() && items.stream().noneMatch(CollectionRows.Item::element)) {
            return null; // each owner's row once: those with an element (SIZE > 0), without reading the collections
        }
        List<CollectionRows.Order> order = new ArrayList<>();
        for (OrderBy o : s.order()) {
            if (o.path() == null || attribute(o.path(), s.variable(), root, v, target) == null) {
                return null;
            }
            order.add(new CollectionRows.Order(item(o.path(), v), o.descending(), o.nullsFirstEffective()));
        }
        Statement ownersQuery = new Statement(StatementKind.SELECT, s.entityName(), s.entityPos(), s.variable(),
                SelectKind.ENTITY, List.of(new PathExpr(List.of(s.variable()), j.pos(), null)), List.of(),
                owners.isEmpty() ? null : Condition.and(owners), List.of(), List.of(), Statement.ResultShape.ROWS, false);
        return new Detected(ownersQuery, new CollectionRows(a.name(), j.left(), items, order, s.distinct(), types,
                s.shape(), positions, count));
    }

    /** The basic attribute a path of the owner or of the element names, or {@code null}. */
    private static AttributeInfo attribute(PathExpr p, String owner, EntityInfo root, String element, EntityInfo target) {
        List<String> names = p.names();
        if (names.size() < 2 || !names.get(0).equals(owner) && !names.get(0).equals(element)) {
            return null;
        }
        EntityInfo of = names.get(0).equals(element) ? target : root;
        if (of.associations().containsKey(names.get(1)) || names.get(1).contains("(")) {
            return null; // a foreign key or a pseudo-attribute: read from the item, not from the entity
        }
        AttributeInfo info = of.attributes().get(String.join(".", names.subList(1, names.size())));
        return info == null || info.navigated() || info.elementType() != null ? null : info;
    }

    private static CollectionRows.Item item(PathExpr p, String element) {
        return new CollectionRows.Item(p.names().get(0).equals(element),
                String.join(".", p.names().subList(1, p.names().size())));
    }

    private static boolean isIndex(Expr e, String variable) {
        return e instanceof PathExpr p && p.names().equals(List.of(variable, AttributeInfo.INDEX_PATH));
    }

    /** Whether a condition reads {@code INDEX(variable)}. */
    static boolean readsIndex(Condition c, String variable) {
        return c != null && JoinedConditions.paths(c).stream().anyMatch(p -> isIndex(p, variable));
    }

    /**
     * Refuses an {@code INDEX(v)} left in a statement: only a condition {@code INDEX(v) op integer} ANDed in the WHERE
     * of a select joining one collection is supported (the position is known once the owners' lists are loaded).
     */
    static void refuseIndex(Statement s) {
        List<PathExpr> paths = new ArrayList<>(s.selected());
        s.order().stream().map(OrderBy::path).filter(java.util.Objects::nonNull).forEach(paths::add);
        if (s.where() != null) {
            paths.addAll(JoinedConditions.paths(s.where()));
        }
        for (PathExpr p : paths) {
            if (p.names().size() == 2 && p.names().get(1).equals(AttributeInfo.INDEX_PATH)) {
                throw p.pos().error("INDEX(" + p.names().get(0) + ") is only supported as INDEX(v) compared with an"
                        + " integer, ANDed in the WHERE of a select of one joined ordered collection with no other"
                        + " condition on its elements", "write SELECT v FROM Owner o JOIN o.list v WHERE <conditions"
                        + " on o> AND INDEX(v) = 0, or read the list (@OrderColumn) of each owner");
            }
        }
    }
}
