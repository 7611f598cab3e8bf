package io.jynamo.jpql;

import io.jynamo.jpql.ast.Condition;
import io.jynamo.jpql.ast.OrderBy;
import io.jynamo.jpql.ast.PathExpr;
import io.jynamo.jpql.ast.Statement;
import io.jynamo.jpql.model.AssociationInfo;
import io.jynamo.jpql.model.AttributeInfo;
import io.jynamo.jpql.model.EntityInfo;
import io.jynamo.jpql.plan.PlanData;
import io.jynamo.jpql.plan.PlanTemplate;
import io.jynamo.jpql.plan.Planner;
import io.jynamo.jpql.semantic.Analysis;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A checked JPQL statement, immutable and thread-safe: cache it by query string and {@link #bind bind}
 * it to each execution's arguments.
 *
 * <pre>{@code
 * CompiledQuery q = JpqlCompiler.compile("SELECT u FROM User u WHERE u.lastName = :name", model);
 * BoundPlan plan = q.bind(Map.of("name", "Smith"), null);
 * }</pre>
 */
public final class CompiledQuery {
    private final String jpql;
    private final Analysis analysis;
    private final List<AttributeInfo> selectedAttributes;
    /** Parameters by key, so that setting each of n parameters is not a search through n. */
    private final Map<Object, ParameterInfo> parametersByKey;
    /** The reads before the root read, in order. */
    private final List<RelationStep> steps;
    /** The plan of a query without parameters, made on first bind: it cannot change. */
    private volatile BoundPlan constantPlan;
    /**
     * For a query of one {@code path = :param} or {@code key IN :param} condition: its plan, bound again to each
     * argument; else {@code null}.
     */
    private final PlanTemplate template;

    CompiledQuery(String jpql, Analysis analysis) {
        this.jpql = jpql;
        this.analysis = analysis;
        List<AttributeInfo> attrs = new ArrayList<>();
        if (analysis.statement().selectKind() == SelectKind.ATTRIBUTES) {
            for (PathExpr p : analysis.statement().selected()) {
                attrs.add(p.attribute());
            }
        }
        this.selectedAttributes = List.copyOf(attrs);
        Map<Object, ParameterInfo> byKey = new HashMap<>();
        for (ParameterInfo p : analysis.parameters()) {
            byKey.put(p.key(), p);
        }
        this.parametersByKey = Collections.unmodifiableMap(byKey);
        List<RelationStep> st = new ArrayList<>();
        for (io.jynamo.jpql.semantic.Step step : analysis.steps()) {
            st.add(new RelationStep(step, jpql + " [" + step.label() + "]"));
        }
        this.steps = List.copyOf(st);
        this.template = PlanTemplate.of(analysis);
    }

    /**
     * The reads the provider runs before binding ({@code MEMBER OF} a relationship collection, a {@code JOIN} with
     * conditions on the joined entity's other attributes), in order; empty for most queries. Each one's keys are
     * bound under its {@link RelationStep#key()} in the arguments of {@link #bind}.
     */
    public List<RelationStep> steps() {
        return steps;
    }

    /** SELECT, UPDATE or DELETE. */
    public StatementKind kind() {
        return analysis.statement().kind();
    }

    /**
     * A select through a join of a collection without conditions on its elements ({@code SELECT t FROM Order o JOIN
     * o.tags t WHERE o.id = :id}): this query then selects the owners ({@link #selectKind()} ENTITY, of
     * {@link #entity()}) and the rows are made of them and their collections as described; otherwise {@code null}.
     */
    public CollectionRows collectionRows() {
        return analysis.collectionRows();
    }

    /** The queried entity. */
    public EntityInfo entity() {
        return analysis.entity();
    }

    /** ENTITY, ATTRIBUTES or COUNT for a SELECT; ENTITY for UPDATE and DELETE. */
    public SelectKind selectKind() {
        return analysis.statement().selectKind();
    }

    /**
     * {@code SELECT DISTINCT} of attributes or computed items: rows equal in every value are returned once, the
     * first of them (the provider de-duplicates as it reads; {@code firstResult} and {@code maxResults} count
     * distinct rows).
     */
    public boolean distinctRows() {
        return analysis.statement().distinct() && selectKind() == SelectKind.ATTRIBUTES;
    }

    /** For {@link SelectKind#ATTRIBUTES}: the selected attributes in select order; otherwise empty. */
    public List<AttributeInfo> selectedAttributes() {
        return selectedAttributes;
    }

    /**
     * For {@link SelectKind#ATTRIBUTES}: the Java type of each select item in select order (an attribute's type, or
     * the JPQL result type of an item computed in Java, e.g. Integer for {@code LENGTH(e.name)}); otherwise empty.
     */
    public List<Class<?>> selectedTypes() {
        if (analysis.statement().shape().computed()) {
            return analysis.statement().shape().types();
        }
        return selectedAttributes.stream().<Class<?>>map(AttributeInfo::javaType).toList();
    }

    /** Every parameter the query uses, in order of first appearance. */
    public List<ParameterInfo> parameters() {
        return analysis.parameters();
    }

    /**
     * The parameter bound under {@code key}, in constant time.
     *
     * @param key a name (String) for {@code :name} or a position (Integer) for {@code ?1}
     * @return the parameter, or {@code null} if the query has none under that key
     */
    public ParameterInfo parameter(Object key) {
        return parametersByKey.get(key);
    }

    /**
     * JOIN FETCH: the associations of the root entity to load for the entities the query returns, in query
     * order, each once; empty without fetch joins. The same list as {@link BoundPlan#fetches()}.
     */
    public List<AssociationInfo> fetches() {
        return analysis.fetches();
    }

    /**
     * Of {@link #fetches()}, the inner {@code JOIN FETCH}es of associations stored on the other side (a collection, an
     * inverse to-one): the provider drops the results whose association is empty (or null) once fetched, before
     * {@code firstResult} and {@code maxResults} apply. DynamoDB cannot tell them before the fetch.
     */
    public List<AssociationInfo> innerFetches() {
        return analysis.innerFetches();
    }

    /**
     * The {@code LEFT JOIN FETCH}es below fetches ({@code LEFT JOIN FETCH c.orders o LEFT JOIN FETCH o.lines}): each
     * the association names from the root ({@code [orders, lines]}), loaded level by level for the results after
     * {@link #fetches()}; empty without them.
     */
    public List<List<String>> fetchPaths() {
        return analysis.fetchPaths();
    }

    /**
     * {@code SELECT o.customer}: the to-one whose targets the query returns (then {@link #selectKind()} is
     * ATTRIBUTES and {@link #selectedAttributes()} are its foreign-key attributes, which the plan reads);
     * otherwise {@code null}. Only compiled when {@code QueryModel.readsSelectedTargets()} is true.
     */
    public AssociationInfo selectedAssociation() {
        return analysis.selectedAssociation();
    }

    /** How the selected attributes become results ({@code NEW}, result variables). */
    public Statement.ResultShape shape() {
        return analysis.statement().shape();
    }

    /** The query text as compiled. */
    public String jpql() {
        return jpql;
    }

    /** The resolved WHERE condition (paths carry their attributes, literals are converted), or {@code null}. */
    public Condition where() {
        return analysis.statement().where();
    }

    /** The first resolved ORDER BY item, or {@code null}. */
    public OrderBy orderBy() {
        return analysis.statement().orderBy();
    }

    /** The resolved ORDER BY items in order (empty for none). */
    public java.util.List<OrderBy> order() {
        return analysis.statement().order();
    }

    /** The whole resolved statement (for tools such as the test oracle). */
    public Statement statement() {
        return analysis.statement();
    }

    /**
     * Binds arguments and plans the DynamoDB operation.
     *
     * @param arguments   arguments keyed by name (String, for {@code :p}) or position (Integer, for {@code ?1});
     *                    {@code null} when the query has no parameters
     * @param forcedIndex the value of hint {@code jynamo.index}, or {@code null}
     * @return the plan; a Scan is a plan like any other (the provider applies the scan policy)
     * @throws IllegalArgumentException for a missing or ill-typed argument, an unknown or unusable forced
     *                                  index, a LIKE parameter pattern DynamoDB cannot evaluate, or an
     *                                  UPDATE/DELETE whose WHERE would need Java (see {@link BoundPlan#clientSide()})
     */
    public BoundPlan bind(Map<Object, Object> arguments, String forcedIndex) {
        if (forcedIndex != null || !analysis.parameters().isEmpty() || !analysis.steps().isEmpty()) {
            PlanData templated = template == null || forcedIndex != null ? null : template.plan(arguments);
            return new BoundPlan(templated != null ? templated : Planner.plan(analysis, arguments, forcedIndex));
        }
        BoundPlan plan = constantPlan;
        if (plan == null) {
            plan = new BoundPlan(Planner.plan(analysis, null, null));
            constantPlan = plan;
        }
        return plan;
    }

    /**
     * The plan as text, without arguments: each parameter is shown as its placeholder ({@code :name},
     * {@code ?1}) and planned as a non-null value; notes say where the operation or a condition depends on
     * the value bound (an {@code IN :list} on the key is a BatchGetItem of the collection's keys, a
     * {@code LIKE :p} becomes begins_with, contains or =).
     *
     * @param forcedIndex the value of hint {@code jynamo.index}, or {@code null}
     * @throws IllegalArgumentException for an unknown or unusable forced index
     */
    public String explain(String forcedIndex) {
        String plan = analysis.parameters().isEmpty() && analysis.steps().isEmpty() ? bind(null, forcedIndex).explain()
                : Planner.explainUnbound(analysis, forcedIndex);
        CollectionRows rows = collectionRows();
        return rows == null ? plan : plan + "\nthen each " + entity().name() + "'s " + rows.association() + " loaded"
                + " (as LEFT JOIN FETCH loads it) and one row per (" + entity().name() + ", element)"
                + (rows.left() ? ", a " + entity().name() + " without elements one row of NULLs" : "")
                + (rows.order().isEmpty() && !rows.distinct() ? "" : "; ORDER BY / DISTINCT of the rows in Java");
    }

    @Override
    public String toString() {
        return jpql;
    }
}
