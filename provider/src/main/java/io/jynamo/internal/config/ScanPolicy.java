package io.jynamo.internal.config;

/** What to do with a query that would scan ({@code jynamo.scan}, a unit property and a query hint). */
public enum ScanPolicy {
    /** Scan without a word. */
    ALLOW,
    /** Scan, and log once per query string (the default). */
    WARN,
    /** Fail before any call. */
    DENY
}
