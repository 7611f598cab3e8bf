package io.jynamo.jpql.plan;

import io.jynamo.jpql.ClientSide;
import io.jynamo.jpql.ast.And;
import io.jynamo.jpql.ast.Between;
import io.jynamo.jpql.ast.CaseExpr;
import io.jynamo.jpql.ast.CaseFunction;
import io.jynamo.jpql.ast.CompareOp;
import io.jynamo.jpql.ast.Comparison;
import io.jynamo.jpql.ast.Computed;
import io.jynamo.jpql.ast.Condition;
import io.jynamo.jpql.ast.Expr;
import io.jynamo.jpql.ast.In;
import io.jynamo.jpql.ast.IsNull;
import io.jynamo.jpql.ast.Like;
import io.jynamo.jpql.ast.Literal;
import io.jynamo.jpql.ast.MemberOf;
import io.jynamo.jpql.ast.Not;
import io.jynamo.jpql.ast.Or;
import io.jynamo.jpql.ast.OrderBy;
import io.jynamo.jpql.ast.Param;
import io.jynamo.jpql.ast.PathExpr;
import io.jynamo.jpql.ast.RelationSize;
import io.jynamo.jpql.ast.SizeExpr;
import io.jynamo.jpql.ast.Truth;
import io.jynamo.jpql.model.AssociationInfo;
import io.jynamo.jpql.model.AttributeInfo;
import io.jynamo.jpql.semantic.Types;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a plan leaves to Java: the top-level conjuncts DynamoDB cannot evaluate, evaluated with JPQL's
 * three-valued logic (only TRUE keeps a row), and an ORDER BY sorted in memory.
 */
final class ClientWork implements ClientSide {
    private final List<Condition> conditions;
    private final List<OrderBy> order;
    private final Binder binder;
    private final List<AttributeInfo> attributes;
    /** SIZE of relationship collections: pseudo-attribute path to the association counted. */
    private final Map<String, AssociationInfo> counted = new LinkedHashMap<>();

    ClientWork(List<Condition> conditions, List<OrderBy> order, Binder binder) {
        this.conditions = List.copyOf(conditions);
        this.order = List.copyOf(order);
        this.binder = binder;
        Map<String, AttributeInfo> attrs = new LinkedHashMap<>();
        for (Condition c : conditions) {
            collect(Condition.expressions(c), attrs);
        }
        for (OrderBy o : order) {
            if (o.computed() != null) {
                collect(Expr.nodes(o.computed()), attrs);
            } else {
                attrs.putIfAbsent(o.path().attribute().path(), o.path().attribute());
            }
        }
        this.attributes = List.copyOf(attrs.values());
        for (Condition c : conditions) {
            for (Expr e : Condition.expressions(c)) {
                if (e instanceof RelationSize r) {
                    counted.putIfAbsent(r.attribute().path(), r.association());
                }
            }
        }
    }

    @Override
    public AssociationInfo counted(AttributeInfo attribute) {
        return counted.get(attribute.path());
    }

    @Override
    public long countUpTo(AttributeInfo attribute) {
        long upTo = 1;
        for (Condition c : conditions) {
            for (Condition atom : Condition.atoms(c)) {
                upTo = Math.max(upTo, countUpTo(atom, attribute.path()));
            }
        }
        return upTo;
    }

    /**
     * How far an atom needs the count of the relationship at {@code path}: a comparison with a number n
     * decides from min(count, n + 1) (or n, for {@code <} and {@code >=}), anything else needs the whole count.
     */
    private long countUpTo(Condition c, String path) {
        if (Condition.operands(c).stream().noneMatch(e -> reads(e, path))) {
            return 1;
        }
        if (c instanceof Comparison cmp && (counts(cmp.left(), path) || counts(cmp.right(), path))) {
            Object v = counts(cmp.left(), path) ? safeEval(cmp.right()) : safeEval(cmp.left());
            if (!(v instanceof Number n) || reads(counts(cmp.left(), path) ? cmp.right() : cmp.left(), path)) {
                return Long.MAX_VALUE;
            }
            long k = n.longValue();
            boolean countOnLeft = counts(cmp.left(), path);
            CompareOp op = countOnLeft ? cmp.op() : mirror(cmp.op());
            // count < k and count >= k are decided by whether k are there; =, <>, <=, > need one more.
            long need = op == CompareOp.LT || op == CompareOp.GE ? k : k + 1;
            return Math.max(1, Math.min(need, Long.MAX_VALUE - 1));
        }
        if (c instanceof Between b && counts(b.value(), path)) {
            Object lo = safeEval(b.low());
            Object hi = safeEval(b.high());
            if (!(lo instanceof Number) || !(hi instanceof Number h)) {
                return Long.MAX_VALUE;
            }
            return Math.max(1, h.longValue() + 1);
        }
        return Long.MAX_VALUE;
    }

    private static CompareOp mirror(CompareOp op) {
        return switch (op) {
            case LT -> CompareOp.GT;
            case LE -> CompareOp.GE;
            case GT -> CompareOp.LT;
            case GE -> CompareOp.LE;
            default -> op;
        };
    }

    private Object safeEval(Expr e) {
        if (e instanceof Literal || e instanceof Param) {
            Object v = binder.eval(e);
            return v instanceof Binder.Unbound ? null : v;
        }
        return null;
    }

    private static boolean counts(Expr e, String path) {
        return e instanceof RelationSize r && r.attribute().path().equals(path);
    }

    /** Whether the expression reads the count at {@code path}, anywhere inside it. */
    private static boolean reads(Expr e, String path) {
        return Expr.anyNode(e, x -> {
            var counted = read(x);
            return counted != null && counted.path().equals(path);
        });
    }

    /** The relationships counted per row, as EXPLAIN describes each count. */
    List<AssociationInfo> countedAssociations() {
        return List.copyOf(counted.values());
    }

    @Override
    public List<AttributeInfo> attributes() {
        return attributes;
    }

    @Override
    public boolean filters() {
        return !conditions.isEmpty();
    }

    @Override
    public boolean sorts() {
        return !order.isEmpty();
    }

    @Override
    public boolean test(Row row) {
        for (Condition c : conditions) {
            if (!Boolean.TRUE.equals(eval(c, row))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public Comparator<Row> comparator() {
        if (order.isEmpty()) {
            return null;
        }
        Comparator<Row> all = null;
        for (OrderBy o : order) {
            Expr computed = o.computed();
            AttributeInfo a = computed == null ? o.path().attribute() : null;
            boolean nullsFirst = o.nullsFirstEffective();
            boolean desc = o.descending();
            Comparator<Row> c = (x, y) -> {
                Object l = computed == null ? x.get(a) : value(computed, x);
                Object r = computed == null ? y.get(a) : value(computed, y);
                if (l == null || r == null) {
                    return l == null ? (r == null ? 0 : (nullsFirst ? -1 : 1)) : (nullsFirst ? 1 : -1);
                }
                int v = compare(l, r);
                return desc ? -v : v;
            };
            all = all == null ? c : all.thenComparing(c);
        }
        return all;
    }

    @Override
    public String describe() {
        List<String> parts = new ArrayList<>();
        if (!conditions.isEmpty()) {
            List<String> cs = new ArrayList<>();
            for (Condition c : conditions) {
                cs.add(text(c));
            }
            parts.add("filter " + String.join(" AND ", cs));
        }
        if (!order.isEmpty()) {
            List<String> os = new ArrayList<>();
            for (OrderBy o : order) {
                os.add((o.computed() != null ? text(o.computed()) : o.path().text()) + (o.descending() ? " DESC" : " ASC")
                        + (o.nullsFirstEffective() ? " NULLS FIRST" : " NULLS LAST"));
            }
            parts.add("sort by " + String.join(", ", os));
        }
        return String.join("; ", parts);
    }

    // ---- evaluation: TRUE, FALSE or null for UNKNOWN ------------------------------------------------------

    private Boolean eval(Condition c, Row row) {
        if (c instanceof And a) {
            Boolean r = Boolean.TRUE;
            for (Condition o : a.operands()) {
                Boolean v = eval(o, row);
                if (Boolean.FALSE.equals(v)) {
                    return false;
                }
                r = v == null ? null : r;
            }
            return r;
        }
        if (c instanceof Or o) {
            Boolean r = Boolean.FALSE;
            for (Condition x : o.operands()) {
                Boolean v = eval(x, row);
                if (Boolean.TRUE.equals(v)) {
                    return true;
                }
                r = v == null ? null : r;
            }
            return r;
        }
        if (c instanceof Not n) {
            Boolean v = eval(n.operand(), row);
            return v == null ? null : Boolean.valueOf(!v);
        }
        if (c instanceof Truth t) {
            return t.value();
        }
        if (c instanceof Comparison cmp) {
            Object l = value(cmp.left(), row);
            Object r = value(cmp.right(), row);
            if (l == null || r == null) {
                return null;
            }
            return cmp.op().test(compare(l, r));
        }
        if (c instanceof Between b) {
            Object v = value(b.value(), row);
            Object lo = value(b.low(), row);
            Object hi = value(b.high(), row);
            Boolean r = and(v == null || lo == null ? null : compare(v, lo) >= 0,
                    v == null || hi == null ? null : compare(v, hi) <= 0);
            return b.negated() && r != null ? Boolean.valueOf(!r) : r;
        }
        if (c instanceof Like l) {
            Object v = value(l.value(), row);
            Object p = value(l.pattern(), row);
            if (v == null || p == null) {
                return null;
            }
            boolean m = likePattern(p.toString(), l.escape()).matcher(v.toString()).matches();
            return l.negated() != m;
        }
        if (c instanceof In in) {
            Object v = value(in.value(), row);
            List<Object> items = new ArrayList<>();
            for (Expr e : in.items()) {
                Object x = value(e, row);
                if (x instanceof Collection<?> col) {
                    items.addAll(col);
                } else {
                    items.add(x);
                }
            }
            if (items.isEmpty()) {
                return in.negated();
            }
            if (v == null) {
                return null;
            }
            Boolean r = Boolean.FALSE;
            for (Object x : items) {
                if (x == null) {
                    r = null;
                } else if (compare(v, x) == 0) {
                    r = Boolean.TRUE;
                    break;
                }
            }
            return in.negated() && r != null ? Boolean.valueOf(!r) : r;
        }
        if (c instanceof IsNull n) {
            boolean isNull = value(n.value(), row) == null;
            return n.negated() != isNull;
        }
        if (c instanceof MemberOf m) {
            Object element = value(m.element(), row);
            if (element == null) {
                return null;
            }
            // An absent collection is empty.
            boolean found = false;
            if (row.get(m.collection().attribute()) instanceof Collection<?> col) {
                for (Object o : col) {
                    found |= o != null && compare(o, element) == 0;
                }
            }
            return m.negated() != found;
        }
        throw new IllegalStateException("not evaluated in Java: " + c);
    }

    private static Boolean and(Boolean a, Boolean b) {
        if (Boolean.FALSE.equals(a) || Boolean.FALSE.equals(b)) {
            return false;
        }
        return a == null || b == null ? null : true;
    }

    /** The value of an expression in a row; {@code null} for NULL. Select items computed in Java use it too. */
    Object value(Expr e, Row row) {
        if (e instanceof PathExpr p) {
            return row.get(p.attribute());
        }
        if (e instanceof RelationSize r) {
            return row.get(r.attribute());
        }
        if (e instanceof SizeExpr s) {
            Object v = row.get(s.collection().attribute());
            return v instanceof Collection<?> c ? c.size() : v instanceof Map<?, ?> m ? m.size() : 0;
        }
        if (e instanceof CaseFunction f) {
            Object v = value(f.argument(), row);
            if (v == null) {
                return null;
            }
            String s = v.toString();
            return f.upper() ? s.toUpperCase(Locale.ROOT) : s.toLowerCase(Locale.ROOT);
        }
        if (e instanceof CaseExpr c) {
            for (int i = 0; i < c.whens().size(); i++) {
                if (Boolean.TRUE.equals(eval(c.whens().get(i), row))) {
                    return value(c.thens().get(i), row);
                }
            }
            return c.otherwise() == null ? null : value(c.otherwise(), row);
        }
        if (e instanceof Computed c) {
            List<Object> args = new ArrayList<>();
            for (Expr a : c.arguments()) {
                args.add(value(a, row));
            }
            return Functions.apply(c.function(), args);
        }
        return binder.eval(e);
    }

    /** A compiled LIKE pattern with what it was compiled from. */
    private record CompiledLike(String text, Character escape, Pattern regex) {
    }

    /**
     * The last LIKE pattern compiled: a pattern is nearly always the same for every row (a literal or a
     * parameter), so it is compiled once, not per row. One immutable record, safe if rows are tested concurrently.
     */
    private volatile CompiledLike lastLike;

    private Pattern likePattern(String pattern, Character escape) {
        CompiledLike last = lastLike;
        if (last == null || !last.text().equals(pattern) || !java.util.Objects.equals(last.escape(), escape)) {
            last = new CompiledLike(pattern, escape, like(pattern, escape));
            lastLike = last;
        }
        return last.regex();
    }

    /** JPQL LIKE: {@code %} any text, {@code _} one character, the escape character makes the next one text. */
    static Pattern like(String pattern, Character escape) {
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char ch = pattern.charAt(i);
            if (escape != null && ch == escape && i + 1 < pattern.length()) {
                re.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
            } else if (ch == '%') {
                re.append(".*");
            } else if (ch == '_') {
                re.append('.');
            } else {
                re.append(Pattern.quote(String.valueOf(ch)));
            }
        }
        return Pattern.compile(re.toString(), Pattern.DOTALL);
    }

    /**
     * JPQL's order of two non-null values of one attribute type: numbers by value, strings by code point (as
     * DynamoDB orders them), dates and times by time, enums by declaration, booleans false first.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static int compare(Object a, Object b) {
        Integer same = Types.compare(a, b); // the order DynamoDB's own comparisons use
        if (same != null) {
            return same;
        }
        if (a.getClass() != b.getClass()) {
            // e.created < CURRENT_DATE: a java.util.Date, Calendar or offset value against a java.time one.
            Integer t = Temporals.compare(a, b);
            if (t != null) {
                return t;
            }
        }
        if (a instanceof Comparable x && a.getClass() == b.getClass()) {
            return x.compareTo(b);
        }
        if (a instanceof Enum<?> x && b instanceof Enum<?> y && x.getDeclaringClass() == y.getDeclaringClass()) {
            return Integer.compare(x.ordinal(), y.ordinal());
        }
        return a.equals(b) ? 0 : a.toString().compareTo(b.toString());
    }

    // ---- what the conditions read, and their text --------------------------------------------------------

    /** Whether the expression reads an attribute of the row. */
    static boolean contains(Expr e) {
        return Expr.anyNode(e, x -> read(x) != null);
    }

    /**
     * Whether DynamoDB cannot evaluate the expression: a function or arithmetic, LOWER/UPPER of an attribute, an
     * attribute of a to-one's target.
     */
    static boolean javaOnly(Expr e) {
        return e instanceof PathExpr p && p.attribute() != null && p.attribute().navigated() || e instanceof Computed || e instanceof CaseExpr || e instanceof RelationSize || e instanceof CaseFunction f && (contains(f.argument()) || javaOnly(f.argument()));
    }

    /** The attribute an expression reads itself (of SIZE: the collection, or the count), or {@code null}. */
    private static AttributeInfo read(Expr e) {
        return e instanceof PathExpr p ? p.attribute() : e instanceof SizeExpr s ? s.collection().attribute()
                : e instanceof RelationSize r ? r.attribute() : null;
    }

    /** Adds the attributes the expressions read, in order. */
    private static void collect(List<Expr> nodes, Map<String, AttributeInfo> attrs) {
        for (Expr e : nodes) {
            AttributeInfo a = read(e);
            if (a != null) {
                attrs.putIfAbsent(a.path(), a);
            }
        }
    }

    /** The attributes the expressions read, each once, in the order first read (select items, SET values). */
    static List<AttributeInfo> attributesRead(List<Expr> expressions) {
        Map<String, AttributeInfo> attrs = new LinkedHashMap<>();
        for (Expr e : expressions) {
            collect(Expr.nodes(e), attrs);
        }
        return List.copyOf(attrs.values());
    }

    static String text(Condition c) {
        if (c instanceof And a) {
            List<String> s = new ArrayList<>();
            a.operands().forEach(o -> s.add(text(o)));
            return "(" + String.join(" AND ", s) + ")";
        }
        if (c instanceof Or o) {
            List<String> s = new ArrayList<>();
            o.operands().forEach(x -> s.add(text(x)));
            return "(" + String.join(" OR ", s) + ")";
        }
        if (c instanceof Not n) {
            return "NOT " + text(n.operand());
        }
        if (c instanceof Comparison x) {
            return text(x.left()) + " " + x.op().symbol() + " " + text(x.right());
        }
        if (c instanceof Between b) {
            return text(b.value()) + (b.negated() ? " NOT" : "") + " BETWEEN " + text(b.low()) + " AND " + text(b.high());
        }
        if (c instanceof Like l) {
            return text(l.value()) + (l.negated() ? " NOT" : "") + " LIKE " + text(l.pattern())
                    + (l.escape() == null ? "" : " ESCAPE '" + l.escape() + "'");
        }
        if (c instanceof In in) {
            List<String> s = new ArrayList<>();
            in.items().forEach(e -> s.add(text(e)));
            return text(in.value()) + (in.negated() ? " NOT" : "") + " IN (" + String.join(", ", s) + ")";
        }
        if (c instanceof IsNull n) {
            return text(n.value()) + (n.negated() ? " IS NOT NULL" : " IS NULL");
        }
        if (c instanceof MemberOf m) {
            return text(m.element()) + (m.negated() ? " NOT" : "") + " MEMBER OF " + text(m.collection());
        }
        if (c instanceof Truth t) {
            return t.value() ? "TRUE" : "FALSE";
        }
        return c.toString();
    }

    static String text(Expr e) {
        if (e instanceof PathExpr p) {
            return p.text();
        }
        if (e instanceof SizeExpr s) {
            return "SIZE(" + s.collection().text() + ")";
        }
        if (e instanceof RelationSize r) {
            return "SIZE(" + r.collection().text() + ")";
        }
        if (e instanceof CaseFunction f) {
            return (f.upper() ? "UPPER(" : "LOWER(") + text(f.argument()) + ")";
        }
        if (e instanceof Param p) {
            return p.name() != null ? ":" + p.name() : "?" + p.position();
        }
        if (e instanceof CaseExpr c) {
            StringBuilder sb = new StringBuilder("CASE");
            for (int i = 0; i < c.whens().size(); i++) {
                sb.append(" WHEN ").append(text(c.whens().get(i))).append(" THEN ").append(text(c.thens().get(i)));
            }
            if (c.otherwise() != null) {
                sb.append(" ELSE ").append(text(c.otherwise()));
            }
            return sb.append(" END").toString();
        }
        if (e instanceof Computed c) {
            List<String> args = new ArrayList<>();
            c.arguments().forEach(a -> args.add(text(a)));
            if (c.operator()) {
                return "(" + args.get(0) + " " + c.function() + " " + args.get(1) + ")";
            }
            if (c.function().equals("NEG")) {
                return "-" + args.get(0);
            }
            if (Computed.aggregate(c) && c.arguments().size() > 1) {
                return c.function() + "(DISTINCT " + args.get(0) + ")";
            }
            if (c.function().equals("TRIM")) {
                return "TRIM(" + ((Literal) c.arguments().get(0)).value() + " " + args.get(1) + " FROM " + args.get(2) + ")";
            }
            return c.function() + "(" + String.join(", ", args) + ")";
        }
        if (e instanceof Literal l) {
            Object v = l.value();
            return v == null ? "NULL" : v instanceof String s ? "'" + s.replace("'", "''") + "'"
                    : v instanceof Enum<?> en ? en.name() : String.valueOf(v);
        }
        return e.toString();
    }
}
