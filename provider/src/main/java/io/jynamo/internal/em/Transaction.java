package io.jynamo.internal.em;

import io.jynamo.IncompleteFlushException;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.RollbackException;

/**
 * The resource-local transaction of one entity manager. Commit flushes; a failure during commit
 * that wrote nothing rolls back and throws {@link RollbackException}. A failure after part of the
 * flush was written ({@link IncompleteFlushException}, e.g. writes left unprocessed after retries)
 * leaves the transaction active with the unwritten work pending, so that committing again finishes
 * the job and nothing is lost or claimed undone.
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
        } catch (IncompleteFlushException e) {
            // Part was written and cannot be undone: the rest stays pending so that committing again finishes it.
            throw e;
        } catch (RuntimeException e) {
            int flushed = em.flushedInTransaction();
            rollback();
            throw new RollbackException("Commit failed and the transaction was rolled back: " + e.getMessage()
                    + (flushed == 0 ? "" : ". The " + flushed + " items that earlier flush() calls of this transaction"
                    + " wrote stay written: jynamo.write-mode=batch cannot undo them"), e);
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
