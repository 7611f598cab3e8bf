package io.jynamo.jpql.testing;

import io.jynamo.jpql.CompiledQuery;
import io.jynamo.jpql.ast.And;
import io.jynamo.jpql.ast.Between;
import io.jynamo.jpql.ast.CaseExpr;
import io.jynamo.jpql.ast.CaseFunction;
import io.jynamo.jpql.ast.CompareOp;
import io.jynamo.jpql.ast.Comparison;
import io.jynamo.jpql.ast.Computed;
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
import io.jynamo.jpql.ast.OrderBy;
import io.jynamo.jpql.ast.Param;
import io.jynamo.jpql.ast.PathExpr;
import io.jynamo.jpql.ast.SizeExpr;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A reference interpreter of a compiled query's WHERE over one row, with SQL three-valued logic: the
 * oracle the provider's differential test compares DynamoDB's answers with. It shares nothing with the
 * planner but the resolved AST.
 *
 * <pre>{@code
 * boolean hit = JpqlEvaluator.matches(q, Map.of("name", "Smith"), Map.of("lastName", "Smith", "age", 30));
 * }</pre>
 */
public final class JpqlEvaluator {
    private JpqlEvaluator() {
    }

    /**
     * Whether the row satisfies the WHERE (only TRUE counts; no WHERE matches every row).
     *
     * @param q    the compiled query
     * @param args arguments by name (String) or position (Integer)
     * @param row  the row as JPQL path (e.g. {@code address.city}) to Java value; missing or null = SQL NULL;
     *             a collection that is absent counts as empty for MEMBER OF and SIZE
     */
    public static boolean matches(CompiledQuery q, Map<Object, Object> args, Map<String, Object> row) {
        if (q.where() == null) {
            return true;
        }
        return Boolean.TRUE.equals(new Eval(args == null ? Map.of() : args, row).test(q.where()));
    }

    /**
     * The values of the select items computed in Java ({@code SELECT u.age + 1, LENGTH(u.name)}) for a row, as the
     * oracle computes them (numbers of any type, dates as java.time values); attribute items are the row's values.
     */
    public static List<Object> select(CompiledQuery q, Map<Object, Object> args, Map<String, Object> row) {
        Eval eval = new Eval(args == null ? Map.of() : args, row);
        List<Object> values = new ArrayList<>();
        for (Expr e : q.statement().shape().items()) {
            values.add(eval.value(e));
        }
        return values;
    }

    /**
     * The ORDER BY as a comparator of rows, or {@code null} when the query has none: item by item, NULL as the
     * greatest value (last ascending, first descending) unless NULLS FIRST/LAST says otherwise.
     */
    public static Comparator<Map<String, Object>> order(CompiledQuery q) {
        Comparator<Map<String, Object>> all = null;
        for (OrderBy o : q.order()) {
            String path = o.computed() == null ? o.path().attribute().path() : null;
            boolean nullsFirst = o.nullsFirst() != null ? o.nullsFirst() : o.descending();
            Comparator<Map<String, Object>> c = (a, b) -> {
                Object x = path != null ? a.get(path) : new Eval(Map.of(), a).value(o.computed());
                Object y = path != null ? b.get(path) : new Eval(Map.of(), b).value(o.computed());
                if (x == null || y == null) {
                    int n = x == null ? (y == null ? 0 : 1) : -1;
                    return nullsFirst ? -n : n;
                }
                return o.descending() ? compare(y, x) : compare(x, y);
            };
            all = all == null ? c : all.thenComparing(c);
        }
        return all;
    }

    private record Eval(Map<Object, Object> args, Map<String, Object> row) {

        Boolean test(Condition c) {
            if (c instanceof And a) {
                Boolean r = Boolean.TRUE;
                for (Condition o : a.operands()) {
                    r = and(r, test(o));
                }
                return r;
            }
            if (c instanceof Or o) {
                Boolean r = Boolean.FALSE;
                for (Condition x : o.operands()) {
                    r = or(r, test(x));
                }
                return r;
            }
            if (c instanceof Not n) {
                Boolean r = test(n.operand());
                return r == null ? null : !r;
            }
            if (c instanceof Comparison cmp) {
                Object l = value(cmp.left());
                Object r = value(cmp.right());
                if (l == null || r == null) {
                    return null;
                }
                if (cmp.op() == CompareOp.EQ || cmp.op() == CompareOp.NE) {
                    boolean eq = JpqlEvaluator.equal(l, r);
                    return cmp.op() == CompareOp.EQ ? eq : !eq;
                }
                return cmp.op().test(compare(l, r));
            }
            if (c instanceof Between b) {
                Object v = value(b.value());
                Object lo = value(b.low());
                Object hi = value(b.high());
                Boolean ge = v == null || lo == null ? null : compare(v, lo) >= 0;
                Boolean le = v == null || hi == null ? null : compare(v, hi) <= 0;
                Boolean r = and(ge, le);
                return b.negated() ? not(r) : r;
            }
            if (c instanceof Like l) {
                Object v = value(l.value());
                Object p = value(l.pattern());
                if (v == null || p == null) {
                    return null;
                }
                boolean m = likeRegex((String) p).matcher((String) v).matches();
                return l.negated() ? !m : m;
            }
            if (c instanceof In in) {
                List<Object> items = new ArrayList<>();
                for (Expr e : in.items()) {
                    Object v = value(e);
                    if (v instanceof Collection<?> col) {
                        items.addAll(col);
                    } else {
                        items.add(v);
                    }
                }
                if (items.isEmpty()) {
                    return in.negated();
                }
                Object v = value(in.value());
                Boolean r;
                if (v == null) {
                    r = null;
                } else {
                    r = Boolean.FALSE;
                    for (Object i : items) {
                        r = or(r, i == null ? null : equal(v, i));
                    }
                }
                return in.negated() ? not(r) : r;
            }
            if (c instanceof IsNull n) {
                boolean isNull = value(n.value()) == null;
                return n.negated() != isNull;
            }
            if (c instanceof EntityComparison ec) {
                return entity(ec);
            }
            MemberOf m = (MemberOf) c;
            Object e = value(m.element());
            if (e == null) {
                return null;
            }
            Object coll = row.get(m.collection().attribute().path());
            boolean found = false;
            if (coll instanceof Collection<?> col) {
                for (Object o : col) {
                    found |= o != null && equal(o, e);
                }
            }
            return m.negated() != found;
        }

        /** An entity reference is NULL when its key attributes are absent; entities are equal when their keys are. */
        private Boolean entity(EntityComparison c) {
            List<Object> rowKey = new ArrayList<>();
            c.keyAttributes().forEach(a -> rowKey.add(row.get(a.path())));
            boolean rowNull = rowKey.stream().allMatch(Objects::isNull);
            switch (c.op()) {
                case IS_NULL:
                    return rowNull;
                case IS_NOT_NULL:
                    return !rowNull;
                case EQ:
                    return equalKeys(rowKey, value(c.values().get(0)), c);
                case NE:
                    return not(equalKeys(rowKey, value(c.values().get(0)), c));
                default:
                    List<Object> items = new ArrayList<>();
                    for (Expr e : c.values()) {
                        Object v = value(e);
                        if (v instanceof Collection<?> col) {
                            items.addAll(col);
                        } else {
                            items.add(v);
                        }
                    }
                    Boolean r = Boolean.FALSE;
                    for (Object i : items) {
                        r = or(r, equalKeys(rowKey, i, c));
                    }
                    return c.op() == EntityComparison.Op.NOT_IN ? not(r) : r;
            }
        }

        private static Boolean equalKeys(List<Object> rowKey, Object entity, EntityComparison c) {
            if (entity == null || rowKey.contains(null)) {
                return null;
            }
            Map<String, Object> key = c.target().keyOf().apply(entity);
            Boolean r = Boolean.TRUE;
            List<String> paths = c.target().keyPaths();
            for (int i = 0; i < paths.size(); i++) {
                Object k = key == null ? null : key.get(paths.get(i));
                r = and(r, k == null ? null : equal(rowKey.get(i), k));
            }
            return r;
        }

        Object value(Expr e) {
            if (e instanceof PathExpr p) {
                return row.get(p.attribute().path());
            }
            if (e instanceof Literal l) {
                return l.value();
            }
            if (e instanceof Param p) {
                return args.get(p.key());
            }
            if (e instanceof SizeExpr s) {
                Object coll = row.get(s.collection().attribute().path());
                return coll instanceof Collection<?> col ? col.size() : 0;
            }
            if (e instanceof Computed c) {
                return computed(c);
            }
            if (e instanceof CaseExpr c) {
                for (int i = 0; i < c.whens().size(); i++) {
                    if (Boolean.TRUE.equals(test(c.whens().get(i)))) {
                        return value(c.thens().get(i));
                    }
                }
                return c.otherwise() == null ? null : value(c.otherwise());
            }
            CaseFunction f = (CaseFunction) e;
            Object v = value(f.argument());
            if (v == null) {
                return null;
            }
            return f.upper() ? ((String) v).toUpperCase(Locale.ROOT) : ((String) v).toLowerCase(Locale.ROOT);
        }

        /** The oracle's own reading of JPQL's functions: NULL in, NULL out; positions from 1 in characters. */
        Object computed(Computed c) {
            List<Object> a = new ArrayList<>();
            for (Expr x : c.arguments()) {
                a.add(value(x));
            }
            if (c.function().equals("COALESCE")) {
                return a.stream().filter(java.util.Objects::nonNull).findFirst().orElse(null);
            }
            if (c.function().equals("NULLIF")) {
                return a.get(0) == null || a.get(1) != null && compare(a.get(0), a.get(1)) == 0 ? null : a.get(0);
            }
            int firstChecked = c.function().equals("TRIM") ? 2 : 0;
            if (a.subList(firstChecked, a.size()).contains(null)) {
                return null;
            }
            switch (c.function()) {
                case "LENGTH": return str(a.get(0)).codePoints().count();
                case "CONCAT": return a.stream().map(Object::toString).reduce("", String::concat);
                case "LOCATE": {
                    int[] s = str(a.get(1)).codePoints().toArray();
                    int[] n = str(a.get(0)).codePoints().toArray();
                    int from = a.size() > 2 ? Math.max(1, num(a.get(2)).intValue()) : 1;
                    for (int i = from - 1; i + n.length <= s.length; i++) {
                        if (java.util.Arrays.equals(s, i, i + n.length, n, 0, n.length)) {
                            return i + 1;
                        }
                    }
                    return 0;
                }
                case "SUBSTRING": {
                    int[] s = str(a.get(0)).codePoints().toArray();
                    int start = num(a.get(1)).intValue();
                    long end = a.size() > 2 ? (long) start + num(a.get(2)).intValue() : Long.MAX_VALUE;
                    StringBuilder sb = new StringBuilder();
                    for (int i = 1; i <= s.length; i++) {
                        if (i >= start && i < end) {
                            sb.appendCodePoint(s[i - 1]);
                        }
                    }
                    return sb.toString();
                }
                case "TRIM": {
                    String ch = a.get(1) == null ? " " : str(a.get(1));
                    String s = str(a.get(2));
                    String side = str(a.get(0));
                    while (!ch.isEmpty() && !side.equals("TRAILING") && s.startsWith(ch)) {
                        s = s.substring(ch.length());
                    }
                    while (!ch.isEmpty() && !side.equals("LEADING") && s.endsWith(ch)) {
                        s = s.substring(0, s.length() - ch.length());
                    }
                    return s;
                }
                case "ABS": return num(a.get(0)).abs();
                case "NEG": return num(a.get(0)).negate();
                case "MOD": return num(a.get(1)).signum() == 0 ? null : num(a.get(0)).remainder(num(a.get(1)));
                case "+": return num(a.get(0)).add(num(a.get(1)));
                case "-": return num(a.get(0)).subtract(num(a.get(1)));
                case "*": return num(a.get(0)).multiply(num(a.get(1)));
                case "/": {
                    BigDecimal d = num(a.get(1));
                    if (d.signum() == 0) {
                        return null;
                    }
                    boolean whole = a.stream().allMatch(o -> o instanceof Integer || o instanceof Long
                            || o instanceof BigDecimal b && b.scale() <= 0);
                    return whole ? num(a.get(0)).divideToIntegralValue(d)
                            : num(a.get(0)).divide(d, java.math.MathContext.DECIMAL128);
                }
                case "SQRT": return real(Math.sqrt(num(a.get(0)).doubleValue()));
                case "EXP": return real(Math.exp(num(a.get(0)).doubleValue()));
                case "LN": return real(Math.log(num(a.get(0)).doubleValue()));
                case "POWER": return real(Math.pow(num(a.get(0)).doubleValue(), num(a.get(1)).doubleValue()));
                case "CEILING": return num(a.get(0)).setScale(0, java.math.RoundingMode.CEILING);
                case "FLOOR": return num(a.get(0)).setScale(0, java.math.RoundingMode.FLOOR);
                case "SIGN": return num(a.get(0)).signum();
                case "ROUND": return num(a.get(0)).setScale(a.size() > 1 ? num(a.get(1)).intValue() : 0,
                        java.math.RoundingMode.HALF_UP);
                case "LEFT": {
                    int[] s = str(a.get(0)).codePoints().toArray();
                    int n = Math.max(0, Math.min(s.length, num(a.get(1)).intValue()));
                    return new String(s, 0, n);
                }
                case "RIGHT": {
                    int[] s = str(a.get(0)).codePoints().toArray();
                    int n = Math.max(0, Math.min(s.length, num(a.get(1)).intValue()));
                    return new String(s, s.length - n, n);
                }
                case "REPLACE": return str(a.get(1)).isEmpty() ? str(a.get(0)) : str(a.get(0)).replace(str(a.get(1)), str(a.get(2)));
                case "EXTRACT": return extract(str(a.get(0)), a.get(1));
                case "CAST": {
                    String type = str(a.get(1));
                    if (type.equals("STRING")) {
                        return a.get(0) instanceof BigDecimal d ? d.toPlainString() : a.get(0).toString();
                    }
                    BigDecimal n = num(a.get(0));
                    return type.equals("INTEGER") || type.equals("LONG") || type.equals("SHORT") || type.equals("BIGINTEGER")
                            ? new BigDecimal(n.toBigInteger()) : n;
                }
                case "CURRENT_DATE", "LOCAL DATE": return java.time.LocalDate.now();
                case "CURRENT_TIME", "LOCAL TIME": return java.time.LocalTime.now();
                case "CURRENT_TIMESTAMP", "LOCAL DATETIME": return java.time.LocalDateTime.now();
                default: throw new IllegalStateException(c.function());
            }
        }
    }

    private static Double real(double d) {
        return Double.isNaN(d) || Double.isInfinite(d) ? null : d;
    }

    /** EXTRACT from the java.time values of the test models. */
    private static Object extract(String field, Object v) {
        java.time.LocalDate d = v instanceof java.time.LocalDateTime t ? t.toLocalDate()
                : v instanceof java.time.LocalDate x ? x : null;
        java.time.LocalTime t = v instanceof java.time.LocalDateTime x ? x.toLocalTime()
                : v instanceof java.time.LocalTime x ? x : null;
        return switch (field) {
            case "YEAR" -> d.getYear();
            case "QUARTER" -> (d.getMonthValue() + 2) / 3;
            case "MONTH" -> d.getMonthValue();
            case "WEEK" -> d.get(java.time.temporal.IsoFields.WEEK_OF_WEEK_BASED_YEAR);
            case "DAY" -> d.getDayOfMonth();
            case "HOUR" -> t.getHour();
            case "MINUTE" -> t.getMinute();
            case "SECOND" -> t.getSecond() + t.getNano() / 1e9;
            case "DATE" -> d;
            default -> t;
        };
    }

    private static String str(Object o) {
        return (String) o;
    }

    private static BigDecimal num(Object o) {
        return new BigDecimal(o.toString());
    }

    private static Boolean and(Boolean a, Boolean b) {
        if (Boolean.FALSE.equals(a) || Boolean.FALSE.equals(b)) {
            return false;
        }
        return a == null || b == null ? null : true;
    }

    private static Boolean or(Boolean a, Boolean b) {
        if (Boolean.TRUE.equals(a) || Boolean.TRUE.equals(b)) {
            return true;
        }
        return a == null || b == null ? null : false;
    }

    private static Boolean not(Boolean a) {
        return a == null ? null : !a;
    }

    private static Pattern likeRegex(String pattern) {
        StringBuilder sb = new StringBuilder();
        for (char ch : pattern.toCharArray()) {
            if (ch == '%') {
                sb.append(".*");
            } else if (ch == '_') {
                sb.append('.');
            } else {
                sb.append(Pattern.quote(String.valueOf(ch)));
            }
        }
        return Pattern.compile(sb.toString(), Pattern.DOTALL);
    }

    private static boolean equal(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return new BigDecimal(x.toString()).compareTo(new BigDecimal(y.toString())) == 0;
        }
        if (a instanceof byte[] x && b instanceof byte[] y) {
            return java.util.Arrays.equals(x, y);
        }
        return a.equals(b);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compare(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return new BigDecimal(x.toString()).compareTo(new BigDecimal(y.toString()));
        }
        if (a instanceof String x && b instanceof String y) {
            return codePoints(x, y);
        }
        return ((Comparable) a).compareTo(b);
    }

    private static int codePoints(String a, String b) {
        int[] x = a.codePoints().toArray();
        int[] y = b.codePoints().toArray();
        return java.util.Arrays.compare(x, y);
    }
}
