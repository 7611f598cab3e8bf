package io.jynamo.jpql.lexer;

/** Kinds of JPQL tokens. Keywords are {@link #WORD}s; the parser recognises them case-insensitively. */
public enum TokenType {
    /** identifier or keyword */
    WORD,
    /** 'quoted string' */
    STRING,
    /** 123 */
    INTEGER,
    /** 1.5 */
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
    /** - */
    MINUS,
    /** * */
    STAR,
    /** / */
    SLASH,
    /** end of input */
    EOF
}
