package io.jynamo.jpql.semantic;

import io.jynamo.jpql.ParameterInfo;
import io.jynamo.jpql.SelectKind;
import io.jynamo.jpql.StatementKind;
import io.jynamo.jpql.ValueKind;
import io.jynamo.jpql.ast.And;
import io.jynamo.jpql.ast.Between;
import io.jynamo.jpql.ast.CaseFunction;
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
import io.jynamo.jpql.ast.OrderBy;
import io.jynamo.jpql.ast.Param;
import io.jynamo.jpql.ast.PathExpr;
import io.jynamo.jpql.ast.Pos;
import io.jynamo.jpql.ast.SetClause;
import io.jynamo.jpql.ast.SizeExpr;
import io.jynamo.jpql.ast.Statement;
import io.jynamo.jpql.model.AttributeInfo;
import io.jynamo.jpql.model.EntityInfo;
import io.jynamo.jpql.model.IndexInfo;
import io.jynamo.jpql.model.QueryModel;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Checks a parsed statement against the entity model: resolves paths, converts literals to the
 * attribute's Java type, types parameters and refuses what DynamoDB cannot evaluate.
 */
public final class Analyzer {
    private static final String LOWER_ON_ATTRIBUTE = "DynamoDB cannot change case in a query; store a normalised copy";

    private final EntityInfo entity;
    private final String variable;
    private final Map<Object, ParameterInfo> params = new LinkedHashMap<>();
    private final Map<Object, Pos> paramPos = new LinkedHashMap<>();
    /** Whether the parameters seen so far are named ({@code null} before the first): one check per use, not a loop. */
    private Boolean namedParams;

    private Analyzer(EntityInfo entity, String variable) {
        this.entity = entity;
        this.variable = variable;
    }

    /**
     * Analyses a statement.
     *
     * @throws IllegalArgumentException for unknown names, type mismatches and unsupported constructs
     */
    public static Analysis analyze(Statement s, QueryModel model) {
        EntityInfo entity = model.entity(s.entityName()).orElseThrow(() -> s.entityPos().error(
                "unknown entity '" + s.entityName() + "'",
                "use the entity name (@Entity(name = ...) or the simple class name) of an entity of this persistence unit"));
        Analyzer a = new Analyzer(entity, s.variable());
        Statement resolved = a.statement(s);
        return new Analysis(resolved, entity, new ArrayList<>(a.params.values()));
    }

    private Statement statement(Statement s) {
        List<PathExpr> selected = new ArrayList<>();
        if (s.kind() == StatementKind.SELECT) {
            if (s.selectKind() == SelectKind.ATTRIBUTES) {
                for (PathExpr p : s.selected()) {
                    selected.add(attribute(p));
                }
            } else {
                for (PathExpr p : s.selected()) {
                    checkVariable(p);
                    selected.add(p);
                }
            }
        }
        List<SetClause> sets = new ArrayList<>();
        List<String> assigned = new ArrayList<>();
        for (SetClause c : s.sets()) {
            PathExpr target = attribute(c.target());
            String path = target.attribute().path();
            if (path.equals(entity.partitionKey()) || path.equals(entity.sortKey())) {
                throw target.pos().error("cannot SET " + target.text() + ": it is part of the primary key of "
                        + entity.name(), "delete the entity and persist a new one with the new key");
            }
            if (assigned.contains(path)) {
                throw target.pos().error(target.text() + " is assigned twice", "assign each attribute once");
            }
            assigned.add(path);
            Expr value = value(c.value(), Target.of(target.attribute(), target.text()), "SET value");
            sets.add(new SetClause(target, value, c.pos()));
        }
        Condition where = s.where() == null ? null : condition(s.where());
        OrderBy orderBy = null;
        if (s.orderBy() != null) {
            PathExpr p = attribute(s.orderBy().path());
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
            orderBy = new OrderBy(p, s.orderBy().descending(), s.orderBy().pos());
        }
        return new Statement(s.kind(), s.entityName(), s.entityPos(), s.variable(), s.selectKind(), selected, sets,
                where, orderBy);
    }

    // ---- names ------------------------------------------------------------------------------

    private void checkVariable(PathExpr p) {
        if (!p.names().get(0).equals(variable)) {
            throw p.pos().error("unknown identification variable '" + p.names().get(0) + "'",
                    "the FROM clause declares '" + variable + "'");
        }
    }

    private boolean rootedAtVariable(PathExpr p) {
        return p.names().get(0).equals(variable);
    }

    private PathExpr attribute(PathExpr p) {
        checkVariable(p);
        if (p.names().size() == 1) {
            throw p.pos().error("'" + variable + "' is the entity itself, not an attribute",
                    "compare an attribute, e.g. " + variable + "." + entity.partitionKey());
        }
        String path = p.path();
        AttributeInfo a = entity.attributes().get(path);
        if (a == null) {
            throw p.pos().error("unknown attribute '" + path + "' of entity " + entity.name(),
                    "known attributes: " + String.join(", ", new TreeSet<>(entity.attributes().keySet())));
        }
        return p.resolved(a);
    }

    // ---- conditions -------------------------------------------------------------------------

    private Condition condition(Condition c) {
        if (c instanceof And a) {
            List<Condition> ops = new ArrayList<>();
            a.operands().forEach(o -> ops.add(condition(o)));
            return new And(ops);
        }
        if (c instanceof Or o) {
            List<Condition> ops = new ArrayList<>();
            o.operands().forEach(x -> ops.add(condition(x)));
            return new Or(ops);
        }
        if (c instanceof Not n) {
            return new Not(condition(n.operand()));
        }
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
        return memberOf((MemberOf) c);
    }

    private boolean isAttribute(Expr e) {
        return e instanceof PathExpr p && rootedAtVariable(p);
    }

    private PathExpr scalarAttribute(Expr e, String construct) {
        PathExpr p = attribute((PathExpr) e);
        AttributeInfo a = p.attribute();
        if (Types.collection(a)) {
            throw p.pos().error(construct + " on the collection " + p.text() + " is not supported",
                    "use :value MEMBER OF " + p.text() + " or SIZE(" + p.text() + ")");
        }
        if (a.kind() == ValueKind.MAP) {
            throw p.pos().error(construct + " on the embedded object " + p.text() + " is not supported",
                    "compare its attributes, e.g. " + p.text() + ".<attribute>");
        }
        return p;
    }

    private Condition comparison(Comparison c) {
        checkNoCaseOnAttribute(c.left());
        checkNoCaseOnAttribute(c.right());
        Expr left = c.left();
        Expr right = c.right();
        boolean la = isAttribute(left);
        boolean ra = isAttribute(right);
        if (la && ra) {
            PathExpr l = scalarAttribute(left, "comparison");
            PathExpr r = scalarAttribute(right, "comparison");
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
                return new Comparison(size(s), c.op(), value(right, Target.plain(Integer.class, "SIZE(...)"), "SIZE comparison"), c.pos());
            }
            SizeExpr s = (SizeExpr) right;
            return new Comparison(value(left, Target.plain(Integer.class, "SIZE(...)"), "SIZE comparison"), c.op(), size(s), c.pos());
        }
        if (!la && !ra) {
            rejectStrayPath(left);
            rejectStrayPath(right);
            throw c.pos().error("a comparison needs an attribute (or SIZE) on one side",
                    "compare an attribute of the entity with a literal or parameter");
        }
        PathExpr attr = scalarAttribute(la ? left : right, "comparison");
        if (c.op().ordering() && !Types.orderable(attr.attribute())) {
            throw notOrderable(c.op().symbol(), attr, c.pos());
        }
        Expr v = value(la ? right : left, Target.of(attr.attribute(), attr.text()), "comparison");
        return la ? new Comparison(attr, c.op(), v, c.pos()) : new Comparison(v, c.op(), attr, c.pos());
    }

    private IllegalArgumentException notOrderable(String op, PathExpr p, Pos pos) {
        return pos.error("'" + op + "' is not supported on " + p.text() + " (" + p.attribute().javaType().getName() + ")",
                "ordering comparisons work on numbers, strings and ISO local dates/times; use = or <> here");
    }

    private SizeExpr size(SizeExpr s) {
        PathExpr p = attribute(s.collection());
        if (!Types.collection(p.attribute())) {
            throw p.pos().error("SIZE needs a collection attribute but " + p.text() + " is "
                    + p.attribute().javaType().getName(), "use SIZE on a List or Set attribute");
        }
        return new SizeExpr(p, s.pos());
    }

    private Condition between(Between b) {
        checkNoCaseOnAttribute(b.value());
        if (b.value() instanceof SizeExpr s) {
            SizeExpr rs = size(s);
            return new Between(rs, value(b.low(), Target.plain(Integer.class, "SIZE(...)"), "BETWEEN bound"),
                    value(b.high(), Target.plain(Integer.class, "SIZE(...)"), "BETWEEN bound"), b.negated(), b.pos());
        }
        rejectStrayPath(b.value());
        if (!isAttribute(b.value())) {
            throw b.value().pos().error("BETWEEN needs an attribute on the left", "write e.a BETWEEN :low AND :high");
        }
        PathExpr p = scalarAttribute(b.value(), "BETWEEN");
        if (!Types.orderable(p.attribute())) {
            throw notOrderable("BETWEEN", p, b.pos());
        }
        Target t = Target.of(p.attribute(), p.text());
        return new Between(p, value(b.low(), t, "BETWEEN bound"), value(b.high(), t, "BETWEEN bound"), b.negated(), b.pos());
    }

    private Condition like(Like l) {
        checkNoCaseOnAttribute(l.value());
        rejectStrayPath(l.value());
        if (!isAttribute(l.value())) {
            throw l.value().pos().error("LIKE needs a string attribute on the left", "write e.name LIKE 'prefix%'");
        }
        PathExpr p = scalarAttribute(l.value(), "LIKE");
        if (p.attribute().javaType() != String.class) {
            throw p.pos().error("LIKE needs a string attribute but " + p.text() + " is "
                    + p.attribute().javaType().getName(), "use =, IN or a range comparison");
        }
        Expr pattern = value(l.pattern(), Target.plain(String.class, "a LIKE pattern"), "LIKE pattern");
        if (pattern instanceof Literal lit) {
            if (lit.value() == null) {
                return new Like(p, pattern, l.negated(), l.pos());
            }
            String text = (String) lit.value();
            LikePattern.parse(text, lit.pos(), "'" + text.replace("'", "''") + "'");
        }
        return new Like(p, pattern, l.negated(), l.pos());
    }

    private Condition in(In in) {
        checkNoCaseOnAttribute(in.value());
        rejectStrayPath(in.value());
        if (!isAttribute(in.value())) {
            throw in.value().pos().error("IN needs an attribute on the left", "write e.a IN (:x, :y) or e.a IN :list");
        }
        PathExpr p = scalarAttribute(in.value(), "IN");
        Target t = Target.of(p.attribute(), p.text()).allowingCollections();
        List<Expr> items = new ArrayList<>();
        for (Expr e : in.items()) {
            items.add(value(e, t, "IN item"));
        }
        return new In(p, items, in.negated(), in.pos());
    }

    private Condition isNull(IsNull n) {
        checkNoCaseOnAttribute(n.value());
        Expr v = n.value();
        if (isAttribute(v)) {
            return new IsNull(attribute((PathExpr) v), n.negated(), n.pos());
        }
        rejectStrayPath(v);
        if (v instanceof SizeExpr) {
            throw v.pos().error("SIZE(...) is never null", "use SIZE(e.collection) = 0");
        }
        return new IsNull(value(v, Target.plain(Object.class, "IS NULL"), "IS NULL operand"), n.negated(), n.pos());
    }

    private Condition memberOf(MemberOf m) {
        PathExpr p = attribute(m.collection());
        AttributeInfo a = p.attribute();
        if (!Types.collection(a) || a.elementType() == null) {
            throw p.pos().error("MEMBER OF needs a collection attribute but " + p.text() + " is "
                    + a.javaType().getName(), "use = or IN");
        }
        checkNoCaseOnAttribute(m.element());
        if (isAttribute(m.element())) {
            throw m.element().pos().error("MEMBER OF an attribute of the same entity is not supported",
                    "pass the value as a parameter");
        }
        Expr e = value(m.element(), Target.element(a, p.text()), "MEMBER OF element");
        return new MemberOf(e, p, m.negated(), m.pos());
    }

    /** A dotted name that is neither an attribute nor usable as a value here: report the unknown variable. */
    private void rejectStrayPath(Expr e) {
        if (e instanceof PathExpr p && !rootedAtVariable(p)) {
            if (p.names().size() > 1 && loadEnum(String.join(".", p.names().subList(0, p.names().size() - 1))) != null) {
                return;
            }
            throw p.pos().error(p.names().size() == 1 ? "unknown identifier '" + p.text() + "'"
                            : "unknown identification variable '" + p.names().get(0) + "'",
                    "the FROM clause declares '" + variable + "'; attributes are written " + variable + ".<attribute>");
        }
    }

    private void checkNoCaseOnAttribute(Expr e) {
        if (e instanceof CaseFunction f) {
            if (f.argument() instanceof PathExpr p && rootedAtVariable(p) || f.argument() instanceof SizeExpr) {
                throw f.pos().error((f.upper() ? "UPPER" : "LOWER") + " on an attribute is not supported: "
                        + LOWER_ON_ATTRIBUTE, "e.g. keep an emailLower attribute and compare it with LOWER(:email)");
            }
            checkNoCaseOnAttribute(f.argument());
        }
    }

    // ---- values -----------------------------------------------------------------------------

    /**
     * What a value is compared with or assigned to.
     *
     * @param type              the Java type the value must have
     * @param attribute         the attribute (for messages and enum resolution), or null
     * @param text              how to name the target in messages
     * @param collectionAllowed whether a parameter may be a collection
     */
    private record Target(Class<?> type, AttributeInfo attribute, String text, boolean collectionAllowed) {
        static Target of(AttributeInfo a, String text) {
            return new Target(Types.wrap(a.javaType()), a, text, false);
        }

        static Target element(AttributeInfo a, String text) {
            return new Target(Types.wrap(a.elementType()), a, "an element of " + text, false);
        }

        static Target plain(Class<?> type, String text) {
            return new Target(type, null, text, false);
        }

        Target allowingCollections() {
            return new Target(type, attribute, text, true);
        }
    }

    private Expr value(Expr e, Target t, String role) {
        if (e instanceof Param p) {
            registerParam(p, t.type(), t.collectionAllowed());
            return p;
        }
        if (e instanceof Literal l) {
            return new Literal(convertLiteral(l, t), l.pos());
        }
        if (e instanceof CaseFunction f) {
            checkNoCaseOnAttribute(f);
            if (t.type() != String.class && t.type() != Object.class) {
                throw f.pos().error((f.upper() ? "UPPER" : "LOWER") + " produces a String but " + t.text()
                        + " is " + t.type().getName(), null);
            }
            Expr arg = value(f.argument(), new Target(String.class, null, t.text(), false), role);
            if (arg instanceof Literal l) {
                Object v = l.value();
                if (v == null) {
                    return new Literal(null, f.pos());
                }
                String s = (String) v;
                return new Literal(f.upper() ? s.toUpperCase(Locale.ROOT) : s.toLowerCase(Locale.ROOT), f.pos());
            }
            return new CaseFunction(f.upper(), arg, f.pos());
        }
        if (e instanceof SizeExpr s) {
            throw s.pos().error("SIZE(...) is not allowed as " + role, "compare SIZE(e.collection) with a number");
        }
        PathExpr p = (PathExpr) e;
        if (rootedAtVariable(p)) {
            if (p.names().size() > 1) {
                attribute(p); // reports unknown attributes first
            }
            throw p.pos().error("an attribute is not allowed as " + role, "use a literal or a parameter");
        }
        return new Literal(enumConstant(p, t), p.pos());
    }

    private void registerParam(Param p, Class<?> type, boolean collectionAllowed) {
        Object key = p.key();
        boolean named = p.name() != null;
        if (namedParams == null) {
            namedParams = named;
        } else if (namedParams != named) {
            throw p.pos().error("named and positional parameters cannot be mixed in one query",
                    "use only :name or only ?1 parameters");
        }
        ParameterInfo old = params.get(key);
        if (old == null) {
            params.put(key, new ParameterInfo(p.name(), p.position(), type, collectionAllowed));
            paramPos.put(key, p.pos());
            return;
        }
        // A use as Object (":p IS NULL") constrains neither the type nor whether a collection may be bound.
        if (type == Object.class) {
            return;
        }
        if (old.expectedType() == Object.class) {
            params.put(key, new ParameterInfo(p.name(), p.position(), type, collectionAllowed));
            return;
        }
        if (!type.equals(old.expectedType())) {
            throw p.pos().error("parameter " + p.label() + " is used as " + old.expectedType().getName() + " at "
                    + paramPos.get(key) + " and as " + type.getName() + " here", "use two parameters");
        }
        params.put(key, new ParameterInfo(p.name(), p.position(), type, old.collectionAllowed() && collectionAllowed));
    }

    private Object enumConstant(PathExpr p, Target t) {
        List<String> names = p.names();
        Class<?> type = t.type();
        String constant = names.get(names.size() - 1);
        if (type.isEnum()) {
            if (names.size() > 1) {
                String qualifier = String.join(".", names.subList(0, names.size() - 1));
                if (!qualifier.equals(type.getName()) && !qualifier.equals(type.getCanonicalName())
                        && !qualifier.equals(type.getSimpleName())) {
                    throw p.pos().error("'" + p.text() + "' is not a constant of " + type.getName() + " ("
                            + t.text() + ")", "write " + type.getCanonicalName() + "." + firstConstant(type)
                            + " or just " + firstConstant(type));
                }
            }
            for (Object c : type.getEnumConstants()) {
                if (((Enum<?>) c).name().equals(constant)) {
                    return c;
                }
            }
            List<String> known = new ArrayList<>();
            for (Object c : type.getEnumConstants()) {
                known.add(((Enum<?>) c).name());
            }
            throw p.pos().error("'" + constant + "' is not a constant of " + type.getName(), "constants: " + known);
        }
        if (names.size() == 1) {
            throw p.pos().error("unknown identifier '" + p.text() + "'",
                    "attributes are written " + variable + ".<attribute>; strings in single quotes");
        }
        Class<?> enumType = loadEnum(String.join(".", names.subList(0, names.size() - 1)));
        if (enumType != null) {
            throw p.pos().error("'" + p.text() + "' is an enum constant of " + enumType.getName() + " but "
                    + t.text() + " is " + type.getName(), null);
        }
        throw p.pos().error("unknown identification variable '" + names.get(0) + "'",
                "the FROM clause declares '" + variable + "'");
    }

    private static String firstConstant(Class<?> type) {
        Object[] cs = type.getEnumConstants();
        return cs.length == 0 ? "CONSTANT" : ((Enum<?>) cs[0]).name();
    }

    private static Class<?> loadEnum(String name) {
        ClassLoader[] loaders = {Thread.currentThread().getContextClassLoader(), Analyzer.class.getClassLoader()};
        for (ClassLoader cl : loaders) {
            if (cl == null) {
                continue;
            }
            try {
                Class<?> c = Class.forName(name, false, cl);
                if (c.isEnum()) {
                    return c;
                }
            } catch (ClassNotFoundException | LinkageError e) {
                // not a class: the caller reports an unknown variable
            }
        }
        return null;
    }

    private Object convertLiteral(Literal l, Target t) {
        Object v = l.value();
        if (v == null) {
            return null;
        }
        Class<?> type = t.type();
        if (type == Object.class) {
            return v;
        }
        String shown = v instanceof String s ? "'" + s.replace("'", "''") + "'" : String.valueOf(v);
        if (v instanceof String s) {
            if (type == String.class) {
                return s;
            }
            if (type == Character.class && s.length() == 1) {
                return s.charAt(0);
            }
            if (type.isEnum()) {
                throw l.pos().error(shown + " is a String but " + t.text() + " is the enum " + type.getName(),
                        "write the constant without quotes, e.g. " + firstConstant(type) + " or "
                                + type.getCanonicalName() + "." + firstConstant(type));
            }
            Object parsed = parseString(s, type);
            if (parsed != null) {
                return parsed;
            }
            if (parseable(type)) {
                throw l.pos().error(shown + " is not a valid " + type.getSimpleName() + " for " + t.text(),
                        "write it in ISO format or pass it as a parameter");
            }
            throw mismatch(l, shown, "a String", t);
        }
        if (v instanceof Boolean) {
            if (type == Boolean.class) {
                return v;
            }
            throw mismatch(l, shown, "a Boolean", t);
        }
        if (v instanceof BigDecimal d) {
            if (type == BigDecimal.class || type == Double.class || type == Float.class) {
                Object x = Types.fromBigDecimal(d, type);
                if (x == null && type != BigDecimal.class) {
                    x = type == Double.class ? (Object) d.doubleValue() : (Object) d.floatValue();
                    if (x instanceof Double dd && dd.isInfinite() || x instanceof Float ff && ff.isInfinite()) {
                        throw l.pos().error(shown + " is out of range for " + t.text() + " (" + type.getName() + ")", null);
                    }
                    // A literal too small for the type would silently compare as 0.
                    if (((Number) x).doubleValue() == 0 && d.signum() != 0) {
                        throw l.pos().error(shown + " is out of range for " + t.text() + " (" + type.getName()
                                + "): it is too small and would be 0", null);
                    }
                }
                return x;
            }
            throw mismatch(l, shown, "a decimal", t);
        }
        if (v instanceof Long || v instanceof BigInteger) {
            if (Types.numeric(type)) {
                Object x = Types.fromBigDecimal(Types.toBigDecimal((Number) v), type);
                if (x == null) {
                    throw l.pos().error(shown + " is out of range for " + t.text() + " (" + type.getName() + ")", null);
                }
                return x;
            }
            throw mismatch(l, shown, "an integer", t);
        }
        throw mismatch(l, shown, v.getClass().getName(), t);
    }

    private static IllegalArgumentException mismatch(Literal l, String shown, String what, Target t) {
        return l.pos().error(shown + " is " + what + " but " + t.text() + " is " + t.type().getName(),
                "use a literal of the attribute's type or a parameter");
    }

    private static boolean parseable(Class<?> type) {
        return type == UUID.class || type == LocalDate.class || type == LocalDateTime.class || type == LocalTime.class
                || type == Instant.class || type == OffsetDateTime.class || type == ZonedDateTime.class;
    }

    private static Object parseString(String s, Class<?> type) {
        try {
            if (type == UUID.class) return UUID.fromString(s);
            if (type == LocalDate.class) return LocalDate.parse(s);
            if (type == LocalDateTime.class) return LocalDateTime.parse(s);
            if (type == LocalTime.class) return LocalTime.parse(s);
            if (type == Instant.class) return Instant.parse(s);
            if (type == OffsetDateTime.class) return OffsetDateTime.parse(s);
            if (type == ZonedDateTime.class) return ZonedDateTime.parse(s);
        } catch (DateTimeParseException | IllegalArgumentException e) {
            return null;
        }
        return null;
    }
}
