package io.jynamo.internal.cache;

import jakarta.persistence.CacheRetrieveMode;
import jakarta.persistence.CacheStoreMode;

import java.util.Locale;

/** The standard cache mode hints and properties, read from an enum constant or its name. */
public final class CacheModes {

    /** Entity manager property, find hint and query hint: {@code USE} or {@code BYPASS}. */
    public static final String RETRIEVE_MODE = "jakarta.persistence.cache.retrieveMode";
    /** Entity manager property, find hint and query hint: {@code USE}, {@code BYPASS} or {@code REFRESH}. */
    public static final String STORE_MODE = "jakarta.persistence.cache.storeMode";

    private CacheModes() {
    }

    /** The retrieve mode a hint value names, or {@code fallback} when it is {@code null}. */
    public static CacheRetrieveMode retrieve(Object value, CacheRetrieveMode fallback) {
        if (value == null) {
            return fallback;
        }
        if (value instanceof CacheRetrieveMode mode) {
            return mode;
        }
        try {
            return CacheRetrieveMode.valueOf(value.toString().trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(RETRIEVE_MODE + "='" + value + "' is not USE or BYPASS", e);
        }
    }

    /** The store mode a hint value names, or {@code fallback} when it is {@code null}. */
    public static CacheStoreMode store(Object value, CacheStoreMode fallback) {
        if (value == null) {
            return fallback;
        }
        if (value instanceof CacheStoreMode mode) {
            return mode;
        }
        try {
            return CacheStoreMode.valueOf(value.toString().trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(STORE_MODE + "='" + value + "' is not USE, BYPASS or REFRESH", e);
        }
    }
}
