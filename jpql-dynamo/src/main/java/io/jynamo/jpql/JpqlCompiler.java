package io.jynamo.jpql;

import io.jynamo.jpql.ast.Statement;
import io.jynamo.jpql.model.QueryModel;
import io.jynamo.jpql.parser.Parser;
import io.jynamo.jpql.semantic.Analyzer;

/**
 * Compiles the JPQL subset Jynamo supports into {@link CompiledQuery}s.
 *
 * <pre>{@code
 * CompiledQuery q = JpqlCompiler.compile(
 *         "SELECT u FROM User u WHERE u.lastName = :last AND u.firstName LIKE 'J%'", model);
 * BoundPlan plan = q.bind(Map.of("last", "Smith"), null);   // QUERY, begins_with on the sort key
 * }</pre>
 */
public final class JpqlCompiler {
    private JpqlCompiler() {
    }

    /**
     * Parses and checks a query against the model. Everything that does not depend on arguments is
     * checked here, so a bad query fails when it is created.
     *
     * @param jpql  the query
     * @param model the entities
     * @return the compiled query
     * @throws IllegalArgumentException for malformed, unsupported or ill-typed JPQL; the message names
     *                                  the line and column ("line L, column C") and gives a hint
     */
    public static CompiledQuery compile(String jpql, QueryModel model) {
        if (model == null) {
            throw new IllegalArgumentException("no query model");
        }
        return new CompiledQuery(jpql, Analyzer.analyze(Parser.parse(jpql), model));
    }

    /**
     * Checks a statement built without JPQL text (the Criteria API builds one) against the model: the same
     * analysis and plans as for a parsed query.
     *
     * @param statement the statement, as the parser would give it (attributes not yet resolved)
     * @param text      what the statement says in JPQL, for messages and EXPLAIN; it is never parsed
     * @param model     the entities
     * @return the compiled query
     * @throws IllegalArgumentException for an unsupported or ill-typed statement
     */
    public static CompiledQuery compile(Statement statement, String text, QueryModel model) {
        if (model == null) {
            throw new IllegalArgumentException("no query model");
        }
        return new CompiledQuery(text, Analyzer.analyze(statement, model));
    }
}
