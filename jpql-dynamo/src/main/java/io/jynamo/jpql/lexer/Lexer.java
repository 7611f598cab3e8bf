package io.jynamo.jpql.lexer;

import io.jynamo.jpql.ast.Pos;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits JPQL text into {@link Token}s, tracking line and column for error messages.
 *
 * <pre>{@code List<Token> tokens = Lexer.tokenize("SELECT u FROM User u");}</pre>
 */
public final class Lexer {
    private final String src;
    private int i;
    private int line = 1;
    private int lineStart;

    private Lexer(String src) {
        this.src = src;
    }

    /**
     * Tokenises a query; the list always ends with an {@link TokenType#EOF} token.
     *
     * @throws IllegalArgumentException for an unterminated string, a bad parameter or an unexpected character
     */
    public static List<Token> tokenize(String jpql) {
        if (jpql == null) {
            throw new IllegalArgumentException("JPQL error at line 1, column 1: the query is null");
        }
        return new Lexer(jpql).run();
    }

    private Pos pos(int at) {
        return new Pos(line, at - lineStart + 1);
    }

    private List<Token> run() {
        List<Token> out = new ArrayList<>();
        while (true) {
            skipSpace();
            if (i >= src.length()) {
                out.add(new Token(TokenType.EOF, "", null, pos(i)));
                return out;
            }
            out.add(next());
        }
    }

    private void skipSpace() {
        while (i < src.length()) {
            char c = src.charAt(i);
            if (c == '\n') {
                line++;
                i++;
                lineStart = i;
            } else if (Character.isWhitespace(c)) {
                i++;
            } else {
                return;
            }
        }
    }

    private Token next() {
        int start = i;
        Pos p = pos(start);
        char c = src.charAt(i);
        if (Character.isJavaIdentifierStart(c)) {
            while (i < src.length() && Character.isJavaIdentifierPart(src.charAt(i))) {
                i++;
            }
            return new Token(TokenType.WORD, src.substring(start, i), null, p);
        }
        if (isDigit(c) || (c == '.' && i + 1 < src.length() && isDigit(src.charAt(i + 1)))) {
            return number(p);
        }
        switch (c) {
            case '\'':
                return string(p);
            case ':': {
                i++;
                int s = i;
                while (i < src.length() && Character.isJavaIdentifierPart(src.charAt(i))) {
                    i++;
                }
                if (s == i || !Character.isJavaIdentifierStart(src.charAt(s))) {
                    throw p.error("a named parameter needs a name after ':'", "write :name, e.g. u.email = :email");
                }
                return new Token(TokenType.NAMED_PARAM, src.substring(s, i), null, p);
            }
            case '?': {
                i++;
                int s = i;
                while (i < src.length() && isDigit(src.charAt(i))) {
                    i++;
                }
                if (s == i) {
                    throw p.error("a positional parameter needs a number after '?'", "write ?1, ?2, ...");
                }
                int n;
                try {
                    n = Integer.parseInt(src.substring(s, i));
                } catch (NumberFormatException e) {
                    throw p.error("positional parameter ?" + src.substring(s, i) + " is too large", "number parameters from ?1");
                }
                if (n < 1) {
                    throw p.error("positional parameter ?" + n + " is not allowed", "number parameters from ?1");
                }
                return new Token(TokenType.POSITIONAL_PARAM, Integer.toString(n), n, p);
            }
            case '{':
                return temporal(p);
            case ',': i++; return new Token(TokenType.COMMA, ",", null, p);
            case '.': i++; return new Token(TokenType.DOT, ".", null, p);
            case '(': i++; return new Token(TokenType.LPAREN, "(", null, p);
            case ')': i++; return new Token(TokenType.RPAREN, ")", null, p);
            case '=': i++; return new Token(TokenType.EQ, "=", null, p);
            case '+': i++; return new Token(TokenType.PLUS, "+", null, p);
            case '-': i++; return new Token(TokenType.MINUS, "-", null, p);
            case '*': i++; return new Token(TokenType.STAR, "*", null, p);
            case '/': i++; return new Token(TokenType.SLASH, "/", null, p);
            case '<':
                i++;
                if (peek('=')) { i++; return new Token(TokenType.LE, "<=", null, p); }
                if (peek('>')) { i++; return new Token(TokenType.NE, "<>", null, p); }
                return new Token(TokenType.LT, "<", null, p);
            case '>':
                i++;
                if (peek('=')) { i++; return new Token(TokenType.GE, ">=", null, p); }
                return new Token(TokenType.GT, ">", null, p);
            case '|':
                if (peekAt(i + 1, '|')) {
                    i += 2;
                    return new Token(TokenType.CONCAT, "||", null, p);
                }
                throw p.error("unexpected character '|'", "write || to concatenate strings");
            case '!':
                i++;
                if (peek('=')) { i++; return new Token(TokenType.NE, "!=", null, p); }
                throw p.error("unexpected character '!'", "use NOT or <>");
            default:
                throw p.error("unexpected character '" + new String(Character.toChars(src.codePointAt(i))) + "'",
                        "strings are written in single quotes, parameters as :name or ?1");
        }
    }

    private boolean peekAt(int at, char c) {
        return at < src.length() && src.charAt(at) == c;
    }

    private boolean peek(char c) {
        return i < src.length() && src.charAt(i) == c;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private Token number(Pos p) {
        int start = i;
        while (i < src.length() && isDigit(src.charAt(i))) {
            i++;
        }
        boolean decimal = false;
        if (i < src.length() && src.charAt(i) == '.' && i + 1 < src.length() && isDigit(src.charAt(i + 1))) {
            decimal = true;
            i++;
            while (i < src.length() && isDigit(src.charAt(i))) {
                i++;
            }
        } else if (i < src.length() && src.charAt(i) == '.' && start < i
                && (i + 1 >= src.length() || !Character.isJavaIdentifierStart(src.charAt(i + 1)))) {
            decimal = true;
            i++;
        }
        if (i < src.length() && (src.charAt(i) == 'e' || src.charAt(i) == 'E')) {
            int save = i;
            i++;
            if (i < src.length() && (src.charAt(i) == '+' || src.charAt(i) == '-')) {
                i++;
            }
            if (i < src.length() && isDigit(src.charAt(i))) {
                while (i < src.length() && isDigit(src.charAt(i))) {
                    i++;
                }
                decimal = true;
            } else {
                i = save;
            }
        }
        String text = src.substring(start, i);
        int suffixStart = i;
        while (i < src.length() && Character.isJavaIdentifierPart(src.charAt(i))) {
            i++;
        }
        String suffix = src.substring(suffixStart, i).toUpperCase(java.util.Locale.ROOT);
        String written = src.substring(start, i);
        String hint = "a number's type suffix is L (Long), F (Float), D (Double), BI (BigInteger) or BD (BigDecimal),"
                + " after digits: 42L, 4.2D, 42BI";
        try {
            switch (suffix) {
                case "" -> {
                    if (decimal) {
                        return new Token(TokenType.DECIMAL, text, new BigDecimal(text), p);
                    }
                    BigInteger big = new BigInteger(text);
                    Object v = big.bitLength() < 32 ? (Object) big.intValue() : big.bitLength() < 64 ? (Object) big.longValue() : big;
                    return new Token(TokenType.INTEGER, text, v, p);
                }
                case "L" -> {
                    if (!decimal) {
                        BigInteger big = new BigInteger(text);
                        if (big.bitLength() >= 64) {
                            throw p.error("'" + written + "' is out of range for a Long", "write " + text + "BI for a BigInteger");
                        }
                        return new Token(TokenType.INTEGER, written, big.longValue(), p);
                    }
                }
                case "BI" -> {
                    if (!decimal) {
                        return new Token(TokenType.INTEGER, written, new BigInteger(text), p);
                    }
                }
                case "F" -> {
                    float f = Float.parseFloat(text);
                    if (Float.isInfinite(f)) {
                        throw p.error("'" + written + "' is out of range for a Float", "write it with D or BD");
                    }
                    return new Token(TokenType.DECIMAL, written, f, p);
                }
                case "D" -> {
                    double d = Double.parseDouble(text);
                    if (Double.isInfinite(d)) {
                        throw p.error("'" + written + "' is out of range for a Double", "write it with BD");
                    }
                    return new Token(TokenType.DECIMAL, written, d, p);
                }
                case "BD" -> {
                    return new Token(TokenType.DECIMAL, written, new BigDecimal(text), p);
                }
                default -> {
                }
            }
        } catch (NumberFormatException | ArithmeticException e) {
            throw p.error("malformed number '" + written + "'", hint);
        }
        throw p.error("malformed number '" + written + "'", hint);
    }

    /** {@code {d 'yyyy-mm-dd'}}, {@code {t 'hh:mm:ss'}} or {@code {ts 'yyyy-mm-dd hh:mm:ss[.f...]'}}. */
    private Token temporal(Pos p) {
        int start = i;
        i++; // {
        skipBlanks();
        int kindStart = i;
        while (i < src.length() && Character.isLetter(src.charAt(i))) {
            i++;
        }
        String kind = src.substring(kindStart, i).toLowerCase(java.util.Locale.ROOT);
        String syntax = "write {d 'yyyy-mm-dd'}, {t 'hh:mm:ss'} or {ts 'yyyy-mm-dd hh:mm:ss'}";
        skipBlanks();
        if (!kind.equals("d") && !kind.equals("t") && !kind.equals("ts") || i >= src.length() || src.charAt(i) != '\'') {
            throw p.error("'{' starts a date, time or timestamp literal in JDBC escape syntax", syntax);
        }
        String text = string(pos(i)).text();
        skipBlanks();
        if (i >= src.length() || src.charAt(i) != '}') {
            throw p.error("the literal {" + kind + " '" + text + "' is not closed with '}'", syntax);
        }
        i++;
        try {
            Object value = switch (kind) {
                case "d" -> java.sql.Date.valueOf(text);
                case "t" -> java.sql.Time.valueOf(text);
                default -> java.sql.Timestamp.valueOf(text);
            };
            return new Token(TokenType.TEMPORAL, src.substring(start, i), value, p);
        } catch (IllegalArgumentException e) {
            throw p.error("'" + text + "' is not a valid {" + kind + " ...} literal", syntax);
        }
    }

    private void skipBlanks() {
        while (i < src.length() && src.charAt(i) == ' ') {
            i++;
        }
    }

    private Token string(Pos p) {
        i++; // opening quote
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (i >= src.length()) {
                throw p.error("unterminated string literal", "close it with ' and write a quote inside as ''");
            }
            char c = src.charAt(i);
            if (c == '\'') {
                if (i + 1 < src.length() && src.charAt(i + 1) == '\'') {
                    sb.append('\'');
                    i += 2;
                    continue;
                }
                i++;
                return new Token(TokenType.STRING, sb.toString(), null, p);
            }
            if (c == '\n') {
                line++;
                lineStart = i + 1;
            }
            sb.append(c);
            i++;
        }
    }
}
