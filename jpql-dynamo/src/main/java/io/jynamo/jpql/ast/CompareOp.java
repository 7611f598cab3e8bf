package io.jynamo.jpql.ast;

/** Comparison operators. */
public enum CompareOp {
    /** = */
    EQ("="),
    /** &lt;&gt; */
    NE("<>"),
    /** &lt; */
    LT("<"),
    /** &lt;= */
    LE("<="),
    /** &gt; */
    GT(">"),
    /** &gt;= */
    GE(">=");

    private final String symbol;

    CompareOp(String symbol) {
        this.symbol = symbol;
    }

    /** The operator as DynamoDB and JPQL write it. */
    public String symbol() {
        return symbol;
    }

    /** The complement: {@code NOT (a < b)} is {@code a >= b} for non-null operands. */
    public CompareOp negate() {
        return switch (this) {
            case EQ -> NE;
            case NE -> EQ;
            case LT -> GE;
            case LE -> GT;
            case GT -> LE;
            case GE -> LT;
        };
    }

    /** The operator with its operands swapped: {@code a < b} is {@code b > a}. */
    public CompareOp flip() {
        return switch (this) {
            case EQ, NE -> this;
            case LT -> GT;
            case LE -> GE;
            case GT -> LT;
            case GE -> LE;
        };
    }

    /** Whether a {@code compareTo} result satisfies this operator. */
    public boolean test(int cmp) {
        return switch (this) {
            case EQ -> cmp == 0;
            case NE -> cmp != 0;
            case LT -> cmp < 0;
            case LE -> cmp <= 0;
            case GT -> cmp > 0;
            case GE -> cmp >= 0;
        };
    }

    /** Whether this is an ordering operator (not = or &lt;&gt;). */
    public boolean ordering() {
        return this != EQ && this != NE;
    }
}
