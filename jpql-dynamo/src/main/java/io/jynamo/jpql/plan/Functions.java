package io.jynamo.jpql.plan;

import io.jynamo.jpql.semantic.Types;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;

/**
 * JPQL's string and numeric functions and arithmetic, as evaluated in Java after the read: a NULL argument
 * gives NULL (so the comparison is UNKNOWN); positions count characters (code points) from 1.
 */
final class Functions {
    private Functions() {
    }

    static Object apply(String function, List<Object> args) {
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
            default -> throw new IllegalStateException("not a function: " + function);
        };
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
