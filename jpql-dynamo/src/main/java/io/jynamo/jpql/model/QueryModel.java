package io.jynamo.jpql.model;

import java.util.Optional;

/** The entity model the compiler checks queries against; the provider implements it. */
@FunctionalInterface
public interface QueryModel {
    /** The entity of that JPQL name, if there is one. */
    Optional<EntityInfo> entity(String entityName);

    /**
     * Whether the provider runs the second step of a query that selects a to-one, {@code SELECT o.customer FROM
     * Order o} (or {@code SELECT c FROM Order o JOIN o.customer c}): such a plan reads the owners' foreign keys
     * ({@code CompiledQuery.selectedAttributes()}) and names the association in
     * {@code BoundPlan.selectedAssociation()}; the provider then reads the targets by key and returns them, one
     * per row. Until a model says {@code true}, such queries are refused at compile time.
     */
    default boolean readsSelectedTargets() {
        return false;
    }
}
