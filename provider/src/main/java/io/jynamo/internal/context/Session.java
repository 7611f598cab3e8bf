package io.jynamo.internal.context;

import jakarta.persistence.CacheRetrieveMode;
import jakarta.persistence.CacheStoreMode;
import jakarta.persistence.FlushModeType;

import java.util.function.Supplier;

/**
 * What queries need of the entity manager they run in, and all they may use of it: its persistence
 * context, its loader, its modes, and its failure rules. The entity manager implements it; queries
 * depend on this contract, never on the entity manager's class, so the two do not import each other.
 */
public interface Session {

    /** The identity map of managed instances. */
    PersistenceContext context();

    /** Reads items and turns them into managed instances. */
    EntityLoader loader();

    /** Throws {@code IllegalStateException} when the session is closed (or used by a second thread at once). */
    void checkOpen();

    /**
     * Runs an operation under the session's failure rules: a runtime failure other than those JPA exempts
     * marks the active transaction for rollback, and DynamoDB's errors become {@code PersistenceException}s.
     */
    <T> T guard(Supplier<T> operation);

    /** Whether a resource-local transaction is active. */
    boolean transactionActive();

    FlushModeType getFlushMode();

    CacheRetrieveMode getCacheRetrieveMode();

    CacheStoreMode getCacheStoreMode();

    /**
     * Writes pending changes so that a query sees them (JPA 3.10.8, flush mode AUTO in a transaction);
     * does nothing in atomic write mode, which writes only at commit.
     */
    void flushForQuery();
}
