package io.jynamo.jpql.semantic;

import io.jynamo.jpql.ast.CaseExpr;
import io.jynamo.jpql.ast.CaseFunction;
import io.jynamo.jpql.ast.Comparison;
import io.jynamo.jpql.ast.Condition;
import io.jynamo.jpql.ast.EntityComparison;
import io.jynamo.jpql.ast.Computed;
import io.jynamo.jpql.ast.Expr;
import io.jynamo.jpql.ast.Literal;
import io.jynamo.jpql.ast.PathExpr;
import io.jynamo.jpql.ast.RelationSize;
import io.jynamo.jpql.ast.SizeExpr;
import io.jynamo.jpql.model.AssociationInfo;
import io.jynamo.jpql.model.AttributeInfo;
import io.jynamo.jpql.ValueKind;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Resolves the value expressions DynamoDB cannot compute, which the planner leaves to Java: LOWER/UPPER of an
 * attribute, string and numeric functions, arithmetic. Each gets a type: strings are {@code String}, numbers are
 * compared by value ({@code BigDecimal} for literals and parameters given with them).
 */
final class JavaValues {
    private final Scope scope;
    private final Values values;
    private final UnaryOperator<Condition> conditions;

    JavaValues(Scope scope, Values values, UnaryOperator<Condition> conditions) {
        this.scope = scope;
        this.values = values;
        this.conditions = conditions;
    }

    /** A resolved expression and the Java type of its values. */
    record Typed(Expr expr, Class<?> type) {
    }

    /**
     * Whether the expression is computed in Java: a function or arithmetic, LOWER/UPPER of an attribute, or an
     * attribute of a to-one's target.
     */
    boolean javaOnly(Expr e) {
        return scope.navigates(e) || e instanceof Computed || e instanceof CaseExpr || e instanceof CaseFunction f
                && (f.argument() instanceof PathExpr p && scope.rootedAtVariable(p) || javaOnly(f.argument()));
    }

    /** Whether a resolved expression reads an attribute. */
    static boolean readsAttribute(Expr e) {
        // A condition of a WHEN always names an attribute (comparisons need one).
        return Expr.anyNode(e, x -> x instanceof PathExpr p && p.attribute() != null || x instanceof SizeExpr
                || x instanceof RelationSize || x instanceof CaseExpr);
    }

    /** How values compared with a type are typed: strings as strings, any number as a number. */
    static Class<?> category(Class<?> type) {
        if (type == String.class || type == Character.class) {
            return String.class;
        }
        return Types.numeric(type) || Number.class.isAssignableFrom(type) ? BigDecimal.class : type;
    }

    /**
     * Whether values of the two types can be compared in Java: of one category, or both dates and times (which the
     * evaluator compares on one time line: {@code e.created < CURRENT_DATE} for a {@code java.util.Date}).
     */
    static boolean comparable(Class<?> a, Class<?> b) {
        return category(a) == category(b) || temporal(a) && temporal(b);
    }

    /** Whether the type is a date, a time or both (java.time, java.util.Date and its java.sql kinds, Calendar). */
    static boolean temporal(Class<?> t) {
        return java.time.temporal.Temporal.class.isAssignableFrom(t) && t != java.time.Year.class
                || java.util.Date.class.isAssignableFrom(t) || java.util.Calendar.class.isAssignableFrom(t);
    }

    /**
     * Resolves an operand next to a Java-computed one.
     *
     * @param expected the type a literal or parameter gets ({@code null}: the operand must not be one)
     */
    Typed resolve(Expr e, Class<?> expected, String role) {
        if (e instanceof CaseFunction f) {
            Typed arg = resolve(f.argument(), String.class, (f.upper() ? "UPPER" : "LOWER") + " argument");
            requireString(arg, f.upper() ? "UPPER" : "LOWER");
            return new Typed(new CaseFunction(f.upper(), arg.expr(), f.pos()), String.class);
        }
        if (e instanceof Computed c) {
            return computed(c);
        }
        if (e instanceof CaseExpr c) {
            return caseExpr(c, expected);
        }
        if (e instanceof SizeExpr s) {
            return new Typed(size(s), Integer.class);
        }
        if (scope.isAttribute(e)) {
            PathExpr p = scope.scalarAttribute(e, role);
            return new Typed(p, Types.wrap(p.attribute().javaType()));
        }
        if (expected == null) {
            throw e.pos().error("a " + role + " needs an attribute", "compare an attribute of the entity, or a function of one");
        }
        Target t = new Target(expected, null, role, false);
        return new Typed(values.value(e, t, role), expected);
    }

    /**
     * {@code SIZE(e.tags)} of an element collection on the item, or {@code SIZE(e.children)} of a relationship
     * collection: counted per owner after the read (see {@link RelationSize}).
     */
    Expr size(SizeExpr s) {
        AssociationInfo rel = relationshipCollection(s.collection(), "SIZE");
        if (rel != null) {
            AttributeInfo count = new AttributeInfo(RelationSize.PREFIX + rel.name(), List.of(), ValueKind.NUMBER,
                    Integer.class, null, true);
            return new RelationSize(s.collection(), rel, count, s.pos());
        }
        PathExpr p = scope.attribute(s.collection());
        if (!Types.collection(p.attribute())) {
            throw p.pos().error("SIZE needs a collection attribute but " + p.text() + " is "
                    + p.attribute().javaType().getName(), "use SIZE on a List or Set attribute");
        }
        return new SizeExpr(p, s.pos());
    }

    /** The relationship collection a path names, or {@code null} when it names no relationship; a to-one is refused. */
    AssociationInfo relationshipCollection(PathExpr p, String construct) {
        if (!scope.rootedAtVariable(p)) {
            return null;
        }
        AssociationInfo a = scope.association(p);
        if (a == null) {
            return null;
        }
        if (a.kind().collection()) {
            return a;
        }
        throw p.pos().error(construct + " on the relationship " + p.text() + " is not supported: it is a to-one, not a "
                + "collection", "compare it with an entity (" + p.text() + " = :entity) or test IS NULL");
    }

    /** Resolves an operand for IN: a parameter may be a collection. */
    Typed resolveItem(Expr e, Class<?> expected) {
        if (javaOnly(e) || scope.isAttribute(e)) {
            return resolve(e, expected, "IN item");
        }
        return new Typed(values.value(e, new Target(expected, null, "IN item", true), "IN item"), expected);
    }

    /**
     * The conditions as any WHERE condition, the results all of one type: that of the first result that is an
     * attribute or computed, else of the value compared with the CASE, else of the first literal result.
     */
    private Typed caseExpr(CaseExpr c, Class<?> expected) {
        List<Condition> whens = new ArrayList<>();
        for (Condition w : c.whens()) {
            Condition r = conditions.apply(w);
            refuseInCase(r);
            whens.add(r);
        }
        List<Expr> results = new ArrayList<>(c.thens());
        if (c.otherwise() != null) {
            results.add(c.otherwise());
        }
        Class<?> type = null;
        for (Expr e : results) {
            if (type == null && (javaOnly(e) || scope.isAttribute(e))) {
                type = category(resolve(e, expected, "CASE result").type());
            }
        }
        if (type == null) {
            type = expected;
        }
        for (Expr e : results) {
            if (type == null && e instanceof Literal l && l.value() != null) {
                type = category(l.value().getClass());
            }
        }
        if (type == null) {
            throw c.pos().error("the type of this CASE is unknown", "give one THEN or ELSE a literal, or compare the CASE with an attribute");
        }
        List<Expr> thens = new ArrayList<>();
        for (Expr e : c.thens()) {
            thens.add(resolve(e, type, "CASE result").expr());
        }
        Expr otherwise = c.otherwise() == null ? null : resolve(c.otherwise(), type, "CASE result").expr();
        return new Typed(new CaseExpr(whens, thens, otherwise, c.pos()), type);
    }

    /** Entity comparisons and TYPE are left to DynamoDB's rendering only: they cannot be a WHEN condition. */
    private static void refuseInCase(Condition c) {
        for (Condition a : Condition.atoms(c)) {
            if (a instanceof EntityComparison e) {
                throw e.pos().error("an entity comparison inside CASE is not supported", "compare the key attributes");
            }
            if (a instanceof Comparison x && (x.left() instanceof PathExpr p && p.attribute() != null
                    && AttributeInfo.TYPE_PATH.equals(p.attribute().path()))) {
                throw x.pos().error("TYPE inside CASE is not supported", "compare TYPE(e) in the WHERE itself");
            }
        }
    }

    private Typed computed(Computed c) {
        String f = c.function();
        List<Expr> args = new ArrayList<>();
        Class<?> type;
        switch (f) {
            case "LENGTH" -> {
                args.add(string(c.arguments().get(0), f));
                type = Integer.class;
            }
            case "LOCATE" -> {
                args.add(string(c.arguments().get(0), f));
                args.add(string(c.arguments().get(1), f));
                if (c.arguments().size() > 2) {
                    args.add(number(c.arguments().get(2), f));
                }
                type = Integer.class;
            }
            case "SUBSTRING" -> {
                args.add(string(c.arguments().get(0), f));
                for (Expr a : c.arguments().subList(1, c.arguments().size())) {
                    args.add(number(a, f));
                }
                type = String.class;
            }
            case "CONCAT" -> {
                for (Expr a : c.arguments()) {
                    args.add(string(a, f));
                }
                type = String.class;
            }
            case "TRIM" -> {
                args.add(c.arguments().get(0));
                Expr ch = c.arguments().get(1);
                args.add(ch instanceof Literal l && l.value() == null ? ch : string(ch, f));
                args.add(string(c.arguments().get(2), f));
                type = String.class;
            }
            case "LEFT", "RIGHT" -> {
                args.add(string(c.arguments().get(0), f));
                args.add(number(c.arguments().get(1), f));
                type = String.class;
            }
            case "REPLACE" -> {
                for (Expr a : c.arguments()) {
                    args.add(string(a, f));
                }
                type = String.class;
            }
            case "COALESCE", "NULLIF" -> {
                // Of one type: that of the first attribute or computed argument, else of the first literal.
                Class<?> common = null;
                for (Expr a : c.arguments()) {
                    if (common == null && (javaOnly(a) || scope.isAttribute(a))) {
                        common = category(resolve(a, null, f + " argument").type());
                    }
                }
                for (Expr a : c.arguments()) {
                    if (common == null && a instanceof Literal l && l.value() != null) {
                        common = category(l.value().getClass());
                    }
                }
                if (common == null) {
                    throw c.pos().error("the type of this " + f + " is unknown", "give it an attribute or a literal argument");
                }
                for (Expr a : c.arguments()) {
                    Typed t = resolve(a, common, f + " argument");
                    if (!comparable(t.type(), common)) {
                        throw a.pos().error(f + " takes values of one type, and " + text(t.expr()) + " is "
                                + t.type().getName(), null);
                    }
                    args.add(t.expr());
                }
                type = common;
            }
            case "EXTRACT" -> {
                String field = (String) ((Literal) c.arguments().get(0)).value();
                Typed t = resolve(c.arguments().get(1), null, "EXTRACT argument");
                if (!temporal(t.type())) {
                    throw t.expr().pos().error("EXTRACT needs a date or time but " + text(t.expr()) + " is "
                            + t.type().getName(), "extract from a date, time or timestamp attribute");
                }
                args.add(c.arguments().get(0));
                args.add(t.expr());
                type = ResultTypes.extractType(field);
            }
            case "CAST" -> {
                Expr x = c.arguments().get(0);
                // CAST takes a string or a number: a literal or parameter of either kind (Results.cast converts both).
                args.add(resolve(x, javaOnly(x) || scope.isAttribute(x) ? null : Object.class, "CAST argument").expr());
                args.add(c.arguments().get(1));
                type = Computed.CAST_TYPES.get((String) ((Literal) c.arguments().get(1)).value());
            }
            case "SUM", "AVG" -> {
                args.add(number(c.arguments().get(0), f));
                args.addAll(c.arguments().subList(1, c.arguments().size())); // DISTINCT
                type = BigDecimal.class;
            }
            case "MIN", "MAX" -> {
                Typed t = resolve(c.arguments().get(0), null, f + " argument");
                args.add(t.expr());
                args.addAll(c.arguments().subList(1, c.arguments().size()));
                type = t.type();
            }
            case "COUNT" -> {
                Expr x = c.arguments().get(0);
                args.add(x instanceof Literal ? x : resolve(x, null, "COUNT argument").expr());
                args.addAll(c.arguments().subList(1, c.arguments().size()));
                type = Long.class;
            }
            case "CURRENT_DATE", "LOCAL DATE" -> type = java.time.LocalDate.class;
            case "CURRENT_TIME", "LOCAL TIME" -> type = java.time.LocalTime.class;
            case "CURRENT_TIMESTAMP", "LOCAL DATETIME" -> type = java.time.LocalDateTime.class;
            default -> { // ABS, MOD, SQRT, EXP, LN, CEILING, FLOOR, SIGN, ROUND, POWER, + - * /, NEG
                for (Expr a : c.arguments()) {
                    args.add(number(a, f));
                }
                type = BigDecimal.class;
            }
        }
        return new Typed(new Computed(f, args, c.pos()), type);
    }

    private Expr string(Expr e, String function) {
        Typed t = resolve(e, String.class, function + " argument");
        requireString(t, function);
        return t.expr();
    }

    private Expr number(Expr e, String function) {
        Typed t = resolve(e, BigDecimal.class, (function.length() == 1 ? "'" + function + "'" : function) + " operand");
        if (category(t.type()) != BigDecimal.class) {
            throw e.pos().error((function.length() == 1 || function.equals("NEG") ? "arithmetic" : function)
                    + " needs a number but " + text(t.expr()) + " is " + t.type().getName(), null);
        }
        return t.expr();
    }

    private static void requireString(Typed t, String function) {
        if (t.type() != String.class) {
            throw t.expr().pos().error(function + " needs a string but " + text(t.expr()) + " is " + t.type().getName(),
                    t.expr() instanceof PathExpr ? "compare " + text(t.expr()) + " itself" : null);
        }
    }

    private static String text(Expr e) {
        return e instanceof PathExpr p ? p.text() : e instanceof Computed c ? c.function() + "(...)" : "the value";
    }
}
