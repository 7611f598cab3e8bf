package io.jynamo.internal.config;

/** How changes to managed entities are found at flush ({@code jynamo.dirty-checking}). */
public enum DirtyChecking {
    /** The entity's proxy records which attributes were set (the default). */
    TRACKING,
    /** Every managed entity is compared with the item it was loaded from. */
    SNAPSHOT
}
