package io.jynamo.jpql.lexer;

import io.jynamo.jpql.ast.Pos;

import java.util.Locale;

/**
 * One token of a JPQL query.
 *
 * @param type  the kind
 * @param text  the source text (for strings and parameters: the unquoted value / name)
 * @param value the literal value for numbers (Long, BigInteger or BigDecimal), the position for {@code ?1}
 * @param pos   where it starts
 */
public record Token(TokenType type, String text, Object value, Pos pos) {

    /** Whether this is the keyword {@code keyword} (given in upper case), compared case-insensitively. */
    public boolean is(String keyword) {
        return type == TokenType.WORD && text.equalsIgnoreCase(keyword);
    }

    /** The upper-cased text, for keyword switches. */
    public String upper() {
        return text.toUpperCase(Locale.ROOT);
    }

    /** How the token is shown in an error message. */
    public String describe() {
        return switch (type) {
            case EOF -> "end of query";
            case STRING -> "'" + text.replace("'", "''") + "'";
            case NAMED_PARAM -> ":" + text;
            case POSITIONAL_PARAM -> "?" + text;
            default -> "'" + text + "'";
        };
    }
}
