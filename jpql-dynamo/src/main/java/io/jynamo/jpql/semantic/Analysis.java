package io.jynamo.jpql.semantic;

import io.jynamo.jpql.ParameterInfo;
import io.jynamo.jpql.ast.Statement;
import io.jynamo.jpql.model.AssociationInfo;
import io.jynamo.jpql.model.EntityInfo;

import java.util.List;

/**
 * The result of semantic analysis: the statement with every path resolved and every literal converted.
 *
 * @param statement  the resolved statement
 * @param entity     the queried entity
 * @param parameters the parameters in order of first appearance
 * @param fetches    the associations of the JOIN FETCH clauses, in order, each once
 * @param selectedAssociation {@code SELECT o.customer}: the to-one whose targets are the results (the statement
 *                   selects its foreign-key attributes), otherwise {@code null}
 * @param steps      the reads before the root read (MEMBER OF a relationship, a JOIN with conditions on the joined
 *                   entity's other attributes), whose keys are bound to their synthetic parameters
 * @param innerFetches of {@code fetches}, the inner {@code JOIN FETCH}es of associations stored on the other side
 *                   (collections, inverse to-ones): the results whose association is empty after the fetch are dropped
 * @param fetchPaths the {@code LEFT JOIN FETCH}es from fetch join variables ({@code LEFT JOIN FETCH c.orders o LEFT JOIN
 *                   FETCH o.lines}), each as the association names from the root ({@code [orders, lines]}), in order
 * @param collectionRows a select through a join of a collection without conditions on its elements: the rows the
 *                   provider makes of the owners this statement selects, else {@code null}
 */
public record Analysis(Statement statement, EntityInfo entity, List<ParameterInfo> parameters,
                       List<AssociationInfo> fetches, AssociationInfo selectedAssociation, List<Step> steps,
                       List<AssociationInfo> innerFetches, List<List<String>> fetchPaths,
                       io.jynamo.jpql.CollectionRows collectionRows) {
    /** Copies the lists. */
    public Analysis {
        parameters = List.copyOf(parameters);
        fetches = List.copyOf(fetches);
        steps = List.copyOf(steps);
        innerFetches = List.copyOf(innerFetches);
        fetchPaths = List.copyOf(fetchPaths);
    }

    /** This analysis, its results made of these rows of its owners. */
    Analysis withCollectionRows(io.jynamo.jpql.CollectionRows rows) {
        return new Analysis(statement, entity, parameters, fetches, selectedAssociation, steps, innerFetches, fetchPaths,
                rows);
    }
}
