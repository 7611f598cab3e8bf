package io.jynamo.internal.config;

/** How a flush sends its writes ({@code jynamo.write-mode}). */
public enum WriteMode {
    /** BatchWriteItem, 25 items a call (the default). */
    BATCH,
    /** One TransactWriteItems per flush. */
    ATOMIC
}
