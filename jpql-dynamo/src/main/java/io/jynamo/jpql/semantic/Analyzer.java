package io.jynamo.jpql.semantic;

import io.jynamo.jpql.ast.Statement;
import io.jynamo.jpql.model.EntityInfo;
import io.jynamo.jpql.model.QueryModel;

/**
 * Checks a parsed statement against the entity model: resolves paths, converts literals to the
 * attribute's Java type, types parameters and refuses what DynamoDB cannot evaluate.
 *
 * <p>The work is split by job: {@code Statements} checks the clauses, {@code Conditions} types the WHERE
 * clause, {@code Values} the values in it (with {@code Literals} and {@code ParameterTypes}), and
 * {@code Scope} resolves names.
 */
public final class Analyzer {
    private Analyzer() {
    }

    /**
     * Analyses a statement.
     *
     * @throws IllegalArgumentException for unknown names, type mismatches and unsupported constructs
     */
    public static Analysis analyze(Statement s, QueryModel model) {
        EntityInfo entity = model.entity(s.entityName()).orElseThrow(() -> s.entityPos().error(
                "unknown entity '" + s.entityName() + "'",
                "use the entity name (@Entity(name = ...) or the simple class name) of an entity of this persistence unit"));
        Scope scope = new Scope(entity, s.variable());
        ParameterTypes params = new ParameterTypes();
        Values values = new Values(scope, params);
        Statement resolved = new Statements(scope, values, new Conditions(scope, values)).statement(s);
        return new Analysis(resolved, entity, params.list());
    }
}
