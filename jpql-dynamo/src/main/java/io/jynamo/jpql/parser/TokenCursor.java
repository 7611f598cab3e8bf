package io.jynamo.jpql.parser;

import io.jynamo.jpql.lexer.Token;
import io.jynamo.jpql.lexer.TokenType;

import java.util.List;
import java.util.Set;

/**
 * The parser's position in the token list and its primitives ({@code match}, {@code check}, {@code advance},
 * {@code consume}, as in jlox), shared by the expression and statement grammars that extend it.
 */
abstract sealed class TokenCursor permits ExpressionParser {
    static final Set<String> RESERVED = Set.of("SELECT", "FROM", "WHERE", "AND", "OR", "NOT", "BETWEEN",
            "LIKE", "IN", "IS", "NULL", "MEMBER", "OF", "ORDER", "BY", "GROUP", "HAVING", "JOIN", "LEFT", "INNER",
            "OUTER", "FETCH", "AS", "ASC", "DESC", "UPDATE", "SET", "DELETE", "DISTINCT", "TRUE", "FALSE", "EXISTS",
            "ALL", "ANY", "SOME", "ESCAPE", "EMPTY", "NEW", "CASE", "WHEN", "THEN", "ELSE", "END", "UNION",
            "INTERSECT", "EXCEPT", "ON", "CROSS", "RIGHT", "FULL", "LIMIT", "OFFSET");

    private final List<Token> tokens;
    private int current;

    TokenCursor(List<Token> tokens) {
        this.tokens = tokens;
    }

    Token peek() {
        return tokens.get(current);
    }

    Token peekAt(int ahead) {
        return tokens.get(Math.min(current + ahead, tokens.size() - 1));
    }

    Token advance() {
        Token t = tokens.get(current);
        if (t.type() != TokenType.EOF) {
            current++;
        }
        return t;
    }

    boolean check(TokenType type) {
        return peek().type() == type;
    }

    boolean checkWord(String keyword) {
        return peek().is(keyword);
    }

    boolean matchWord(String keyword) {
        if (checkWord(keyword)) {
            advance();
            return true;
        }
        return false;
    }

    boolean match(TokenType type) {
        if (check(type)) {
            advance();
            return true;
        }
        return false;
    }

    Token consume(TokenType type, String expected, String hint) {
        if (check(type)) {
            return advance();
        }
        throw unexpected(expected, hint);
    }

    Token consumeWord(String keyword, String hint) {
        if (checkWord(keyword)) {
            return advance();
        }
        throw unexpected(keyword, hint);
    }

    /**
     * Keywords are contextual, as in Hibernate: a word is a name wherever the grammar needs no keyword. A
     * word followed by '.' starts a path whatever it spells ({@code order.total} for a variable named order).
     */
    boolean nameHere() {
        Token t = peek();
        return t.type() == TokenType.WORD && (peekAt(1).type() == TokenType.DOT || !RESERVED.contains(t.upper()));
    }

    IllegalArgumentException unexpected(String expected, String hint) {
        Token t = peek();
        return t.pos().error("expected " + expected + " but found " + t.describe(), hint);
    }
}
