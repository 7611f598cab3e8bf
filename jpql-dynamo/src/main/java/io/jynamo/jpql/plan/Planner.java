package io.jynamo.jpql.plan;

import io.jynamo.jpql.Assignment;
import io.jynamo.jpql.AttributeInfo;
import io.jynamo.jpql.BoundValue;
import io.jynamo.jpql.EntityInfo;
import io.jynamo.jpql.IndexInfo;
import io.jynamo.jpql.Operation;
import io.jynamo.jpql.ParameterInfo;
import io.jynamo.jpql.SelectKind;
import io.jynamo.jpql.StatementKind;
import io.jynamo.jpql.ast.And;
import io.jynamo.jpql.ast.Between;
import io.jynamo.jpql.ast.CaseFunction;
import io.jynamo.jpql.ast.CompareOp;
import io.jynamo.jpql.ast.Comparison;
import io.jynamo.jpql.ast.Condition;
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
import io.jynamo.jpql.ast.SetClause;
import io.jynamo.jpql.ast.SizeExpr;
import io.jynamo.jpql.ast.Statement;
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
import io.jynamo.jpql.semantic.Analysis;
import io.jynamo.jpql.semantic.LikePattern;
import io.jynamo.jpql.semantic.Types;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Binds arguments to an analysed statement and plans the DynamoDB operation: converts the WHERE to
 * negation normal form with JPQL's three-valued logic, chooses GetItem, BatchGetItem, Query (table or
 * index) or Scan, and renders the expressions with placeholders.
 */
public final class Planner {
    /** DynamoDB accepts at most 100 operands in one IN. */
    static final int MAX_IN = 100;

    private final Analysis analysis;
    private final EntityInfo entity;
    private final Statement stmt;
    private final Map<Object, Object> args = new HashMap<>();
    private final Map<Object, ParameterInfo> infos = new HashMap<>();

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

    /** Explain only: whether parameters stand unbound, and what the plan then cannot tell yet. */
    private boolean symbolic;
    private final List<String> notes = new ArrayList<>();

    private Planner(Analysis analysis) {
        this.analysis = analysis;
        this.entity = analysis.entity();
        this.stmt = analysis.statement();
    }

    /**
     * Binds the arguments and plans the operation.
     *
     * @param analysis    the analysed statement
     * @param arguments   arguments by name (String) or position (Integer); may be null when there are none
     * @param forcedIndex the index to use (hint {@code jynamo.index}) or {@code null}
     * @throws IllegalArgumentException for missing or ill-typed arguments, an unusable forced index, an
     *                                  ORDER BY no Query can serve or a LIKE pattern DynamoDB cannot evaluate
     */
    public static PlanData plan(Analysis analysis, Map<Object, Object> arguments, String forcedIndex) {
        Planner p = new Planner(analysis);
        p.checkArguments(arguments == null ? Map.of() : arguments);
        return p.run(forcedIndex);
    }

    /**
     * Plans the operation without arguments, for explain: every parameter stands as its placeholder
     * ({@code :name}, {@code ?1}), planned as a non-null value, and the text says where the operation or a
     * condition depends on the value bound.
     *
     * @throws IllegalArgumentException for an unknown or unusable forced index or an ORDER BY no Query can serve
     */
    public static String explainUnbound(Analysis analysis, String forcedIndex) {
        Planner p = new Planner(analysis);
        p.symbolic = true;
        for (ParameterInfo info : analysis.parameters()) {
            p.infos.put(info.key(), info);
            p.args.put(info.key(), new Unbound(info.label(), info.collectionAllowed()));
        }
        if (!analysis.parameters().isEmpty()) {
            List<String> labels = new ArrayList<>();
            analysis.parameters().forEach(i -> labels.add(i.label()));
            p.notes.add((labels.size() == 1 ? "parameter " + labels.get(0) + " is" : "parameters " + String.join(", ", labels)
                    + " are") + " not bound: shown as placeholders and planned as non-null values (a NULL argument makes "
                    + "a comparison with it false)");
        }
        PlanData plan = p.run(forcedIndex);
        StringBuilder sb = new StringBuilder(plan.explain());
        for (String note : new LinkedHashSet<>(p.notes)) {
            sb.append('\n').append("note:").append(" ".repeat(11)).append(note);
        }
        return sb.toString();
    }

    // ---- arguments --------------------------------------------------------------------------

    private void checkArguments(Map<Object, Object> arguments) {
        for (ParameterInfo info : analysis.parameters()) {
            Object key = info.key();
            infos.put(key, info);
            if (!arguments.containsKey(key)) {
                throw new IllegalArgumentException("parameter " + info.label() + " of the " + stmt.entityName()
                        + " query is not bound; call setParameter(" + (info.name() != null ? "\"" + info.name() + "\"" : info.position())
                        + ", value)");
            }
            Object v = arguments.get(key);
            args.put(key, v == null ? null : coerce(info, v));
        }
    }

    private Object coerce(ParameterInfo info, Object v) {
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

    private Object eval(Expr e) {
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

    // ---- negation normal form ---------------------------------------------------------------

    private static final Const TRUE = new Const(true);
    private static final Const FALSE = new Const(false);

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
        if (c instanceof IsNull n) {
            boolean wantExists = neg ^ n.negated();
            if (n.value() instanceof PathExpr p) {
                return new Exists(p.attribute(), wantExists);
            }
            Object operand = eval(n.value());
            if (operand instanceof Unbound u) {
                notes.add(u.label() + " IS " + (wantExists ? "NOT " : "") + "NULL is decided when " + u.label()
                        + " is bound: the condition, and with it the operation, may simplify then");
                return new Deferred(null, u.label() + " IS " + (wantExists ? "NOT " : "") + "NULL");
            }
            boolean isNull = operand == null;
            return wantExists != isNull ? TRUE : FALSE;
        }
        MemberOf m = (MemberOf) c;
        boolean negated = neg ^ m.negated();
        Object v = eval(m.element());
        if (v == null) {
            return FALSE;
        }
        AttributeInfo coll = m.collection().attribute();
        return new Member(coll, new BoundValue(v, coll, true), negated);
    }

    private Operand operand(Expr e, AttributeInfo against) {
        if (e instanceof PathExpr p) {
            return new Attr(p.attribute());
        }
        if (e instanceof SizeExpr s) {
            return new Size(s.collection().attribute());
        }
        Object v = eval(e);
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
        Object lo = eval(b.low());
        Object hi = eval(b.high());
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
        Object v = eval(l.pattern());
        if (v == null) {
            return FALSE;
        }
        if (v instanceof Unbound u) {
            notes.add("LIKE " + u.label() + " becomes begins_with, contains or = once the pattern is bound "
                    + "('p%', '%s%', 'text'); a prefix on a sort key then joins the key condition");
            return new Deferred(a, (negated ? "NOT LIKE " : "LIKE ") + u.label());
        }
        String label = l.pattern() instanceof Literal ? "'" + v + "'" : describeParam(l.pattern()) + " = '" + v + "'";
        LikePattern p = LikePattern.parse((String) v, l.pattern().pos(), label);
        return switch (p.shape()) {
            case EQUALS -> new Cmp(new Attr(a), negated ? CompareOp.NE : CompareOp.EQ, new Val(new BoundValue(p.text(), a, false)));
            case ANY -> negated ? FALSE : new Exists(a, true);
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
        AttributeInfo a = ((PathExpr) in.value()).attribute();
        Set<Object> values = new LinkedHashSet<>();
        boolean hasNull = false;
        for (Expr e : in.items()) {
            Object v = eval(e);
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

    // ---- planning ---------------------------------------------------------------------------

    private record Candidate(IndexInfo index, Bound pkAtom, Bound skAtom) {
        String sortKey(EntityInfo e) {
            return index == null ? e.sortKey() : index.sortKey();
        }
    }

    private PlanData run(String forcedIndex) {
        Bound where = stmt.where() == null ? TRUE : nnf(stmt.where(), false);
        Renderer r = new Renderer();
        boolean count = stmt.selectKind() == SelectKind.COUNT && stmt.kind() == StatementKind.SELECT;
        if (forcedIndex != null && index(forcedIndex) == null) {
            throw new IllegalArgumentException("unknown index '" + forcedIndex + "' in hint jynamo.index for entity "
                    + entity.name() + "; its indexes: " + describeIndexes());
        }
        if (where instanceof Const c && !c.value()) {
            return finish(r, Operation.BATCH_GET_ITEM, null, null, null, List.of(), count, true, null, true);
        }
        List<Bound> conjuncts = where instanceof Const ? List.of() : where instanceof All a ? a.operands() : List.of(where);

        if (forcedIndex == null && stmt.orderBy() == null && !count) {
            List<Map<String, BoundValue>> keys = directKeys(conjuncts);
            if (keys != null && symbolic) {
                for (Map<String, BoundValue> k : keys) {
                    for (BoundValue v : k.values()) {
                        if (v.value() instanceof Unbound u && u.collection()) {
                            notes.add("the keys depend on " + u.label() + ": one key per element of the collection bound, "
                                    + "read by BatchGetItem (100 keys a call); a single value is one GetItem");
                            return finish(r, Operation.BATCH_GET_ITEM, null, null, null, keys, false, true, null, false);
                        }
                    }
                }
            }
            if (keys != null) {
                return finish(r, keys.size() == 1 ? Operation.GET_ITEM : Operation.BATCH_GET_ITEM, null, null, null,
                        keys, false, true, null, false);
            }
        }

        Candidate chosen = chooseQuery(conjuncts, forcedIndex);
        String orderPath = stmt.orderBy() == null ? null : stmt.orderBy().path().attribute().path();
        if (chosen == null) {
            if (orderPath != null) {
                throw new IllegalArgumentException("ORDER BY " + stmt.orderBy().path().text() + " (" + stmt.orderBy().pos()
                        + ") needs a Query on the table or an index whose sort key is '" + orderPath
                        + "', but none can serve this query: " + orderByReason(conjuncts, orderPath)
                        + ". Change the condition or sort in Java");
            }
            String filter = conjuncts.isEmpty() ? null : r.conjunction(conjuncts);
            return finish(r, Operation.SCAN, null, null, filter, conjuncts, List.of(), count, true, scanReason(conjuncts),
                    false);
        }
        String sk = chosen.sortKey(entity);
        if (orderPath != null && !orderPath.equals(sk)) {
            throw new IllegalArgumentException("ORDER BY " + stmt.orderBy().path().text() + " (" + stmt.orderBy().pos()
                    + ") cannot be served by " + (chosen.index() == null ? "table " + entity.tableName()
                    : "index " + chosen.index().name()) + " whose sort key is " + (sk == null ? "absent" : "'" + sk + "'")
                    + "; sort in Java or query an index sorted by '" + orderPath + "'");
        }
        StringBuilder key = new StringBuilder(r.atom(chosen.pkAtom()));
        if (chosen.skAtom() != null) {
            key.append(" AND ").append(r.keyAtom(chosen.skAtom()));
        }
        List<Bound> rest = new ArrayList<>();
        for (Bound b : conjuncts) {
            if (b != chosen.pkAtom() && b != chosen.skAtom()) {
                rest.add(b);
            }
        }
        String filter = rest.isEmpty() ? null : r.conjunction(rest);
        boolean forward = stmt.orderBy() == null || !stmt.orderBy().descending();
        return finish(r, Operation.QUERY, chosen.index() == null ? null : chosen.index().name(), key.toString(), filter,
                conjuncts, List.of(), count, forward, null, false);
    }

    private IndexInfo index(String name) {
        for (IndexInfo i : entity.indexes()) {
            if (i.name().equals(name)) {
                return i;
            }
        }
        return null;
    }

    private String describeIndexes() {
        if (entity.indexes().isEmpty()) {
            return "none";
        }
        List<String> out = new ArrayList<>();
        for (IndexInfo i : entity.indexes()) {
            out.add(i.name() + "(" + i.partitionKey() + (i.sortKey() == null ? "" : ", " + i.sortKey()) + ")");
        }
        return String.join(", ", out);
    }

    private static BoundValue equalityValue(Bound b, String path) {
        if (b instanceof Cmp c && c.op() == CompareOp.EQ && c.left() instanceof Attr a && c.right() instanceof Val v
                && a.attribute().path().equals(path)) {
            return v.value();
        }
        return null;
    }

    private static List<BoundValue> keyValues(Bound b, String path) {
        BoundValue eq = equalityValue(b, path);
        if (eq != null) {
            return List.of(eq);
        }
        if (b instanceof InList in && !in.negated() && in.attribute().path().equals(path)) {
            return in.values();
        }
        return null;
    }

    private List<Map<String, BoundValue>> directKeys(List<Bound> conjuncts) {
        String pk = entity.partitionKey();
        String sk = entity.sortKey();
        List<BoundValue> pks = null;
        List<BoundValue> sks = null;
        if (sk == null && conjuncts.size() == 1) {
            pks = keyValues(conjuncts.get(0), pk);
        } else if (sk != null && conjuncts.size() == 2) {
            for (int i = 0; i < 2; i++) {
                List<BoundValue> p = keyValues(conjuncts.get(i), pk);
                List<BoundValue> s = keyValues(conjuncts.get(1 - i), sk);
                if (p != null && s != null) {
                    pks = p;
                    sks = s;
                    break;
                }
            }
            if (sks == null) {
                return null;
            }
        }
        if (pks == null) {
            return null;
        }
        String pkName = entity.attributes().get(pk).storedPath().get(0);
        String skName = sk == null ? null : entity.attributes().get(sk).storedPath().get(0);
        Set<List<Object>> seen = new LinkedHashSet<>();
        List<Map<String, BoundValue>> keys = new ArrayList<>();
        for (BoundValue p : pks) {
            for (BoundValue s : sks == null ? Collections.<BoundValue>singletonList(null) : sks) {
                List<Object> id = new ArrayList<>();
                id.add(Types.identity(p.value()));
                id.add(s == null ? null : Types.identity(s.value()));
                if (!seen.add(id)) {
                    continue;
                }
                Map<String, BoundValue> k = new LinkedHashMap<>();
                k.put(pkName, p);
                if (s != null) {
                    k.put(skName, s);
                }
                keys.add(Collections.unmodifiableMap(k));
            }
        }
        return keys;
    }

    private Candidate chooseQuery(List<Bound> conjuncts, String forcedIndex) {
        String orderPath = stmt.orderBy() == null ? null : stmt.orderBy().path().attribute().path();
        if (forcedIndex != null) {
            IndexInfo idx = index(forcedIndex);
            Bound pkAtom = firstEquality(conjuncts, idx.partitionKey());
            if (pkAtom == null) {
                throw new IllegalArgumentException("index '" + forcedIndex + "' (hint jynamo.index) cannot be used: "
                        + "the query has no equality on its partition key '" + idx.partitionKey() + "'");
            }
            return new Candidate(idx, pkAtom, bestSortCondition(conjuncts, idx.sortKey(), pkAtom));
        }
        List<Candidate> candidates = new ArrayList<>();
        Bound tablePk = firstEquality(conjuncts, entity.partitionKey());
        if (tablePk != null) {
            candidates.add(new Candidate(null, tablePk, bestSortCondition(conjuncts, entity.sortKey(), tablePk)));
        }
        for (IndexInfo idx : entity.indexes()) {
            Bound pkAtom = firstEquality(conjuncts, idx.partitionKey());
            if (pkAtom == null || (idx.sortKey() != null && !impliesPresence(conjuncts, idx.sortKey()))) {
                continue;
            }
            candidates.add(new Candidate(idx, pkAtom, bestSortCondition(conjuncts, idx.sortKey(), pkAtom)));
        }
        if (orderPath != null) {
            candidates.removeIf(c -> !orderPath.equals(c.sortKey(entity)));
        }
        if (candidates.isEmpty()) {
            return null;
        }
        if (candidates.get(0).index() == null) {
            return candidates.get(0);
        }
        for (Candidate c : candidates) {
            if (c.skAtom() != null) {
                return c;
            }
        }
        return candidates.get(0);
    }

    private static Bound firstEquality(List<Bound> conjuncts, String path) {
        for (Bound b : conjuncts) {
            if (equalityValue(b, path) != null) {
                return b;
            }
        }
        return null;
    }

    /**
     * Items without an index's sort key are not in the index, so the index may only be queried when the
     * condition is false for such items anyway.
     */
    private static boolean impliesPresence(List<Bound> conjuncts, String path) {
        for (Bound b : conjuncts) {
            if (b instanceof Cmp c && (isAttr(c.left(), path) || isAttr(c.right(), path))
                    || b instanceof Btw t && isAttr(t.value(), path)
                    || b instanceof Match m && m.attribute().path().equals(path)
                    || b instanceof InList i && i.attribute().path().equals(path)
                    || b instanceof Exists e && e.exists() && e.attribute().path().equals(path)) {
                return true;
            }
            if (b instanceof All all && impliesPresence(all.operands(), path)) {
                return true;
            }
            if (b instanceof Any any) {
                boolean allImply = true;
                for (Bound o : any.operands()) {
                    allImply &= impliesPresence(List.of(o), path);
                }
                if (allImply) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isAttr(Operand o, String path) {
        return o instanceof Attr a && a.attribute().path().equals(path);
    }

    private static Bound bestSortCondition(List<Bound> conjuncts, String sortKey, Bound pkAtom) {
        if (sortKey == null) {
            return null;
        }
        Bound best = null;
        int bestRank = 0;
        for (Bound b : conjuncts) {
            if (b == pkAtom) {
                continue;
            }
            int rank = 0;
            if (b instanceof Cmp c && isAttr(c.left(), sortKey) && c.right() instanceof Val) {
                rank = c.op() == CompareOp.EQ ? 4 : c.op() == CompareOp.NE ? 0 : 2;
            } else if (b instanceof Btw t && isAttr(t.value(), sortKey)) {
                rank = 3;
            } else if (b instanceof Match m && !m.negated() && m.shape() == LikePattern.Shape.PREFIX
                    && m.attribute().path().equals(sortKey)) {
                rank = 1;
            }
            if (rank > bestRank) {
                best = b;
                bestRank = rank;
            }
        }
        return best;
    }

    private String scanReason(List<Bound> conjuncts) {
        if (conjuncts.isEmpty()) {
            return "no WHERE condition: every item is read";
        }
        StringBuilder sb = new StringBuilder("no equality on partition key '").append(entity.partitionKey())
                .append("' or on an index partition key (indexes: ").append(describeIndexes()).append(")");
        for (IndexInfo idx : entity.indexes()) {
            if (idx.sortKey() != null && firstEquality(conjuncts, idx.partitionKey()) != null
                    && !impliesPresence(conjuncts, idx.sortKey())) {
                sb.append("; index ").append(idx.name()).append(" has an equality on its partition key but it omits items "
                        + "without its sort key '").append(idx.sortKey()).append("': add a condition on '")
                        .append(idx.sortKey()).append("' (e.g. IS NOT NULL) or force it with hint jynamo.index");
            }
        }
        return sb.toString();
    }

    /** Why no table or index sorted by {@code orderPath} can run the query, one reason per candidate. */
    private String orderByReason(List<Bound> conjuncts, String orderPath) {
        List<String> reasons = new ArrayList<>();
        if (orderPath.equals(entity.sortKey())) {
            reasons.add("table " + entity.tableName() + " has no equality on its partition key '" + entity.partitionKey() + "'");
        }
        for (IndexInfo idx : entity.indexes()) {
            if (!orderPath.equals(idx.sortKey())) {
                continue;
            }
            if (firstEquality(conjuncts, idx.partitionKey()) == null) {
                reasons.add("index " + idx.name() + " has no equality on its partition key '" + idx.partitionKey() + "'");
            } else {
                reasons.add("index " + idx.name() + " omits items without its sort key '" + orderPath
                        + "': add a condition on '" + orderPath + "' (e.g. IS NOT NULL) or force it with hint jynamo.index");
            }
        }
        return String.join("; ", reasons);
    }

    // ---- output -----------------------------------------------------------------------------

    private PlanData finish(Renderer r, Operation op, String indexName, String keyCondition, String filter,
                            List<Map<String, BoundValue>> keys, boolean count, boolean forward, String scanReason,
                            boolean alwaysEmpty) {
        return finish(r, op, indexName, keyCondition, filter, null, keys, count, forward, scanReason, alwaysEmpty);
    }

    private PlanData finish(Renderer r, Operation op, String indexName, String keyCondition, String filter,
                            List<Bound> whereConjuncts, List<Map<String, BoundValue>> keys, boolean count,
                            boolean forward, String scanReason, boolean alwaysEmpty) {
        String projection = null;
        if (stmt.kind() == StatementKind.SELECT && stmt.selectKind() == SelectKind.ATTRIBUTES) {
            List<AttributeInfo> attrs = new ArrayList<>();
            for (PathExpr p : stmt.selected()) {
                attrs.add(p.attribute());
            }
            projection = r.projection(attrs);
        } else if (stmt.kind() != StatementKind.SELECT) {
            List<AttributeInfo> attrs = new ArrayList<>();
            attrs.add(entity.attributes().get(entity.partitionKey()));
            if (entity.sortKey() != null) {
                attrs.add(entity.attributes().get(entity.sortKey()));
            }
            projection = r.projection(attrs);
        }
        List<Assignment> assignments = new ArrayList<>();
        String update = null;
        if (stmt.kind() == StatementKind.UPDATE) {
            List<String> set = new ArrayList<>();
            List<String> remove = new ArrayList<>();
            for (SetClause c : stmt.sets()) {
                AttributeInfo a = c.target().attribute();
                Object v = eval(c.value());
                if (v == null) {
                    assignments.add(new Assignment(a, null));
                    remove.add(r.name(a));
                } else {
                    BoundValue bv = new BoundValue(v, a, false);
                    assignments.add(new Assignment(a, bv));
                    set.add(r.name(a) + " = " + r.value(bv));
                }
            }
            StringBuilder sb = new StringBuilder();
            if (!set.isEmpty()) {
                sb.append("SET ").append(String.join(", ", set));
            }
            if (!remove.isEmpty()) {
                sb.append(sb.length() == 0 ? "" : " ").append("REMOVE ").append(String.join(", ", remove));
            }
            update = sb.toString();
        }
        // A bulk write re-checks the whole WHERE, key condition included: an index key may have changed since
        // the read, and only the table's own key cannot. Rendered last, so the read's placeholders stay as they were.
        String writeCondition = stmt.kind() == StatementKind.SELECT || whereConjuncts == null || whereConjuncts.isEmpty()
                ? null : r.conjunction(whereConjuncts);
        Map<String, String> names = Collections.unmodifiableMap(new LinkedHashMap<>(r.names));
        Map<String, BoundValue> values = Collections.unmodifiableMap(new LinkedHashMap<>(r.values));
        List<Map<String, BoundValue>> keyList = List.copyOf(keys);
        String updateExpression = update;
        String projected = projection;
        StatementKind kind = stmt.kind();
        return new PlanData(op, entity.tableName(), indexName, keyCondition, filter, projection, names, values,
                keyList, count, forward, List.copyOf(assignments), update, writeCondition, scanReason, alwaysEmpty,
                () -> Explain.render(entity, op, indexName, keyCondition, filter, projected, names, values, keyList,
                        count, forward, updateExpression, writeCondition, scanReason, alwaysEmpty, kind));
    }

    /** Renders atoms into expression text, allocating {@code #nK} and {@code :vK} placeholders. */
    private static final class Renderer {
        final Map<String, String> names = new LinkedHashMap<>();
        final Map<String, BoundValue> values = new LinkedHashMap<>();
        private final Map<String, String> bySegment = new HashMap<>();

        String name(AttributeInfo a) {
            List<String> parts = new ArrayList<>();
            for (String seg : a.storedPath()) {
                String ph = bySegment.get(seg);
                if (ph == null) {
                    ph = "#n" + bySegment.size();
                    bySegment.put(seg, ph);
                    names.put(ph, seg);
                }
                parts.add(ph);
            }
            return String.join(".", parts);
        }

        String value(BoundValue v) {
            String ph = ":v" + values.size();
            values.put(ph, v);
            return ph;
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

        String atom(Bound b) {
            if (b instanceof All a) {
                List<String> parts = new ArrayList<>();
                a.operands().forEach(o -> parts.add(wrapped(o)));
                return String.join(" AND ", parts);
            }
            if (b instanceof Any a) {
                List<String> parts = new ArrayList<>();
                a.operands().forEach(o -> parts.add(wrapped(o)));
                return String.join(" OR ", parts);
            }
            if (b instanceof Cmp c) {
                return cmp(c);
            }
            if (b instanceof Btw t) {
                // Two comparisons rather than BETWEEN: the same on DynamoDB, and the local engine (moto) wrongly
                // treats a stored 0 or "" as absent inside BETWEEN.
                String v = operand(t.value());
                String s = "(" + v + " >= " + operand(t.low()) + " AND " + v + " <= " + operand(t.high()) + ")";
                if (t.value() instanceof Size size) {
                    return "(" + (zeroWithin(t.low(), t.high()) ? "attribute_not_exists(" : "attribute_exists(")
                            + name(size.attribute()) + (zeroWithin(t.low(), t.high()) ? ") OR " : ") AND ") + s + ")";
                }
                return s;
            }
            if (b instanceof Match m) {
                String fn = (m.shape() == LikePattern.Shape.PREFIX ? "begins_with(" : "contains(") + name(m.attribute())
                        + ", " + value(m.text()) + ")";
                return m.negated() ? "(attribute_exists(" + name(m.attribute()) + ") AND NOT " + fn + ")" : fn;
            }
            if (b instanceof InList in) {
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
                StringBuilder sb = new StringBuilder("(attribute_exists(").append(n).append(")");
                for (String c : chunks) {
                    sb.append(" AND NOT (").append(c).append(")");
                }
                return sb.append(")").toString();
            }
            if (b instanceof Deferred d) {
                return d.attribute() == null ? d.text() : name(d.attribute()) + " " + d.text();
            }
            if (b instanceof Exists e) {
                return (e.exists() ? "attribute_exists(" : "attribute_not_exists(") + name(e.attribute()) + ")";
            }
            if (b instanceof Member m) {
                String n = name(m.collection());
                String fn = "contains(" + n + ", " + value(m.element()) + ")";
                return m.negated() ? "(attribute_not_exists(" + n + ") OR NOT " + fn + ")" : fn;
            }
            throw new IllegalStateException("constant inside a condition: " + b);
        }

        private String cmp(Cmp c) {
            String s = operand(c.left()) + " " + c.op().symbol() + " " + operand(c.right());
            if (c.left() instanceof Size size && c.right() instanceof Val v) {
                // The guard is redundant on DynamoDB (size of an absent attribute is false) but the local
                // engine (moto) fails the whole request when size() meets an absent attribute.
                return satisfiedByZero(c.op(), v)
                        ? "(attribute_not_exists(" + name(size.attribute()) + ") OR " + s + ")"
                        : "(attribute_exists(" + name(size.attribute()) + ") AND " + s + ")";
            }
            if (c.op() == CompareOp.EQ && c.left() instanceof Attr a && c.right() instanceof Attr) {
                // Redundant on DynamoDB, where a comparison with an absent attribute is false; moto finds two
                // absent attributes equal.
                return "(attribute_exists(" + name(a.attribute()) + ") AND " + s + ")";
            }
            if (c.op() == CompareOp.NE) {
                StringBuilder sb = new StringBuilder("(");
                for (Operand o : List.of(c.left(), c.right())) {
                    if (o instanceof Attr a) {
                        sb.append("attribute_exists(").append(name(a.attribute())).append(") AND ");
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
}
