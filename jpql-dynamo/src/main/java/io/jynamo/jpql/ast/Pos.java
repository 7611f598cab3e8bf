package io.jynamo.jpql.ast;

/**
 * A position in the JPQL text (1-based line and column), used by every error message.
 *
 * @param line   1-based line
 * @param column 1-based column
 */
public record Pos(int line, int column) {

    /**
     * Builds the exception the compiler throws for a problem at this position.
     *
     * <pre>{@code throw pos.error("JOIN is not supported", "query one entity and load related ones by key");}</pre>
     *
     * @param problem what is wrong
     * @param hint    what to do instead, or {@code null}
     * @return an exception whose message names the line and column
     */
    public IllegalArgumentException error(String problem, String hint) {
        StringBuilder sb = new StringBuilder("JPQL error at line ").append(line).append(", column ").append(column)
                .append(": ").append(problem);
        if (hint != null) {
            sb.append(". Hint: ").append(hint);
        }
        return new IllegalArgumentException(sb.toString());
    }

    @Override
    public String toString() {
        return "line " + line + ", column " + column;
    }
}
