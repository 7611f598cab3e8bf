package io.jynamo.jpql.semantic;

import io.jynamo.jpql.ParameterInfo;
import io.jynamo.jpql.ast.Statement;
import io.jynamo.jpql.model.EntityInfo;

import java.util.List;

/**
 * The result of semantic analysis: the statement with every path resolved and every literal converted.
 *
 * @param statement  the resolved statement
 * @param entity     the queried entity
 * @param parameters the parameters in order of first appearance
 */
public record Analysis(Statement statement, EntityInfo entity, List<ParameterInfo> parameters) {
    /** Copies the list. */
    public Analysis {
        parameters = List.copyOf(parameters);
    }
}
