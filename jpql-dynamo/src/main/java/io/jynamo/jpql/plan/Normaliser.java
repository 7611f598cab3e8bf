package io.jynamo.jpql.plan;

import io.jynamo.jpql.BoundValue;
import io.jynamo.jpql.ast.And;
import io.jynamo.jpql.ast.Between;
import io.jynamo.jpql.ast.CaseFunction;
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
import io.jynamo.jpql.ast.Or;
import io.jynamo.jpql.ast.Param;
import io.jynamo.jpql.ast.PathExpr;
import io.jynamo.jpql.ast.SizeExpr;
import io.jynamo.jpql.ast.Truth;
import io.jynamo.jpql.model.AttributeInfo;
import io.jynamo.jpql.model.EntityInfo;
import io.jynamo.jpql.plan.Bound.All;
import io.jynamo.jpql.plan.Bound.Any;
import io.jynamo.jpql.plan.Bound.Attr;
import io.jynamo.jpql.plan.Bound.Btw;
import io.jynamo.jpql.plan.Bound.Cmp;
import io.jynamo.jpql.plan.Bound.Const;
import io.jynamo.jpql.plan.Bound.Deferred;
import io.jynamo.jpql.plan.Bound.Exists;
import io.jynamo.jpql.plan.Bound.InList;
import io.jynamo.jpql.plan.Bound.Match;
import io.jynamo.jpql.plan.Bound.Member;
import io.jynamo.jpql.plan.Bound.Operand;
import io.jynamo.jpql.plan.Bound.Size;
import io.jynamo.jpql.plan.Bound.Val;
import io.jynamo.jpql.semantic.LikePattern;
import io.jynamo.jpql.semantic.Types;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns the analysed WHERE into a {@link Bound} condition in negation normal form with JPQL's three-valued
 * logic: NOT is pushed down into the atoms (a comparison with NULL is false either way), NOT BETWEEN becomes
 * two comparisons, IN drops duplicates and NULLs, LIKE becomes =, begins_with or contains, and what the
 * arguments already decide folds to TRUE or FALSE.
 */
final class Normaliser {
    static final Const TRUE = new Const(true);
    static final Const FALSE = new Const(false);

    private final Binder binder;

    private Normaliser(Binder binder) {
        this.binder = binder;
    }

    /** The WHERE condition bound and normalised; {@link #TRUE} when there is none. */
    static Bound where(Condition where, Binder binder) {
        return where == null ? TRUE : new Normaliser(binder).nnf(where, false);
    }

    private Bound nnf(Condition c, boolean neg) {
        if (c instanceof And a) {
            List<Bound> ops = new ArrayList<>();
            a.operands().forEach(o -> ops.add(nnf(o, neg)));
            return neg ? any(ops) : all(ops);
        }
        if (c instanceof Or o) {
            List<Bound> ops = new ArrayList<>();
            o.operands().forEach(x -> ops.add(nnf(x, neg)));
            return neg ? all(ops) : any(ops);
        }
        if (c instanceof Not n) {
            return nnf(n.operand(), !neg);
        }
        if (c instanceof Comparison cmp) {
            return comparison(cmp.left(), neg ? cmp.op().negate() : cmp.op(), cmp.right());
        }
        if (c instanceof Between b) {
            return between(b, neg ^ b.negated());
        }
        if (c instanceof Like l) {
            return like(l, neg ^ l.negated());
        }
        if (c instanceof In in) {
            return in(in, neg ^ in.negated());
        }
        if (c instanceof EntityComparison e) {
            return entity(e, neg ? e.op().negate() : e.op());
        }
        if (c instanceof Truth t) {
            return t.value() != neg ? TRUE : FALSE;
        }
        if (c instanceof IsNull n) {
            boolean wantExists = neg ^ n.negated();
            if (n.value() instanceof PathExpr p) {
                return new Exists(p.attribute(), wantExists);
            }
            Object operand = binder.eval(n.value());
            if (operand instanceof Binder.Unbound u) {
                binder.note(u.label() + " IS " + (wantExists ? "NOT " : "") + "NULL is decided when " + u.label()
                        + " is bound: the condition, and with it the operation, may simplify then");
                return new Deferred(null, u.label() + " IS " + (wantExists ? "NOT " : "") + "NULL");
            }
            boolean isNull = operand == null;
            return wantExists != isNull ? TRUE : FALSE;
        }
        MemberOf m = (MemberOf) c;
        boolean negated = neg ^ m.negated();
        Object v = binder.eval(m.element());
        if (v == null) {
            return FALSE;
        }
        AttributeInfo coll = m.collection().attribute();
        return new Member(coll, new BoundValue(v, coll, true), negated);
    }

    /**
     * An entity comparison as comparisons of the stored key attributes with the key of each entity bound: one
     * attribute compares like any attribute; a composite key is equal when every part is, different when any is.
     */
    private Bound entity(EntityComparison e, EntityComparison.Op op) {
        List<AttributeInfo> attrs = e.keyAttributes();
        switch (op) {
            case IS_NULL, IS_NOT_NULL -> {
                List<Bound> ops = new ArrayList<>();
                attrs.forEach(a -> ops.add(new Exists(a, op == EntityComparison.Op.IS_NOT_NULL)));
                return all(ops);
            }
            case EQ, NE -> {
                List<BoundValue> key = key(e, binder.eval(e.values().get(0)));
                if (key == null) {
                    return FALSE; // comparison with NULL (or an entity without a key) is unknown, and so is its negation
                }
                return keyComparison(attrs, key, op == EntityComparison.Op.EQ);
            }
            default -> {
                boolean negated = op == EntityComparison.Op.NOT_IN;
                List<List<BoundValue>> keys = new ArrayList<>();
                Set<List<Object>> seen = new LinkedHashSet<>();
                boolean hasNull = false;
                boolean stepKeys = false;
                for (Expr x : e.values()) {
                    Object v = binder.eval(x);
                    List<Object> items = new ArrayList<>();
                    if (v instanceof Collection<?> col) {
                        items.addAll(col);
                    } else {
                        items.add(v);
                    }
                    for (Object item : items) {
                        stepKeys |= item instanceof io.jynamo.jpql.EntityKey;
                        List<BoundValue> key = key(e, item);
                        if (key == null) {
                            hasNull = true;
                            continue;
                        }
                        List<Object> id = new ArrayList<>();
                        key.forEach(k -> id.add(Types.identity(k.value())));
                        if (seen.add(id)) {
                            keys.add(key);
                        }
                    }
                }
                if (negated && hasNull) {
                    return FALSE; // x NOT IN (.., NULL) is never true
                }
                if (keys.isEmpty()) {
                    return negated ? TRUE : FALSE;
                }
                boolean symbolicStep = keys.size() == 1 && keys.get(0).get(0).value() instanceof Binder.Unbound
                        && e.values().stream().anyMatch(x -> x instanceof Param p && p.name() != null
                        && p.name().startsWith(io.jynamo.jpql.semantic.Step.KEY_PREFIX))
                        && !e.keyAttributes().get(0).path().equals(e.target().keyPaths().get(0));
                if (symbolicStep && !negated) {
                    binder.note(e.text() + ": the root is read for each key the step finds, as planned here for one "
                            + "(up to 100 keys: one such read each; more: one read with the foreign key IN them)");
                }
                if ((stepKeys || symbolicStep) && !negated && keys.size() == 1) {
                    // One key a step found: an equality, which a Query of the foreign-key index can serve.
                    return keyComparison(attrs, keys.get(0), true);
                }
                if (attrs.size() == 1) {
                    List<BoundValue> values = new ArrayList<>();
                    keys.forEach(k -> values.add(k.get(0)));
                    return new InList(attrs.get(0), values, negated);
                }
                List<Bound> ops = new ArrayList<>();
                keys.forEach(k -> ops.add(keyComparison(attrs, k, !negated)));
                return negated ? all(ops) : any(ops);
            }
        }
    }

    private static Bound keyComparison(List<AttributeInfo> attrs, List<BoundValue> key, boolean equal) {
        List<Bound> ops = new ArrayList<>();
        for (int i = 0; i < attrs.size(); i++) {
            ops.add(new Cmp(new Attr(attrs.get(i)), equal ? CompareOp.EQ : CompareOp.NE, new Val(key.get(i))));
        }
        return equal ? all(ops) : any(ops);
    }

    /**
     * The key of an entity argument as values of the stored key attributes, or {@code null} for NULL or an entity
     * without a key. For explain, an unbound parameter stands for its key attributes ({@code :c.id}).
     */
    private List<BoundValue> key(EntityComparison e, Object entity) {
        if (entity == null) {
            return null;
        }
        EntityInfo target = e.target();
        List<String> paths = target.keyPaths();
        List<BoundValue> out = new ArrayList<>();
        if (entity instanceof Binder.Unbound u) {
            boolean step = e.values().stream().anyMatch(x -> x instanceof Param p && p.name() != null
                    && p.name().startsWith(io.jynamo.jpql.semantic.Step.KEY_PREFIX));
            if (!step) {
                binder.note(e.text() + " is compared with the key of the entity bound to " + u.label() + ", read by the model's "
                        + "key extractor of " + target.name());
            }
            for (int i = 0; i < paths.size(); i++) {
                out.add(new BoundValue(new Binder.Unbound(u.label() + "." + paths.get(i), u.collection()),
                        e.keyAttributes().get(i), false));
            }
            return out;
        }
        if (entity instanceof io.jynamo.jpql.EntityKey k) {
            // A step's result: the key itself, read by the provider from the items it found.
            for (int i = 0; i < paths.size(); i++) {
                Object v = k.values().get(paths.get(i));
                if (v == null) {
                    return null;
                }
                out.add(new BoundValue(v, e.keyAttributes().get(i), false));
            }
            return out;
        }
        if (target.keyOf() == null) {
            throw new IllegalArgumentException(e.text() + " is compared with an entity (" + entity.getClass().getName()
                    + ", at " + e.pos() + ") but the query model cannot read the key of a " + target.name()
                    + "; compare the key attributes instead");
        }
        if (target.javaType() != null && !target.javaType().isInstance(entity)) {
            throw new IllegalArgumentException(e.text() + " (at " + e.pos() + ") is a " + target.name() + " but the "
                    + "argument is a " + entity.getClass().getName() + "; bind a " + target.javaType().getName());
        }
        Map<String, Object> key = target.keyOf().apply(entity);
        for (int i = 0; i < paths.size(); i++) {
            Object v = key == null ? null : key.get(paths.get(i));
            if (v == null) {
                return null;
            }
            out.add(new BoundValue(v, e.keyAttributes().get(i), false));
        }
        return out;
    }

    private Operand operand(Expr e, AttributeInfo against) {
        if (e instanceof PathExpr p) {
            return new Attr(p.attribute());
        }
        if (e instanceof SizeExpr s) {
            return new Size(s.collection().attribute());
        }
        Object v = binder.eval(e);
        return v == null ? null : new Val(new BoundValue(v, against, false));
    }

    private static AttributeInfo attributeOf(Expr e) {
        return e instanceof PathExpr p ? p.attribute() : null;
    }

    private Bound comparison(Expr l, CompareOp op, Expr r) {
        Operand left = operand(l, attributeOf(r));
        Operand right = operand(r, attributeOf(l));
        if (left == null || right == null) {
            return FALSE; // comparison with NULL is unknown, and so is its negation
        }
        if (left instanceof Val) {
            return new Cmp(right, op.flip(), left);
        }
        return new Cmp(left, op, right);
    }

    private Bound between(Between b, boolean negated) {
        AttributeInfo a = attributeOf(b.value());
        Operand v = operand(b.value(), null);
        Object lo = binder.eval(b.low());
        Object hi = binder.eval(b.high());
        Val low = lo == null ? null : new Val(new BoundValue(lo, a, false));
        Val high = hi == null ? null : new Val(new BoundValue(hi, a, false));
        if (!negated) {
            if (low == null || high == null || Types.greater(lo, hi)) {
                return FALSE;
            }
            return new Btw(v, low, high);
        }
        List<Bound> ops = new ArrayList<>();
        ops.add(low == null ? FALSE : new Cmp(v, CompareOp.LT, low));
        ops.add(high == null ? FALSE : new Cmp(v, CompareOp.GT, high));
        return any(ops);
    }

    private Bound like(Like l, boolean negated) {
        AttributeInfo a = ((PathExpr) l.value()).attribute();
        Object v = binder.eval(l.pattern());
        if (v == null) {
            return FALSE;
        }
        if (v instanceof Binder.Unbound u) {
            binder.note("LIKE " + u.label() + " becomes begins_with, contains or = once the pattern is bound "
                    + "('p%', '%s%', 'text'); a prefix on a sort key then joins the key condition; any other pattern "
                    + "('%s', 'a_c') is matched in Java after the read");
            return new Deferred(a, (negated ? "NOT LIKE " : "LIKE ") + u.label());
        }
        String label = l.pattern() instanceof Literal ? "'" + v + "'" : describeParam(l.pattern()) + " = '" + v + "'";
        LikePattern p = LikePattern.parse((String) v, l.escape(), l.pattern().pos(), label);
        return switch (p.shape()) {
            case EQUALS -> new Cmp(new Attr(a), negated ? CompareOp.NE : CompareOp.EQ, new Val(new BoundValue(p.text(), a, false)));
            case ANY -> negated ? FALSE : new Exists(a, true);
            case OTHER -> throw new IllegalStateException("LIKE " + label + " is matched in Java (Planner.needsJava)");
            default -> new Match(a, p.shape(), new BoundValue(p.text(), null, false), negated);
        };
    }

    private static String describeParam(Expr e) {
        if (e instanceof Param p) {
            return "parameter " + p.label();
        }
        if (e instanceof CaseFunction f) {
            return (f.upper() ? "UPPER(" : "LOWER(") + describeParam(f.argument()) + ")";
        }
        return "value";
    }

    private Bound in(In in, boolean negated) {
        if (!(in.value() instanceof PathExpr)) {
            return valuesIn(in, negated);
        }
        AttributeInfo a = ((PathExpr) in.value()).attribute();
        Set<Object> values = new LinkedHashSet<>();
        boolean hasNull = false;
        for (Expr e : in.items()) {
            Object v = binder.eval(e);
            if (v instanceof Collection<?> col && !(a.javaType().isInstance(v))) {
                for (Object o : col) {
                    if (o == null) {
                        hasNull = true;
                    } else {
                        values.add(o);
                    }
                }
            } else if (v == null) {
                hasNull = true;
            } else {
                values.add(v);
            }
        }
        if (!negated) {
            if (values.isEmpty()) {
                return FALSE;
            }
        } else {
            if (hasNull) {
                return FALSE; // x NOT IN (.., NULL) is never true
            }
            if (values.isEmpty()) {
                return TRUE;
            }
        }
        List<BoundValue> bv = new ArrayList<>();
        for (Object v : values) {
            bv.add(new BoundValue(v, a, false));
        }
        return new InList(a, bv, negated);
    }

    /** {@code :p IN (1, 2)}: decided by the arguments, with SQL's NULLs (a NULL value, or no match beside a NULL, is unknown). */
    private Bound valuesIn(In in, boolean negated) {
        Object v = binder.eval(in.value());
        List<Object> items = new ArrayList<>();
        for (Expr e : in.items()) {
            Object x = binder.eval(e);
            if (x instanceof Collection<?> col) {
                items.addAll(col);
            } else {
                items.add(x);
            }
        }
        if (v instanceof Binder.Unbound || items.stream().anyMatch(x -> x instanceof Binder.Unbound)) {
            binder.note("IN of values only is decided when its parameters are bound: the condition, and with it the"
                    + " operation, may simplify then");
            return new Deferred(null, "IN of values");
        }
        boolean found = v != null && items.stream().anyMatch(x -> x != null && (v instanceof Number a && x instanceof Number b
                ? Types.toBigDecimal(a).compareTo(Types.toBigDecimal(b)) == 0 : v.equals(x)));
        if (v == null || !found && items.contains(null)) {
            return FALSE; // unknown, and so is its negation
        }
        return found != negated ? TRUE : FALSE;
    }

    private static Bound all(List<Bound> ops) {
        List<Bound> out = new ArrayList<>();
        for (Bound b : ops) {
            if (b instanceof Const c) {
                if (!c.value()) {
                    return FALSE;
                }
            } else if (b instanceof All a) {
                out.addAll(a.operands());
            } else {
                out.add(b);
            }
        }
        if (out.isEmpty()) {
            return TRUE;
        }
        return out.size() == 1 ? out.get(0) : new All(out);
    }

    private static Bound any(List<Bound> ops) {
        List<Bound> out = new ArrayList<>();
        for (Bound b : ops) {
            if (b instanceof Const c) {
                if (c.value()) {
                    return TRUE;
                }
            } else if (b instanceof Any a) {
                out.addAll(a.operands());
            } else {
                out.add(b);
            }
        }
        if (out.isEmpty()) {
            return FALSE;
        }
        return out.size() == 1 ? out.get(0) : new Any(out);
    }
}
