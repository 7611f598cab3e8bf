package io.jynamo.jpql.semantic;

import io.jynamo.jpql.SelectKind;
import io.jynamo.jpql.StatementKind;
import io.jynamo.jpql.ValueKind;
import io.jynamo.jpql.ast.Computed;
import io.jynamo.jpql.ast.Condition;
import io.jynamo.jpql.ast.EntityComparison;
import io.jynamo.jpql.ast.Expr;
import io.jynamo.jpql.ast.OrderBy;
import io.jynamo.jpql.ast.PathExpr;
import io.jynamo.jpql.ast.SetClause;
import io.jynamo.jpql.ast.Statement;
import io.jynamo.jpql.model.AssociationInfo;
import io.jynamo.jpql.model.AttributeInfo;
import io.jynamo.jpql.model.EntityInfo;

import java.util.ArrayList;
import java.util.List;

/**
 * Checks the clauses of a statement around its condition: the select list, the SET assignments of an
 * UPDATE (never a key attribute, each attribute once) and ORDER BY (scalar attributes with an order).
 */
final class Statements {
    private final Scope scope;
    private final Values values;
    private final Conditions conditions;
    /** {@code SELECT o.customer}: the to-one whose targets are selected, or {@code null}. */
    private Scope.EntityPath selectedTarget;

    Statements(Scope scope, Values values, Conditions conditions) {
        this.scope = scope;
        this.values = values;
        this.conditions = conditions;
    }

    Statement statement(Statement s) {
        List<PathExpr> selected = s.kind() == StatementKind.SELECT ? selectList(s) : new ArrayList<>();
        List<SetClause> sets = assignments(s.sets());
        Condition where = s.where() == null ? null : conditions.condition(s.where());
        List<OrderBy> orderBy = new ArrayList<>();
        for (OrderBy o : s.order()) {
            AssociationInfo toOne = o.path() != null && scope.rootedAtVariable(o.path()) ? scope.association(o.path()) : null;
            if (toOne != null && toOne.kind() == AssociationInfo.Kind.OWNING_TO_ONE) {
                // ORDER BY o.customer orders by the target's key, which the owner stores (as SQL orders by the column).
                for (AttributeInfo fk : scope.entityPath(o.path(), "ORDER BY").keyAttributes()) {
                    orderBy.add(new OrderBy(o.path().resolved(fk), o.descending(), o.pos(), o.nullsFirst()));
                }
                continue;
            }
            orderBy.add(orderBy(o, s));
        }
        SelectKind kind = s.selectKind();
        if (selectedTarget != null) {
            kind = SelectKind.ATTRIBUTES;
        }
        if (selectedTarget != null && !(scope.isJoinVariable(selectedTarget.text()) && scope.innerJoin(selectedTarget.text()))) {
            // SELECT o.customer is an inner join: the rows without the foreign key have no target to return
            // (an inner JOIN o.customer c adds that condition itself).
            Scope.EntityPath t = selectedTarget;
            Condition present = new EntityComparison(t.text(), t.keyAttributes(), t.target(),
                    EntityComparison.Op.IS_NOT_NULL, List.of(), t.pos());
            where = where == null ? present : Condition.and(List.of(where, present));
        }
        Statement.ResultShape shape = s.kind() == StatementKind.SELECT && s.shape().computed() ? computed(s.shape())
                : s.shape();
        return new Statement(s.kind(), s.entityName(), s.entityPos(), s.variable(), kind, selected, sets,
                where, orderBy, s.joins(), shape, s.distinct());
    }

    /**
     * Select items computed in Java ({@code SELECT e.price * e.quantity, LENGTH(e.name)}): each is resolved as a
     * value of the WHERE clause is, and typed by JPQL's result type rules ({@link ResultTypes}). An attribute path
     * among them is read as it is.
     */
    private Statement.ResultShape computed(Statement.ResultShape shape) {
        ResultTypes resultTypes = new ResultTypes(scope);
        List<Expr> items = new ArrayList<>();
        List<Class<?>> types = new ArrayList<>();
        for (int i = 0; i < shape.items().size(); i++) {
            Expr e = shape.items().get(i);
            if (e instanceof PathExpr p && scope.rootedAtVariable(p) && scope.association(p) != null) {
                throw p.pos().error("selecting the association " + p.text() + " beside computed items is not supported",
                        "select its key attribute (" + p.text() + ".<key attribute>) or the entity");
            }
            if (scope.isAttribute(e)) {
                PathExpr p = scope.scalarAttribute(e, "select item");
                items.add(p);
                types.add(p.attribute().javaType());
                continue;
            }
            Class<?> type = resultTypes.of(e);
            Class<?> declared = i < shape.types().size() && shape.types().get(i) != Object.class
                    ? Types.wrap(shape.types().get(i)) : null;
            if (declared != null && (type == null || Computed.aggregate(e))) {
                // A Criteria query's values are parameters, which tell no type here, and its aggregates have the
                // type the API declares (sum(Expression<Integer>) is an Integer): the expression's type decides.
                type = declared;
            } else if (declared != null && Types.numeric(type) && Types.numeric(declared)) {
                // Arithmetic: the widest operand's, a value's too (quantity * 10F is a Float).
                type = ResultTypes.number(type, declared);
            }
            JavaValues.Typed t = conditions.java().resolve(e, type == null ? null : JavaValues.category(type),
                    "select item");
            items.add(t.expr());
            types.add(type != null ? type : Types.wrap(t.type()));
        }
        return new Statement.ResultShape(shape.constructor(), shape.aliases(), items, types);
    }

    /** {@code SELECT o.customer}: the to-one whose targets the query returns, else {@code null}. */
    AssociationInfo selectedAssociation() {
        return selectedTarget == null ? null : selectedTarget.association();
    }

    /**
     * A select item that is a to-one ({@code o.customer}, or the variable of {@code JOIN o.customer c}): its
     * foreign-key attributes are read, and the provider reads the targets by key; refused when the model's
     * provider does not run that step. Beside other items it is a pseudo-attribute of the target itself
     * ({@link AttributeInfo#NAVIGATION_PREFIX} and the association's name), loaded after the read as a path
     * through the to-one is, and returned as the managed target.
     */
    private List<PathExpr> selectTarget(Statement s, PathExpr p) {
        Scope.EntityPath t = scope.entityPath(p, "SELECT");
        String fetch = t.association().name();
        if (!scope.readsSelectedTargets()) {
            throw p.pos().error("selecting the to-one " + p.text() + " is not supported", "select " + s.variable()
                    + " with LEFT JOIN FETCH " + s.variable() + "." + fetch + " and read it from each result, or select its key ("
                    + s.variable() + "." + fetch + "." + t.target().partitionKey() + ")");
        }
        if (s.selected().size() > 1) {
            return List.of(p.resolved(targetItself(t)));
        }
        selectedTarget = t;
        List<PathExpr> selected = new ArrayList<>();
        for (AttributeInfo a : t.keyAttributes()) {
            selected.add(p.resolved(a));
        }
        return selected;
    }

    /** The pseudo-attribute of a to-one's target itself, selected beside other items. */
    private static AttributeInfo targetItself(Scope.EntityPath t) {
        return new AttributeInfo(AttributeInfo.NAVIGATION_PREFIX + t.association().name(), List.of(), ValueKind.MAP,
                t.target().javaType() == null ? Object.class : t.target().javaType(), null);
    }

    private List<PathExpr> selectList(Statement s) {
        List<PathExpr> selected = new ArrayList<>();
        if (s.selectKind() == SelectKind.ATTRIBUTES) {
            for (PathExpr p : s.selected()) {
                AssociationInfo a = scope.rootedAtVariable(p) ? scope.association(p) : null;
                if (a != null && a.kind() == AssociationInfo.Kind.OWNING_TO_ONE) {
                    selected.addAll(selectTarget(s, p));
                    continue;
                }
                selected.add(scope.attribute(p));
            }
        } else {
            for (PathExpr p : s.selected()) {
                scope.checkVariable(p);
                if (s.selectKind() == SelectKind.ENTITY && scope.isJoinVariable(p.text())
                        && scope.joinedAssociation(p.text()).kind() == AssociationInfo.Kind.OWNING_TO_ONE) {
                    return selectTarget(s, p);
                }
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
        List<PathExpr> targets = new ArrayList<>();
        List<String> assigned = new ArrayList<>();
        boolean inJava = false;
        for (SetClause c : clauses) {
            PathExpr target = scope.attribute(c.target());
            String path = target.attribute().path();
            if (path.equals(entity.partitionKey()) || path.equals(entity.sortKey()) || entity.sortKeyParts().contains(path)) {
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
            targets.add(target);
            inJava |= computedInJava(c.value());
        }
        List<SetClause> sets = new ArrayList<>();
        for (int i = 0; i < clauses.size(); i++) {
            SetClause c = clauses.get(i);
            PathExpr target = targets.get(i);
            Target t = Target.of(target.attribute(), target.text());
            Expr value;
            if (inJava && (conditions.java().javaOnly(c.value()) || scope.isAttribute(c.value()))) {
                value = javaValue(target, c.value());
            } else if (c.value() instanceof Computed computed) {
                value = increment(target, computed);
            } else {
                value = values.value(c.value(), t, "SET value");
            }
            sets.add(new SetClause(target, value, c.pos(), inJava));
        }
        return sets;
    }

    /**
     * Whether a SET value is computed in Java from the item as read: an attribute, a function or arithmetic,
     * other than {@code e.n ± value}, which DynamoDB computes itself ({@link #increment}).
     */
    private boolean computedInJava(Expr value) {
        if (scope.isAttribute(value)) {
            return true;
        }
        if (!conditions.java().javaOnly(value)) {
            return false;
        }
        if (value instanceof Computed c && (c.function().equals("+") || c.function().equals("-")) && c.arguments().size() == 2) {
            // e.n + v / v + e.n: one attribute and one literal or parameter
            Expr a = c.arguments().get(0);
            Expr b = c.arguments().get(1);
            boolean attributeAndValue = scope.isAttribute(a) && !conditions.java().javaOnly(b) && !scope.isAttribute(b)
                    || scope.isAttribute(b) && !conditions.java().javaOnly(a) && !scope.isAttribute(a);
            return !attributeAndValue;
        }
        return true;
    }

    /**
     * A SET value computed in Java: its type must be one the attribute takes. Numbers convert to the attribute's
     * number type when the value fits (checked for each item), but a decimal type never goes into a whole-number
     * attribute without a CAST (JPQL's SQL would round or truncate, depending on the database); dates and times
     * convert among their kinds.
     */
    private Expr javaValue(PathExpr target, Expr value) {
        Class<?> to = Types.wrap(target.attribute().javaType());
        Class<?> typed = scope.isAttribute(value) ? null : new ResultTypes(scope).of(value); // JPQL's type: u.age * 2 is an Integer
        JavaValues.Typed t = conditions.java().resolve(value, to, "SET value");
        Class<?> from = Types.wrap(typed != null ? typed : t.type());
        boolean fits = to.isAssignableFrom(from) || from == Object.class
                || Types.numeric(from) && Types.numeric(to) && !(Types.whole(to) && !Types.whole(from))
                || JavaValues.temporal(from) && JavaValues.temporal(to);
        if (!fits) {
            throw value.pos().error("SET " + target.text() + " = a value of type " + from.getName() + ", but "
                    + target.text() + " is " + to.getName(), Types.whole(to) && Types.numeric(from)
                    ? "make it a whole number with CAST(... AS Integer) (or Long)"
                    : "assign a value of the attribute's type");
        }
        return t.expr();
    }

    /**
     * {@code SET e.n = e.m + v} (or {@code - v}, {@code v + e.m}, {@code v - e.m}): the one arithmetic DynamoDB
     * computes in an update ({@code SET #n = #m + :v}), atomically, with no read before it. Both attributes are
     * numbers of the entity; the value a literal or parameter ({@link #computedInJava} sends every other shape to Java).
     */
    private Computed increment(PathExpr target, Computed c) {
        int at = scope.isAttribute(c.arguments().get(0)) ? 0 : 1;
        PathExpr operand = scope.attribute((PathExpr) c.arguments().get(at));
        for (PathExpr p : List.of(target, operand)) {
            if (p.attribute().kind() != io.jynamo.jpql.ValueKind.NUMBER) {
                throw p.pos().error("SET arithmetic needs numbers, and " + p.text() + " is stored as "
                        + p.attribute().kind(), "join strings with CONCAT(...)");
            }
        }
        Expr value = values.value(c.arguments().get(1 - at), Target.of(operand.attribute(), operand.text()), "SET value");
        return new Computed(c.function(), at == 0 ? List.of(operand, value) : List.of(value, operand), c.pos());
    }

    /**
     * One ORDER BY item: any scalar attribute whose Java values are ordered. A single item on the sort key of the
     * table or an index is ordered by DynamoDB when the plan queries it; everything else is sorted in memory
     * after the read (the planner says which, under the provider's client-side policy).
     */
    private OrderBy orderBy(OrderBy o, Statement s) {
        Statement.ResultShape shape = s.shape();
        Expr item = o.computed() != null ? o.computed() : o.path();
        // ORDER BY total, for SELECT e.a + e.b AS total: the select item of that result variable.
        if (item instanceof PathExpr v && v.names().size() == 1 && shape.aliases().contains(v.text())) {
            int at = shape.aliases().indexOf(v.text());
            item = shape.computed() ? shape.items().get(at) : s.selected().get(at);
        }
        if (!(item instanceof PathExpr)) {
            JavaValues.Typed t = conditions.java().resolve(item, null, "ORDER BY item");
            Class<?> c = JavaValues.category(t.type());
            if (c != String.class && c != java.math.BigDecimal.class && !JavaValues.temporal(t.type())
                    && c != Boolean.class && !c.isEnum()) {
                throw item.pos().error("ORDER BY a value of type " + t.type().getName() + " is not supported",
                        "order by a number, string, boolean, enum, date or time");
            }
            return new OrderBy(null, o.descending(), o.pos(), o.nullsFirst(), t.expr());
        }
        PathExpr p = scope.scalarAttribute(item, "ORDER BY");
        Class<?> t = p.attribute().javaType();
        if (!t.isPrimitive() && !Comparable.class.isAssignableFrom(t) && !java.util.Date.class.isAssignableFrom(t)
                && !java.util.Calendar.class.isAssignableFrom(t)) {
            throw p.pos().error("ORDER BY " + p.text() + " is not supported: its type " + t.getName()
                    + " has no order", "order by a number, string, boolean, enum, date or time attribute");
        }
        return new OrderBy(p, o.descending(), o.pos(), o.nullsFirst());
    }
}
