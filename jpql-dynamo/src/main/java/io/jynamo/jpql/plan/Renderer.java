package io.jynamo.jpql.plan;

import io.jynamo.jpql.BoundValue;
import io.jynamo.jpql.ast.CompareOp;
import io.jynamo.jpql.expression.ExpressionBuilder;
import io.jynamo.jpql.model.AttributeInfo;
import io.jynamo.jpql.plan.Bound.All;
import io.jynamo.jpql.plan.Bound.Any;
import io.jynamo.jpql.plan.Bound.Attr;
import io.jynamo.jpql.plan.Bound.Btw;
import io.jynamo.jpql.plan.Bound.Cmp;
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

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Renders one plan's conditions, projection and update into DynamoDB expression text, allocating the
 * {@code #nK} and {@code :vK} placeholders in the order the text uses them (key condition, filter,
 * projection, update, write condition), all over one set of names and values.
 */
final class Renderer {
    /** DynamoDB accepts at most 100 operands in one IN. */
    static final int MAX_IN = 100;

    private final ExpressionBuilder<BoundValue> x = new ExpressionBuilder<>();

    /** ExpressionAttributeNames so far. */
    Map<String, String> names() {
        return x.names();
    }

    /** ExpressionAttributeValues so far. */
    Map<String, BoundValue> values() {
        return x.values();
    }

    String name(AttributeInfo a) {
        return x.path(a.storedPath());
    }

    String value(BoundValue v) {
        return x.value(v);
    }

    private String exists(AttributeInfo a) {
        return x.attributeExists(a.storedPath());
    }

    private String notExists(AttributeInfo a) {
        return x.attributeNotExists(a.storedPath());
    }

    /** UPDATE: {@code a = :v} in the SET clause. */
    void set(AttributeInfo a, BoundValue v) {
        x.set(a.storedPath(), v);
    }

    /** UPDATE: {@code a = operand ± v} in the SET clause, computed by DynamoDB. */
    void setArithmetic(AttributeInfo a, AttributeInfo operand, String op, BoundValue v, boolean valueFirst) {
        x.setArithmetic(a.storedPath(), operand.storedPath(), op, v, valueFirst);
    }

    /** UPDATE: {@code a} in the REMOVE clause. */
    void remove(AttributeInfo a) {
        x.remove(a.storedPath());
    }

    /** UPDATE: the SET and REMOVE clauses so far, or {@code null} for none. */
    String update() {
        return x.update();
    }

    String projection(List<AttributeInfo> attrs) {
        Set<String> out = new LinkedHashSet<>();
        for (AttributeInfo a : attrs) {
            out.add(name(a));
        }
        return String.join(", ", out);
    }

    String conjunction(List<Bound> ops) {
        List<String> parts = new ArrayList<>();
        for (Bound b : ops) {
            parts.add(ops.size() > 1 ? wrapped(b) : atom(b));
        }
        return String.join(" AND ", parts);
    }

    private String wrapped(Bound b) {
        String s = atom(b);
        return b instanceof All || b instanceof Any ? "(" + s + ")" : s;
    }

    String operand(Operand o) {
        if (o instanceof Attr a) {
            return name(a.attribute());
        }
        if (o instanceof Size s) {
            return "size(" + name(s.attribute()) + ")";
        }
        return value(((Val) o).value());
    }

    /** A sort-key condition inside a KeyConditionExpression. */
    String keyAtom(Bound b) {
        if (b instanceof Match m) {
            return "begins_with(" + name(m.attribute()) + ", " + value(m.text()) + ")";
        }
        if (b instanceof Btw t) {
            return operand(t.value()) + " BETWEEN " + operand(t.low()) + " AND " + operand(t.high());
        }
        Cmp c = (Cmp) b;
        return operand(c.left()) + " " + c.op().symbol() + " " + operand(c.right());
    }

    /**
     * One condition as filter or condition text. Each kind is its own method, and a conjunction or disjunction
     * recurses through a plain loop, so that the deepest WHERE the analyser allows renders on a small stack.
     */
    String atom(Bound b) {
        if (b instanceof All a) {
            return joined(a.operands(), " AND ");
        }
        if (b instanceof Any a) {
            return joined(a.operands(), " OR ");
        }
        if (b instanceof Cmp c) {
            return cmp(c);
        }
        if (b instanceof Btw t) {
            return between(t);
        }
        if (b instanceof Match m) {
            return match(m);
        }
        if (b instanceof InList in) {
            return in(in);
        }
        if (b instanceof Deferred d) {
            return d.attribute() == null ? d.text() : name(d.attribute()) + " " + d.text();
        }
        if (b instanceof Exists e) {
            return e.exists() ? exists(e.attribute()) : notExists(e.attribute());
        }
        if (b instanceof Member m) {
            return member(m);
        }
        throw new IllegalStateException("constant inside a condition: " + b);
    }

    private String joined(List<Bound> operands, String operator) {
        List<String> parts = new ArrayList<>(operands.size());
        for (Bound o : operands) {
            parts.add(wrapped(o));
        }
        return String.join(operator, parts);
    }

    private String between(Btw t) {
        // Two comparisons rather than BETWEEN: the same on DynamoDB, and the local engine (moto) wrongly
        // treats a stored 0 or "" as absent inside BETWEEN.
        String v = operand(t.value());
        String s = "(" + v + " >= " + operand(t.low()) + " AND " + v + " <= " + operand(t.high()) + ")";
        if (t.value() instanceof Size size) {
            return "(" + (zeroWithin(t.low(), t.high()) ? notExists(size.attribute()) + " OR "
                    : exists(size.attribute()) + " AND ") + s + ")";
        }
        return s;
    }

    private String match(Match m) {
        String fn = (m.shape() == LikePattern.Shape.PREFIX ? "begins_with(" : "contains(") + name(m.attribute())
                + ", " + value(m.text()) + ")";
        return m.negated() ? "(" + exists(m.attribute()) + " AND NOT " + fn + ")" : fn;
    }

    private String in(InList in) {
        String n = name(in.attribute());
        List<String> chunks = new ArrayList<>();
        for (int i = 0; i < in.values().size(); i += MAX_IN) {
            List<String> vs = new ArrayList<>();
            for (BoundValue v : in.values().subList(i, Math.min(in.values().size(), i + MAX_IN))) {
                vs.add(value(v));
            }
            chunks.add(n + " IN (" + String.join(", ", vs) + ")");
        }
        if (!in.negated()) {
            return chunks.size() == 1 ? chunks.get(0) : "(" + String.join(" OR ", chunks) + ")";
        }
        StringBuilder sb = new StringBuilder("(").append(exists(in.attribute()));
        for (String c : chunks) {
            sb.append(" AND NOT (").append(c).append(")");
        }
        return sb.append(")").toString();
    }

    private String member(Member m) {
        String n = name(m.collection());
        String fn = "contains(" + n + ", " + value(m.element()) + ")";
        return m.negated() ? "(" + notExists(m.collection()) + " OR NOT " + fn + ")" : fn;
    }

    private String cmp(Cmp c) {
        String s = operand(c.left()) + " " + c.op().symbol() + " " + operand(c.right());
        if (c.left() instanceof Size size && c.right() instanceof Val v) {
            // The guard is redundant on DynamoDB (size of an absent attribute is false) but the local
            // engine (moto) fails the whole request when size() meets an absent attribute.
            return satisfiedByZero(c.op(), v)
                    ? "(" + notExists(size.attribute()) + " OR " + s + ")"
                    : "(" + exists(size.attribute()) + " AND " + s + ")";
        }
        if (c.op() == CompareOp.EQ && c.left() instanceof Attr a && c.right() instanceof Attr) {
            // Redundant on DynamoDB, where a comparison with an absent attribute is false; moto finds two
            // absent attributes equal.
            return "(" + exists(a.attribute()) + " AND " + s + ")";
        }
        if (c.op() == CompareOp.NE) {
            StringBuilder sb = new StringBuilder("(");
            for (Operand o : List.of(c.left(), c.right())) {
                if (o instanceof Attr a) {
                    sb.append(exists(a.attribute())).append(" AND ");
                }
            }
            return sb.length() == 1 ? s : sb.append(s).append(")").toString();
        }
        return s;
    }

    private static boolean satisfiedByZero(CompareOp op, Val v) {
        BigDecimal n = v.value().value() instanceof Number num ? Types.toBigDecimal(num) : null;
        return n != null && op.test(BigDecimal.ZERO.compareTo(n));
    }

    private static boolean zeroWithin(Val lo, Val hi) {
        return satisfiedByZero(CompareOp.GE, lo) && satisfiedByZero(CompareOp.LE, hi);
    }
}
