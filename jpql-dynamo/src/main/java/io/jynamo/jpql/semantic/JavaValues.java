package io.jynamo.jpql.semantic;

import io.jynamo.jpql.ast.CaseFunction;
import io.jynamo.jpql.ast.Computed;
import io.jynamo.jpql.ast.Expr;
import io.jynamo.jpql.ast.Literal;
import io.jynamo.jpql.ast.PathExpr;
import io.jynamo.jpql.ast.SizeExpr;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Resolves the value expressions DynamoDB cannot compute, which the planner leaves to Java: LOWER/UPPER of an
 * attribute, string and numeric functions, arithmetic. Each gets a type: strings are {@code String}, numbers are
 * compared by value ({@code BigDecimal} for literals and parameters given with them).
 */
final class JavaValues {
    private final Scope scope;
    private final Values values;

    JavaValues(Scope scope, Values values) {
        this.scope = scope;
        this.values = values;
    }

    /** A resolved expression and the Java type of its values. */
    record Typed(Expr expr, Class<?> type) {
    }

    /** Whether the expression is computed in Java: a function or arithmetic, or LOWER/UPPER of an attribute. */
    boolean javaOnly(Expr e) {
        return e instanceof Computed || e instanceof CaseFunction f
                && (f.argument() instanceof PathExpr p && scope.rootedAtVariable(p) || javaOnly(f.argument()));
    }

    /** Whether a resolved expression reads an attribute. */
    static boolean readsAttribute(Expr e) {
        if (e instanceof PathExpr p) {
            return p.attribute() != null;
        }
        if (e instanceof CaseFunction f) {
            return readsAttribute(f.argument());
        }
        if (e instanceof Computed c) {
            return c.arguments().stream().anyMatch(JavaValues::readsAttribute);
        }
        return e instanceof SizeExpr;
    }

    /** How values compared with a type are typed: strings as strings, any number as a number. */
    static Class<?> category(Class<?> type) {
        if (type == String.class || type == Character.class) {
            return String.class;
        }
        return Types.numeric(type) || Number.class.isAssignableFrom(type) ? BigDecimal.class : type;
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
        if (e instanceof SizeExpr s) {
            throw s.pos().error("SIZE(...) inside a function or arithmetic is not supported", "compare SIZE(e.collection) itself");
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

    /** Resolves an operand for IN: a parameter may be a collection. */
    Typed resolveItem(Expr e, Class<?> expected) {
        if (javaOnly(e) || scope.isAttribute(e)) {
            return resolve(e, expected, "IN item");
        }
        return new Typed(values.value(e, new Target(expected, null, "IN item", true), "IN item"), expected);
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
            default -> { // ABS, MOD, + - * /, NEG
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
