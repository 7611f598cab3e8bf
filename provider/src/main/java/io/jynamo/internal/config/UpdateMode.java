package io.jynamo.internal.config;

/** How a changed unversioned entity is written ({@code jynamo.update-mode}). */
public enum UpdateMode {
    /** A whole-item PutItem (the default). */
    PUT,
    /** An UpdateItem of the changed attributes. */
    PATCH
}
