package io.jynamo.jpql.model;

import java.util.Optional;

/** The entity model the compiler checks queries against; the provider implements it. */
@FunctionalInterface
public interface QueryModel {
    /** The entity of that JPQL name, if there is one. */
    Optional<EntityInfo> entity(String entityName);
}
