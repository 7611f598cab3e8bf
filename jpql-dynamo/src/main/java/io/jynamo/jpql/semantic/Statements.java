package io.jynamo.jpql.semantic;

import io.jynamo.jpql.SelectKind;
import io.jynamo.jpql.StatementKind;
import io.jynamo.jpql.ast.Condition;
import io.jynamo.jpql.ast.Expr;
import io.jynamo.jpql.ast.OrderBy;
import io.jynamo.jpql.ast.PathExpr;
import io.jynamo.jpql.ast.SetClause;
import io.jynamo.jpql.ast.Statement;
import io.jynamo.jpql.model.AssociationInfo;
import io.jynamo.jpql.model.EntityInfo;
import io.jynamo.jpql.model.IndexInfo;

import java.util.ArrayList;
import java.util.List;

/**
 * Checks the clauses of a statement around its condition: the select list, the SET assignments of an
 * UPDATE (never a key attribute, each attribute once) and ORDER BY (only a sort key DynamoDB can order by).
 */
final class Statements {
    private final Scope scope;
    private final Values values;
    private final Conditions conditions;

    Statements(Scope scope, Values values, Conditions conditions) {
        this.scope = scope;
        this.values = values;
        this.conditions = conditions;
    }

    Statement statement(Statement s) {
        List<PathExpr> selected = s.kind() == StatementKind.SELECT ? selectList(s) : new ArrayList<>();
        List<SetClause> sets = assignments(s.sets());
        Condition where = s.where() == null ? null : conditions.condition(s.where());
        OrderBy orderBy = s.orderBy() == null ? null : orderBy(s.orderBy());
        return new Statement(s.kind(), s.entityName(), s.entityPos(), s.variable(), s.selectKind(), selected, sets,
                where, orderBy, s.joins());
    }

    private List<PathExpr> selectList(Statement s) {
        List<PathExpr> selected = new ArrayList<>();
        if (s.selectKind() == SelectKind.ATTRIBUTES) {
            for (PathExpr p : s.selected()) {
                selected.add(scope.attribute(p));
            }
        } else {
            for (PathExpr p : s.selected()) {
                scope.checkVariable(p);
                if (!p.names().get(0).equals(s.variable())) {
                    throw p.pos().error("selecting the joined entity " + p.text() + " is not supported: DynamoDB reads "
                            + "one entity per query", "select " + s.variable() + " with JOIN FETCH of the association and "
                            + "read it from each result, or select its key (" + p.text() + ".<key attribute>)");
                }
                selected.add(p);
            }
        }
        return selected;
    }

    private List<SetClause> assignments(List<SetClause> clauses) {
        EntityInfo entity = scope.entity();
        List<SetClause> sets = new ArrayList<>();
        List<String> assigned = new ArrayList<>();
        for (SetClause c : clauses) {
            PathExpr target = scope.attribute(c.target());
            String path = target.attribute().path();
            if (path.equals(entity.partitionKey()) || path.equals(entity.sortKey())) {
                throw target.pos().error("cannot SET " + target.text() + ": it is part of the primary key of "
                        + entity.name(), "delete the entity and persist a new one with the new key");
            }
            for (AssociationInfo a : entity.associations().values()) {
                if (a.foreignKey().containsValue(path)) {
                    throw target.pos().error("cannot SET " + target.text() + ": it stores the key of the association "
                            + entity.name() + "." + a.name(), "load the entities and set " + a.name()
                            + " on each (the owning side decides what is stored)");
                }
            }
            if (assigned.contains(path)) {
                throw target.pos().error(target.text() + " is assigned twice", "assign each attribute once");
            }
            assigned.add(path);
            Expr value = values.value(c.value(), Target.of(target.attribute(), target.text()), "SET value");
            sets.add(new SetClause(target, value, c.pos()));
        }
        return sets;
    }

    private OrderBy orderBy(OrderBy o) {
        EntityInfo entity = scope.entity();
        PathExpr p = scope.attribute(o.path());
        String path = p.attribute().path();
        List<String> sortKeys = new ArrayList<>();
        if (entity.sortKey() != null) {
            sortKeys.add(entity.sortKey());
        }
        for (IndexInfo i : entity.indexes()) {
            if (i.sortKey() != null && !sortKeys.contains(i.sortKey())) {
                sortKeys.add(i.sortKey());
            }
        }
        if (!sortKeys.contains(path)) {
            throw p.pos().error("ORDER BY " + p.text() + " is not supported: " + path
                            + " is not the sort key of table " + entity.tableName() + " or of one of its indexes",
                    sortKeys.isEmpty() ? "the entity has no sort key; sort the results in Java"
                            : "order by one of " + sortKeys + " or sort the results in Java");
        }
        return new OrderBy(p, o.descending(), o.pos());
    }
}
