package io.jynamo.jpql.plan;

import io.jynamo.jpql.semantic.Types;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;

/**
 * JPQL's string and numeric functions and arithmetic, as evaluated in Java after the read: a NULL argument
 * gives NULL (so the comparison is UNKNOWN); positions count characters (code points) from 1.
 */
final class Functions {
    private Functions() {
    }

    static Object apply(String function, List<Object> args) {
        if (function.equals("COALESCE")) {
            for (Object a : args) {
                if (a != null) {
                    return a;
                }
            }
            return null;
        }
        if (function.equals("NULLIF")) {
            return args.get(0) == null || args.get(1) != null && ClientWork.compare(args.get(0), args.get(1)) == 0
                    ? null : args.get(0);
        }
        for (int i = function.equals("TRIM") ? 2 : 0; i < args.size(); i++) {
            if (args.get(i) == null) {
                return null;
            }
        }
        return switch (function) {
            case "LENGTH" -> string(args, 0).codePointCount(0, string(args, 0).length());
            case "LOCATE" -> locate(string(args, 0), string(args, 1), args.size() > 2 ? integer(args, 2) : 1);
            case "SUBSTRING" -> substring(string(args, 0), integer(args, 1), args.size() > 2 ? integer(args, 2) : null);
            case "CONCAT" -> {
                StringBuilder sb = new StringBuilder();
                args.forEach(sb::append);
                yield sb.toString();
            }
            case "TRIM" -> trim((String) args.get(0), args.get(1) == null ? " " : (String) args.get(1), string(args, 2));
            case "ABS" -> number(args, 0).abs();
            case "MOD" -> number(args, 1).signum() == 0 ? null : number(args, 0).remainder(number(args, 1));
            case "NEG" -> number(args, 0).negate();
            case "+" -> number(args, 0).add(number(args, 1));
            case "-" -> number(args, 0).subtract(number(args, 1));
            case "*" -> number(args, 0).multiply(number(args, 1));
            case "/" -> divide(args.get(0), args.get(1));
            case "SQRT" -> real(Math.sqrt(number(args, 0).doubleValue()));
            case "EXP" -> real(Math.exp(number(args, 0).doubleValue()));
            case "LN" -> real(Math.log(number(args, 0).doubleValue()));
            case "POWER" -> real(Math.pow(number(args, 0).doubleValue(), number(args, 1).doubleValue()));
            case "CEILING" -> number(args, 0).setScale(0, RoundingMode.CEILING);
            case "FLOOR" -> number(args, 0).setScale(0, RoundingMode.FLOOR);
            case "SIGN" -> number(args, 0).signum();
            case "ROUND" -> number(args, 0).setScale(args.size() > 1 ? integer(args, 1) : 0, RoundingMode.HALF_UP);
            case "LEFT" -> substring(string(args, 0), 1, Math.max(0, integer(args, 1)));
            case "RIGHT" -> right(string(args, 0), Math.max(0, integer(args, 1)));
            case "REPLACE" -> string(args, 1).isEmpty() ? string(args, 0)
                    : string(args, 0).replace(string(args, 1), string(args, 2));
            case "EXTRACT" -> Temporals.extract((String) args.get(0), args.get(1));
            case "CAST" -> Results.cast(args.get(0), (String) args.get(1));
            // Read from the JVM's clock in its default time zone, when the row is evaluated.
            case "CURRENT_DATE", "LOCAL DATE" -> LocalDate.now();
            case "CURRENT_TIME", "LOCAL TIME" -> LocalTime.now();
            case "CURRENT_TIMESTAMP", "LOCAL DATETIME" -> LocalDateTime.now();
            default -> throw new IllegalStateException("not a function: " + function);
        };
    }

    /** A floating-point result; NaN and infinities (SQRT(-1), LN(0)) are NULL, as no SQL number is one. */
    private static Double real(double d) {
        return Double.isNaN(d) || Double.isInfinite(d) ? null : d;
    }

    private static String right(String s, int n) {
        int count = s.codePointCount(0, s.length());
        return count <= n ? s : s.substring(s.offsetByCodePoints(0, count - n));
    }

    private static String string(List<Object> args, int i) {
        return args.get(i).toString();
    }

    private static BigDecimal number(List<Object> args, int i) {
        return Types.toBigDecimal((Number) args.get(i));
    }

    private static int integer(List<Object> args, int i) {
        return number(args, i).intValue();
    }

    /** Division by zero is NULL (the comparison UNKNOWN); integers divide as integers, as in Java and SQL. */
    private static BigDecimal divide(Object a, Object b) {
        BigDecimal x = Types.toBigDecimal((Number) a);
        BigDecimal y = Types.toBigDecimal((Number) b);
        if (y.signum() == 0) {
            return null;
        }
        if (integral(a) && integral(b)) {
            return x.divideToIntegralValue(y);
        }
        return x.divide(y, MathContext.DECIMAL128);
    }

    private static boolean integral(Object n) {
        return n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte
                || n instanceof java.math.BigInteger || n instanceof BigDecimal d && d.scale() <= 0;
    }

    private static int locate(String search, String s, int start) {
        int from = Math.max(start, 1) - 1;
        if (from > s.codePointCount(0, s.length())) {
            return 0;
        }
        int at = s.indexOf(search, s.offsetByCodePoints(0, from));
        return at < 0 ? 0 : s.codePointCount(0, at) + 1;
    }

    private static String substring(String s, int start, Integer length) {
        int n = s.codePointCount(0, s.length());
        int from = Math.min(Math.max(start, 1) - 1, n);
        int to = length == null ? n : Math.min(n, Math.max(from, start - 1 + length));
        return s.substring(s.offsetByCodePoints(0, from), s.offsetByCodePoints(0, to));
    }

    private static String trim(String side, String ch, String s) {
        if (ch.isEmpty()) {
            return s;
        }
        int begin = 0;
        int end = s.length();
        if (!side.equals("TRAILING")) {
            while (begin < end && s.startsWith(ch, begin)) {
                begin += ch.length();
            }
        }
        if (!side.equals("LEADING")) {
            while (end > begin && s.startsWith(ch, end - ch.length())) {
                end -= ch.length();
            }
        }
        return s.substring(begin, end);
    }
}
