package io.jynamo.jpql.semantic;

import io.jynamo.jpql.ast.CaseExpr;
import io.jynamo.jpql.ast.CaseFunction;
import io.jynamo.jpql.ast.Computed;
import io.jynamo.jpql.ast.Expr;
import io.jynamo.jpql.ast.Literal;
import io.jynamo.jpql.ast.PathExpr;
import io.jynamo.jpql.ast.SizeExpr;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The Java type of a select item computed in Java, by the rules of JPA 3.2 (4.8.6, 4.7): arithmetic is of the
 * widest operand type, Double &gt; Float &gt; BigDecimal &gt; BigInteger &gt; Long &gt; Integer (Short and Byte
 * count as Integer); LENGTH, LOCATE, MOD, SIGN and EXTRACT give Integer (EXTRACT(SECOND ...) Double); SQRT, EXP,
 * LN and POWER give Double; ABS, CEILING, FLOOR and ROUND keep the type of their (first) argument; CURRENT_DATE,
 * CURRENT_TIME and CURRENT_TIMESTAMP give java.sql.Date, Time and Timestamp, LOCAL DATE/TIME/DATETIME the java.time
 * types; SUM of integers is a Long, of Float or Double a Double, AVG a Double, MIN and MAX keep their argument's
 * type and COUNT is a Long. An integer literal is an Integer (a Long when it does not fit), a decimal literal a
 * BigDecimal, unless a suffix says otherwise (1L, 1.5D, 1.5F, 1BI, 1BD).
 * Works on the expression as parsed, so that literals still have the type they were written with.
 */
final class ResultTypes {
    private final Scope scope;

    ResultTypes(Scope scope) {
        this.scope = scope;
    }

    /** The type, or {@code null} when nothing in the expression tells it (a parameter, NULL). */
    Class<?> of(Expr e) {
        if (e instanceof PathExpr p) {
            return scope.isAttribute(p) ? Types.wrap(scope.scalarAttribute(p, "select item").attribute().javaType()) : null;
        }
        if (e instanceof Literal l) {
            Object v = l.value(); // 1 is an Integer, 1L a Long, 1.5 a BigDecimal, 1.5D a Double: as the lexer typed it
            return v == null ? null : v.getClass();
        }
        if (e instanceof CaseFunction) {
            return String.class;
        }
        if (e instanceof SizeExpr) {
            return Integer.class;
        }
        if (e instanceof CaseExpr c) {
            List<Expr> results = new ArrayList<>(c.thens());
            if (c.otherwise() != null) {
                results.add(c.otherwise());
            }
            return common(results);
        }
        if (!(e instanceof Computed c)) {
            return null; // a parameter
        }
        List<Expr> args = c.arguments();
        return switch (c.function()) {
            case "LENGTH", "LOCATE", "MOD", "SIGN" -> Integer.class;
            case "SQRT", "EXP", "LN", "POWER" -> Double.class;
            case "SUBSTRING", "CONCAT", "TRIM", "LEFT", "RIGHT", "REPLACE" -> String.class;
            case "ABS", "CEILING", "FLOOR", "ROUND", "NEG" -> number(of(args.get(0)), null);
            case "+", "-", "*", "/" -> number(of(args.get(0)), of(args.get(1)));
            case "COALESCE" -> common(args);
            case "SUM" -> sumType(of(args.get(0)));
            case "AVG" -> Double.class;
            case "MIN", "MAX" -> of(args.get(0));
            case "COUNT" -> Long.class;
            case "NULLIF" -> of(args.get(0)) != null ? of(args.get(0)) : of(args.get(1));
            case "EXTRACT" -> extractType((String) ((Literal) args.get(0)).value());
            case "CAST" -> Computed.CAST_TYPES.get((String) ((Literal) args.get(1)).value());
            case "CURRENT_DATE" -> java.sql.Date.class;
            case "CURRENT_TIME" -> java.sql.Time.class;
            case "CURRENT_TIMESTAMP" -> java.sql.Timestamp.class;
            case "LOCAL DATE" -> LocalDate.class;
            case "LOCAL TIME" -> LocalTime.class;
            case "LOCAL DATETIME" -> LocalDateTime.class;
            default -> null;
        };
    }

    /** SUM's type (JPA 4.8.5): Long of integral values, Double of floating ones, else BigInteger or BigDecimal. */
    private static Class<?> sumType(Class<?> argument) {
        if (argument == Double.class || argument == Float.class) {
            return Double.class;
        }
        if (argument == BigInteger.class || argument == BigDecimal.class) {
            return argument;
        }
        return argument == null ? BigDecimal.class : Long.class;
    }

    /** The Java type {@code EXTRACT(field FROM x)} gives, in a select item and to the evaluator alike. */
    static Class<?> extractType(String field) {
        return switch (field) {
            case "SECOND" -> Double.class;
            case "DATE" -> LocalDate.class;
            case "TIME" -> LocalTime.class;
            default -> Integer.class;
        };
    }

    /** The type of several results (CASE, COALESCE): the widest number, else the first type known. */
    private Class<?> common(List<Expr> results) {
        Class<?> type = null;
        for (Expr r : results) {
            Class<?> t = of(r);
            if (t == null) {
                continue;
            }
            type = type == null ? t : Types.numeric(type) && Types.numeric(t) ? number(type, t) : type;
        }
        return type;
    }

    /** The type of arithmetic on operands of these types ({@code null}: unknown, a parameter). */
    static Class<?> number(Class<?> a, Class<?> b) {
        return a == null && b == null ? BigDecimal.class : Types.wider(a, b);
    }
}
