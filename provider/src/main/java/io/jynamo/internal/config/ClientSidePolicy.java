package io.jynamo.internal.config;

/**
 * What to do with a query part DynamoDB cannot run and Jynamo runs in Java after the read
 * ({@code jynamo.client-side}, a unit property and a query hint).
 */
public enum ClientSidePolicy {
    /** Run it without a word. */
    ALLOW,
    /** Run it, and log once per query string (the default). */
    WARN,
    /** Fail before any call. */
    DENY
}
