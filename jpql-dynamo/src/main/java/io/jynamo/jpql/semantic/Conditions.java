package io.jynamo.jpql.semantic;

import io.jynamo.jpql.ast.Between;
import io.jynamo.jpql.ast.CompareOp;
import io.jynamo.jpql.ast.Comparison;
import io.jynamo.jpql.ast.Condition;
import io.jynamo.jpql.ast.EntityComparison;
import io.jynamo.jpql.ast.Expr;
import io.jynamo.jpql.ast.In;
import io.jynamo.jpql.ast.IsNull;
import io.jynamo.jpql.ast.Like;
import io.jynamo.jpql.ast.Literal;
import io.jynamo.jpql.ast.MemberOf;
import io.jynamo.jpql.ast.Not;
import io.jynamo.jpql.ast.Param;
import io.jynamo.jpql.ast.PathExpr;
import io.jynamo.jpql.ast.Pos;
import io.jynamo.jpql.ast.SizeExpr;
import io.jynamo.jpql.ast.Truth;
import io.jynamo.jpql.model.AssociationInfo;
import io.jynamo.jpql.model.AttributeInfo;
import io.jynamo.jpql.model.EntityInfo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Types the conditions of a WHERE clause: each predicate needs an attribute of the entity on one side and a
 * value DynamoDB can compare it with on the other; what DynamoDB cannot evaluate is refused.
 */
final class Conditions {
    private final Scope scope;
    private final Values values;
    private final JavaValues java;

    Conditions(Scope scope, Values values) {
        this.scope = scope;
        this.values = values;
        this.java = new JavaValues(scope, values, this::condition);
    }

    /** The resolver of values computed in Java, which select items share with the conditions. */
    JavaValues java() {
        return java;
    }

    Condition condition(Condition c) {
        return Condition.map(c, this::atom);
    }

    private Condition atom(Condition c) {
        if (c instanceof Comparison cmp) {
            return comparison(cmp);
        }
        if (c instanceof Between b) {
            return between(b);
        }
        if (c instanceof Like l) {
            return like(l);
        }
        if (c instanceof In in) {
            return in(in);
        }
        if (c instanceof IsNull n) {
            return isNull(n);
        }
        if (c instanceof Truth) {
            return c;
        }
        return memberOf((MemberOf) c);
    }

    private Condition comparison(Comparison c) {
        if (java.javaOnly(c.left()) || java.javaOnly(c.right())) {
            // Evaluated in Java after the read (DynamoDB cannot compute), under the client-side policy.
            boolean leftFirst = java.javaOnly(c.left()) || scope.isAttribute(c.left());
            JavaValues.Typed first = java.resolve(leftFirst ? c.left() : c.right(), null, "comparison");
            JavaValues.Typed second = java.resolve(leftFirst ? c.right() : c.left(),
                    JavaValues.category(first.type()), "comparison");
            JavaValues.Typed l = leftFirst ? first : second;
            JavaValues.Typed r = leftFirst ? second : first;
            if (!JavaValues.comparable(l.type(), r.type())) {
                throw c.pos().error("cannot compare a " + l.type().getSimpleName() + " with a " + r.type().getSimpleName(),
                        "compare values of the same kind");
            }
            requireAttribute(c.pos(), l, r);
            return new Comparison(l.expr(), c.op(), r.expr(), c.pos());
        }
        scope.checkNoCaseOnAttribute(c.left());
        scope.checkNoCaseOnAttribute(c.right());
        Expr left = c.left();
        Expr right = c.right();
        Scope.EntityPath le = scope.entityPath(left, "comparison");
        Scope.EntityPath re = scope.entityPath(right, "comparison");
        if (le != null || re != null) {
            return entityComparison(c, le, re);
        }
        boolean la = scope.isAttribute(left);
        boolean ra = scope.isAttribute(right);
        if (la && ra) {
            PathExpr l = scope.scalarAttribute(left, "comparison");
            PathExpr r = scope.scalarAttribute(right, "comparison");
            Class<?> lt = l.attribute().javaType();
            Class<?> rt = r.attribute().javaType();
            // A stored S never equals a stored N: both sides must be stored alike too.
            if (!(lt.equals(rt) || (Types.numeric(lt) && Types.numeric(rt))) || l.attribute().kind() != r.attribute().kind()) {
                throw c.pos().error("cannot compare " + l.text() + " (" + lt.getName() + ", stored as "
                        + l.attribute().kind() + ") with " + r.text() + " (" + rt.getName() + ", stored as "
                        + r.attribute().kind() + ")", "compare attributes of the same type and storage");
            }
            if (c.op().ordering() && !Types.orderable(l.attribute())) {
                throw notOrderable(c.op().symbol(), l, c.pos());
            }
            return new Comparison(l, c.op(), r, c.pos());
        }
        if (left instanceof SizeExpr || right instanceof SizeExpr) {
            if (left instanceof SizeExpr && right instanceof SizeExpr || la || ra) {
                throw c.pos().error("SIZE(...) can only be compared with a number", "write SIZE(e.collection) > 0");
            }
            if (left instanceof SizeExpr s) {
                return new Comparison(java.size(s), c.op(), values.value(right, Target.plain(Integer.class, "SIZE(...)"), "SIZE comparison"), c.pos());
            }
            SizeExpr s = (SizeExpr) right;
            return new Comparison(values.value(left, Target.plain(Integer.class, "SIZE(...)"), "SIZE comparison"), c.op(), java.size(s), c.pos());
        }
        if (!la && !ra) {
            scope.rejectStrayPath(left);
            scope.rejectStrayPath(right);
            throw c.pos().error("a comparison needs an attribute (or SIZE) on one side",
                    "compare an attribute of the entity with a literal or parameter");
        }
        PathExpr attr = scope.scalarAttribute(la ? left : right, "comparison");
        if (c.op().ordering() && !Types.orderable(attr.attribute())) {
            throw notOrderable(c.op().symbol(), attr, c.pos());
        }
        Expr v = values.value(la ? right : left, Target.of(attr.attribute(), attr.text()), "comparison");
        return la ? new Comparison(attr, c.op(), v, c.pos()) : new Comparison(v, c.op(), attr, c.pos());
    }

    /**
     * {@code path = :entity}, {@code path <> :entity} for an entity-valued path: a comparison of the stored key
     * attributes with the key of the entity bound (the planner extracts it).
     */
    private Condition entityComparison(Comparison c, Scope.EntityPath le, Scope.EntityPath re) {
        if (le != null && re != null) {
            throw c.pos().error("comparing two entities (" + le.text() + " " + c.op().symbol() + " " + re.text()
                    + ") is not supported", "compare their keys, e.g. " + le.text() + "." + le.target().partitionKey()
                    + " = :key, or compare one of them with a parameter");
        }
        Scope.EntityPath e = le != null ? le : re;
        Expr other = le != null ? c.right() : c.left();
        if (c.op() != CompareOp.EQ && c.op() != CompareOp.NE) {
            throw c.pos().error("'" + c.op().symbol() + "' is not defined on the entity " + e.text(),
                    "entities are compared with = and <>; compare an attribute for ordering");
        }
        Expr v = entityValue(other, e, false);
        return new EntityComparison(e.text(), e.keyAttributes(), e.target(),
                c.op() == CompareOp.EQ ? EntityComparison.Op.EQ : EntityComparison.Op.NE, List.of(v), c.pos());
    }

    /** What an entity-valued path is compared with: a parameter bound to an entity (or collection of them), or NULL. */
    private Expr entityValue(Expr other, Scope.EntityPath e, boolean collection) {
        if (other instanceof Param p) {
            if (e.target().keyOf() == null) {
                String self = e.association() == null ? "'" + e.text() + "' is the entity itself" : e.text() + " is an entity";
                throw e.pos().error(self + ", and the query model cannot read the key of a " + e.target().name()
                        + " argument", "compare its key attributes, e.g. " + e.text() + "." + e.target().partitionKey()
                        + " = :key");
            }
            Class<?> type = e.target().javaType() == null ? Object.class : e.target().javaType();
            values.value(p, new Target(type, null, e.text(), collection), "entity comparison");
            return p;
        }
        if (other instanceof Literal l && l.value() == null) {
            return l;
        }
        scope.rejectStrayPath(other);
        String key = e.target().keyPaths().get(0);
        throw other.pos().error(e.text() + " is an entity (" + e.target().name() + ") and can only be compared with a "
                + "parameter bound to an entity", "write " + e.text() + " = :" + e.target().name().substring(0, 1)
                .toLowerCase(Locale.ROOT) + ", or compare its key: " + e.text() + "." + key + " = value");
    }

    private IllegalArgumentException notOrderable(String op, PathExpr p, Pos pos) {
        return pos.error("'" + op + "' is not supported on " + p.text() + " (" + p.attribute().javaType().getName() + ")",
                "ordering comparisons work on numbers, strings, dates and times stored in their default form; use = or <> here");
    }

    private Condition between(Between b) {
        if (java.javaOnly(b.value())) {
            JavaValues.Typed v = java.resolve(b.value(), null, "BETWEEN");
            requireAttribute(b.pos(), v);
            Class<?> t = JavaValues.category(v.type());
            return new Between(v.expr(), java.resolve(b.low(), t, "BETWEEN bound").expr(),
                    java.resolve(b.high(), t, "BETWEEN bound").expr(), b.negated(), b.pos());
        }
        scope.checkNoCaseOnAttribute(b.value());
        if (b.value() instanceof SizeExpr s) {
            Expr rs = java.size(s);
            return new Between(rs, values.value(b.low(), Target.plain(Integer.class, "SIZE(...)"), "BETWEEN bound"),
                    values.value(b.high(), Target.plain(Integer.class, "SIZE(...)"), "BETWEEN bound"), b.negated(), b.pos());
        }
        PathExpr p = leftAttribute(b.value(), "BETWEEN", "BETWEEN needs an attribute on the left",
                "write e.a BETWEEN :low AND :high");
        if (!Types.orderable(p.attribute())) {
            throw notOrderable("BETWEEN", p, b.pos());
        }
        Target t = Target.of(p.attribute(), p.text());
        return new Between(p, values.value(b.low(), t, "BETWEEN bound"), values.value(b.high(), t, "BETWEEN bound"), b.negated(), b.pos());
    }

    /** The scalar attribute a BETWEEN, LIKE or IN tests, refusing anything else on its left. */
    private PathExpr leftAttribute(Expr value, String construct, String needs, String hint) {
        scope.rejectStrayPath(value);
        if (!scope.isAttribute(value)) {
            throw value.pos().error(needs, hint);
        }
        return scope.scalarAttribute(value, construct);
    }

    private Condition like(Like l) {
        if (java.javaOnly(l.value())) {
            // UPPER(e.name) LIKE UPPER(:p) (Spring Data's IgnoreCase): any pattern, matched in Java after the read.
            JavaValues.Typed v = java.resolve(l.value(), null, "LIKE");
            if (v.type() != String.class) {
                throw l.pos().error("LIKE needs a string but the value is " + v.type().getName(), null);
            }
            JavaValues.Typed pattern = java.resolve(l.pattern(), String.class, "LIKE pattern");
            requireAttribute(l.pos(), v, pattern);
            return new Like(v.expr(), pattern.expr(), l.negated(), l.pos(), l.escape());
        }
        scope.checkNoCaseOnAttribute(l.value());
        PathExpr p = leftAttribute(l.value(), "LIKE", "LIKE needs a string attribute on the left",
                "write e.name LIKE 'prefix%'");
        if (p.attribute().javaType() != String.class) {
            throw p.pos().error("LIKE needs a string attribute but " + p.text() + " is "
                    + p.attribute().javaType().getName(), "use =, IN or a range comparison");
        }
        Expr pattern = values.value(l.pattern(), Target.plain(String.class, "a LIKE pattern"), "LIKE pattern");
        if (pattern instanceof Literal lit) {
            if (lit.value() == null) {
                return new Like(p, pattern, l.negated(), l.pos(), l.escape());
            }
            String text = (String) lit.value();
            LikePattern.parse(text, l.escape(), lit.pos(), "'" + text.replace("'", "''") + "'");
        }
        return new Like(p, pattern, l.negated(), l.pos(), l.escape());
    }

    /** A condition computed in Java must read an attribute: one of values alone is decided by the caller. */
    private static void requireAttribute(Pos pos, JavaValues.Typed... operands) {
        for (JavaValues.Typed t : operands) {
            if (JavaValues.readsAttribute(t.expr())) {
                return;
            }
        }
        throw pos.error("a condition of functions or arithmetic needs an attribute",
                "compute values without attributes in Java and pass the result as a parameter");
    }

    private Condition in(In in) {
        if (java.javaOnly(in.value())) {
            JavaValues.Typed v = java.resolve(in.value(), null, "IN");
            requireAttribute(in.pos(), v);
            List<Expr> items = new ArrayList<>();
            for (Expr e : in.items()) {
                items.add(java.resolveItem(e, JavaValues.category(v.type())).expr());
            }
            return new In(v.expr(), items, in.negated(), in.pos());
        }
        scope.checkNoCaseOnAttribute(in.value());
        Scope.EntityPath ep = scope.entityPath(in.value(), "IN");
        if (ep != null) {
            List<Expr> items = new ArrayList<>();
            for (Expr x : in.items()) {
                items.add(entityValue(x, ep, true));
            }
            return new EntityComparison(ep.text(), ep.keyAttributes(), ep.target(),
                    in.negated() ? EntityComparison.Op.NOT_IN : EntityComparison.Op.IN, items, in.pos());
        }
        if (in.value() instanceof Param || in.value() instanceof Literal) {
            return valuesIn(in);
        }
        PathExpr p = leftAttribute(in.value(), "IN", "IN needs an attribute on the left",
                "write e.a IN (:x, :y) or e.a IN :list");
        Target t = Target.of(p.attribute(), p.text()).allowingCollections();
        List<Expr> items = new ArrayList<>();
        for (Expr e : in.items()) {
            items.add(values.value(e, t, "IN item"));
        }
        return new In(p, items, in.negated(), in.pos());
    }

    /**
     * {@code :p IN (1, 2)}: values only, decided when the arguments are bound (as {@code :p IS NULL} is). The
     * parameters take the type of the first literal (any type when there is none); a literal keeps its own.
     */
    private Condition valuesIn(In in) {
        List<Expr> all = new ArrayList<>(in.items());
        all.add(0, in.value());
        Class<?> type = Object.class;
        for (Expr e : all) {
            if (!(e instanceof Param) && !(e instanceof Literal)) {
                throw e.pos().error("IN with a value on the left takes literals and parameters only",
                        "write e.a IN (...) to test an attribute");
            }
            if (e instanceof Literal l && l.value() != null && type == Object.class) {
                type = Types.wrap(l.value().getClass());
            }
        }
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i) instanceof Param p) {
                values.value(p, new Target(type, null, "IN " + (i == 0 ? "value" : "item"), i > 0), "IN value");
            }
        }
        return in;
    }

    private Condition isNull(IsNull n) {
        if (java.javaOnly(n.value())) {
            JavaValues.Typed v = java.resolve(n.value(), null, "IS NULL");
            requireAttribute(n.pos(), v);
            return new IsNull(v.expr(), n.negated(), n.pos());
        }
        scope.checkNoCaseOnAttribute(n.value());
        Expr v = n.value();
        Scope.EntityPath e = scope.entityPath(v, "IS NULL");
        if (e != null) {
            return new EntityComparison(e.text(), e.keyAttributes(), e.target(),
                    n.negated() ? EntityComparison.Op.IS_NOT_NULL : EntityComparison.Op.IS_NULL, List.of(), n.pos());
        }
        if (scope.isAttribute(v)) {
            return new IsNull(scope.attribute((PathExpr) v), n.negated(), n.pos());
        }
        scope.rejectStrayPath(v);
        if (v instanceof SizeExpr) {
            throw v.pos().error("SIZE(...) is never null", "use SIZE(e.collection) = 0");
        }
        return new IsNull(values.value(v, Target.plain(Object.class, "IS NULL"), "IS NULL operand"), n.negated(), n.pos());
    }

    private Condition memberOf(MemberOf m) {
        AssociationInfo rel = java.relationshipCollection(m.collection(), "MEMBER OF");
        if (rel != null) {
            return relationshipMember(m, rel);
        }
        PathExpr p = scope.attribute(m.collection());
        AttributeInfo a = p.attribute();
        if (!Types.collection(a) || a.elementType() == null) {
            throw p.pos().error("MEMBER OF needs a collection attribute but " + p.text() + " is "
                    + a.javaType().getName(), "use = or IN");
        }
        scope.checkNoCaseOnAttribute(m.element());
        if (scope.isAttribute(m.element())) {
            throw m.element().pos().error("MEMBER OF an attribute of the same entity is not supported",
                    "pass the value as a parameter");
        }
        Expr e = values.value(m.element(), Target.element(a, p.text()), "MEMBER OF element");
        return new MemberOf(e, p, m.negated(), m.pos());
    }

    /**
     * {@code :x [NOT] MEMBER OF e.children} of a relationship collection: the owners holding {@code :x} are found
     * by a step before the root read (its owning to-one's foreign key for an inverse one-to-many, a Query of the
     * link table for a link-table side), and the condition becomes {@code e [NOT] IN (those owners)}, a key
     * condition. A NULL element makes it UNKNOWN either way.
     */
    private Condition relationshipMember(MemberOf m, AssociationInfo rel) {
        Scope.EntityPath root = scope.entityPath(new PathExpr(List.of(scope.variable()), m.collection().pos(), null), "MEMBER OF");
        String text = memberText(m);
        if (!m.collection().names().get(0).equals(scope.variable())) {
            throw m.collection().pos().error("MEMBER OF on " + m.collection().text() + " is not supported: it navigates "
                    + "from a joined entity", "write it on a collection of " + scope.variable());
        }
        EntityInfo target = scope.target(rel, m.pos());
        if (m.element() instanceof Literal l && l.value() == null) {
            // NULL MEMBER OF anything is UNKNOWN, and so is its negation: an entity comparison with NULL.
            return new EntityComparison(text, root.keyAttributes(), scope.entity(), EntityComparison.Op.EQ, List.of(l), m.pos());
        }
        if (m.element() instanceof PathExpr element && rel.kind() == AssociationInfo.Kind.INVERSE_ONE_TO_MANY
                && toOneOfRoot(element, target)) {
            return elementOfOwnCollection(m, element, rel);
        }
        if (!(m.element() instanceof Param element)) {
            scope.rejectStrayPath(m.element());
            throw m.element().pos().error("MEMBER OF " + m.collection().text() + " needs a parameter bound to a "
                    + target.name(), "write :" + target.name().substring(0, 1).toLowerCase(Locale.ROOT) + " MEMBER OF "
                    + m.collection().text());
        }
        if (target.keyOf() == null) {
            throw m.pos().error("MEMBER OF " + m.collection().text() + ": the query model cannot read the key of a "
                    + target.name() + " argument", "query " + target.name() + " instead");
        }
        Class<?> type = target.javaType() == null ? Object.class : target.javaType();
        values.value(element, new Target(type, null, "an element of " + m.collection().text(), false), "MEMBER OF element");
        Param keys = scope.step(rel, element, null, text, m.pos(), scope.entity().keyPaths(), false);
        return new EntityComparison(text, root.keyAttributes(), scope.entity(),
                m.negated() ? EntityComparison.Op.NOT_IN : EntityComparison.Op.IN, List.of(keys), m.pos());
    }

    /** Whether a path is an owning to-one of the root ({@code o.sampleLine}) to the entity given. */
    private boolean toOneOfRoot(PathExpr p, EntityInfo target) {
        if (p.names().size() != 2 || !p.names().get(0).equals(scope.variable())) {
            return false;
        }
        AssociationInfo a = scope.entity().associations().get(p.names().get(1));
        return a != null && a.kind() == AssociationInfo.Kind.OWNING_TO_ONE && a.targetEntity().equals(target.name());
    }

    /**
     * {@code o.sampleLine [NOT] MEMBER OF o.lines} of an inverse one-to-many: the line's owning side names the order
     * ({@code o.sampleLine.order.id IS NOT NULL AND o.sampleLine.order.id = o.id}), evaluated in Java on the targets
     * loaded after the read. A line of no order is no member; a NULL element makes either UNKNOWN (no row).
     */
    private Condition elementOfOwnCollection(MemberOf m, PathExpr element, AssociationInfo rel) {
        List<Condition> member = new ArrayList<>();
        for (String key : scope.entity().keyPaths()) {
            List<String> through = new ArrayList<>(element.names());
            through.add(rel.mappedBy());
            through.addAll(List.of(key.split("\\.")));
            List<String> own = new ArrayList<>(List.of(scope.variable()));
            own.addAll(List.of(key.split("\\.")));
            PathExpr foreignKey = new PathExpr(through, element.pos(), null);
            member.add(new IsNull(foreignKey, true, m.pos()));
            member.add(new Comparison(foreignKey, CompareOp.EQ, new PathExpr(own, element.pos(), null), m.pos()));
        }
        Condition in = Condition.and(member);
        return condition(m.negated() ? Condition.and(List.of(new IsNull(element, true, m.pos()), new Not(in))) : in);
    }

    /** {@code :x [NOT] MEMBER OF e.children} as written, for explain and messages. */
    private static String memberText(MemberOf m) {
        String e = m.element() instanceof Param p ? p.label() : m.element() instanceof Literal l && l.value() == null
                ? "NULL" : String.valueOf(m.element());
        return e + (m.negated() ? " NOT" : "") + " MEMBER OF " + m.collection().text();
    }
}
