package io.jynamo.jpql.lexer;

/** Kinds of JPQL tokens. Keywords are {@link #WORD}s; the parser recognises them case-insensitively. */
public enum TokenType {
    /** identifier or keyword */
    WORD,
    /** 'quoted string' */
    STRING,
    /** 123: an Integer, a Long beyond that or with L ({@code 123L}), a BigInteger beyond that or with BI */
    INTEGER,
    /** 1.5, 1e3: a BigDecimal, or with F or D ({@code 1.5D}) a Float or Double, with BD a BigDecimal */
    DECIMAL,
    /** {d '2008-12-31'}, {t '09:00:00'}, {ts '2008-12-31 09:00:00'}: JDBC escape syntax, the value a java.sql.Date, Time or Timestamp */
    TEMPORAL,
    /** :name */
    NAMED_PARAM,
    /** ?1 */
    POSITIONAL_PARAM,
    /** , */
    COMMA,
    /** . */
    DOT,
    /** ( */
    LPAREN,
    /** ) */
    RPAREN,
    /** = */
    EQ,
    /** &lt;&gt; or != */
    NE,
    /** &lt; */
    LT,
    /** &lt;= */
    LE,
    /** &gt; */
    GT,
    /** &gt;= */
    GE,
    /** + */
    PLUS,
    /** || (string concatenation, JPA 3.2) */
    CONCAT,
    /** - */
    MINUS,
    /** * */
    STAR,
    /** / */
    SLASH,
    /** end of input */
    EOF
}
