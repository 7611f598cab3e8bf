package io.jynamo.internal.em;

import io.jynamo.UnprocessedWritesException;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.RollbackException;

/**
 * The resource-local transaction of one entity manager. Commit flushes; a failure during commit
 * rolls back and throws {@link RollbackException}, except when DynamoDB left writes unprocessed
 * after retries: then the transaction stays active with those writes pending, so that committing
 * again finishes the job and nothing is lost.
 */
final class Transaction implements EntityTransaction {

    private final EntityManagerImpl em;
    private boolean active;
    private boolean rollbackOnly;
    private Integer timeout;

    Transaction(EntityManagerImpl em) {
        this.em = em;
    }

    @Override
    public void begin() {
        if (active) {
            throw new IllegalStateException("The transaction is already active; commit or roll it back first");
        }
        active = true;
        rollbackOnly = false;
    }

    @Override
    public void commit() {
        em.checkThread();
        requireActive("commit");
        if (rollbackOnly) {
            rollback();
            throw new RollbackException("The transaction was marked for rollback only; it has been rolled back");
        }
        try {
            em.flushForCommit();
        } catch (UnprocessedWritesException e) {
            throw e;
        } catch (RuntimeException e) {
            rollback();
            throw new RollbackException("Commit failed and the transaction was rolled back: " + e.getMessage(), e);
        }
        active = false;
        em.afterCompletion();
    }

    @Override
    public void rollback() {
        em.checkThread();
        requireActive("roll back");
        active = false;
        rollbackOnly = false;
        em.afterRollback();
    }

    @Override
    public void setRollbackOnly() {
        requireActive("mark for rollback");
        rollbackOnly = true;
    }

    @Override
    public boolean getRollbackOnly() {
        requireActive("query rollback-only on");
        return rollbackOnly;
    }

    @Override
    public boolean isActive() {
        return active;
    }

    @Override
    public void setTimeout(Integer timeout) {
        this.timeout = timeout;
    }

    @Override
    public Integer getTimeout() {
        return timeout;
    }

    /** Marks the transaction for rollback when one is active (after a runtime exception). */
    void markRollbackOnlyIfActive() {
        if (active) {
            rollbackOnly = true;
        }
    }

    private void requireActive(String what) {
        if (!active) {
            throw new IllegalStateException("Cannot " + what + " a transaction that is not active; call begin() first");
        }
    }
}
