package io.jynamo.jpql.lexer;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LexerTest {

    @Test
    void tokensCarryTypeTextAndPosition() {
        List<Token> t = Lexer.tokenize("SELECT u\n  FROM User u WHERE u.age >= 42 AND u.x <> 'it''s' OR u.y != ?1 OR u.z = :name");
        assertEquals(TokenType.WORD, t.get(0).type());
        assertEquals("FROM", t.get(2).text());
        assertEquals(2, t.get(2).pos().line());
        assertEquals(3, t.get(2).pos().column());
        assertTrue(t.stream().anyMatch(x -> x.type() == TokenType.GE));
        assertTrue(t.stream().anyMatch(x -> x.type() == TokenType.STRING && x.text().equals("it's")));
        assertEquals(2, t.stream().filter(x -> x.type() == TokenType.NE).count());
        assertTrue(t.stream().anyMatch(x -> x.type() == TokenType.POSITIONAL_PARAM && x.value().equals(1)));
        assertTrue(t.stream().anyMatch(x -> x.type() == TokenType.NAMED_PARAM && x.text().equals("name")));
        assertEquals(TokenType.EOF, t.get(t.size() - 1).type());
    }

    @Test
    void jdbcEscapeLiteralsAreSqlDateTimeAndTimestampValues() {
        List<Token> t = Lexer.tokenize("{d '2000-02-14'} {t '09:30:00'} { ts '2006-11-11 10:10:10.5' } {D '2000-01-01'}");
        assertEquals(java.sql.Date.valueOf("2000-02-14"), t.get(0).value());
        assertEquals(TokenType.TEMPORAL, t.get(0).type());
        assertEquals("{d '2000-02-14'}", t.get(0).text());
        assertEquals(java.sql.Time.valueOf("09:30:00"), t.get(1).value());
        assertEquals(java.sql.Timestamp.valueOf("2006-11-11 10:10:10.5"), t.get(2).value());
        assertEquals(java.sql.Date.valueOf("2000-01-01"), t.get(3).value());
        for (String bad : List.of("{x '2000-01-01'}", "{d 2000}", "{d '2000-13-45'}", "{d '2000-01-01'")) {
            var e = assertThrows(IllegalArgumentException.class, () -> Lexer.tokenize(bad));
            assertTrue(e.getMessage().contains("line 1, column 1") && e.getMessage().contains("{d 'yyyy-mm-dd'}"), e.getMessage());
        }
    }

    @Test
    void numbersAreIntegersLongsOrDecimals() {
        List<Token> t = Lexer.tokenize("1 2.5 99999999999999999999 1e3 3000000000");
        assertEquals(1, t.get(0).value());
        assertEquals(new BigDecimal("2.5"), t.get(1).value());
        assertEquals(TokenType.INTEGER, t.get(2).type());
        assertEquals(new java.math.BigInteger("99999999999999999999"), t.get(2).value());
        assertEquals(TokenType.DECIMAL, t.get(3).type());
        assertEquals(3_000_000_000L, t.get(4).value());
    }

    @Test
    void aTypeSuffixGivesANumberItsJavaType() {
        List<Token> t = Lexer.tokenize("1L 2l 1.5D 1.5f 2F 1e2D 7BI 7.5BD 7bd");
        assertEquals(List.of(1L, 2L, 1.5D, 1.5F, 2F, 100D, java.math.BigInteger.valueOf(7), new BigDecimal("7.5"),
                new BigDecimal("7")), t.stream().limit(9).map(Token::value).toList());
        assertEquals(TokenType.INTEGER, t.get(0).type());
        assertEquals(TokenType.DECIMAL, t.get(2).type());
        for (String bad : List.of("12abc", "1.5L", "1.5BI", "99999999999999999999L", "1e999D")) {
            var e = assertThrows(IllegalArgumentException.class, () -> Lexer.tokenize("u.a = " + bad), bad);
            assertTrue(e.getMessage().contains(bad.startsWith("9") || bad.startsWith("1e") ? "out of range" : "malformed"),
                    bad + ": " + e.getMessage());
        }
    }

    @Test
    void unterminatedStringNamesItsStart() {
        var e = assertThrows(IllegalArgumentException.class, () -> Lexer.tokenize("SELECT u\nFROM User u WHERE u.a = 'abc"));
        assertTrue(e.getMessage().contains("line 2, column 25"), e.getMessage());
        assertTrue(e.getMessage().contains("unterminated"), e.getMessage());
    }

    @Test
    void unexpectedCharacterIsReportedWithPosition() {
        var e = assertThrows(IllegalArgumentException.class, () -> Lexer.tokenize("SELECT u FROM User u WHERE u.a = #x"));
        assertTrue(e.getMessage().contains("line 1, column 34"), e.getMessage());
    }

    @Test
    void malformedParametersAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Lexer.tokenize("u.a = :"));
        assertThrows(IllegalArgumentException.class, () -> Lexer.tokenize("u.a = ?"));
        assertThrows(IllegalArgumentException.class, () -> Lexer.tokenize("u.a = ?0"));
        assertThrows(IllegalArgumentException.class, () -> Lexer.tokenize("u.a = ?99999999999"));
        assertThrows(IllegalArgumentException.class, () -> Lexer.tokenize("u.a = 12abc"));
    }

    @Test
    void stringsMaySpanLinesAndPositionsFollow() {
        List<Token> t = Lexer.tokenize("'a\nb' x");
        assertEquals("a\nb", t.get(0).text());
        assertEquals(2, t.get(1).pos().line());
        assertEquals(4, t.get(1).pos().column());
    }
}
