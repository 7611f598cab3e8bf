package io.jynamo.internal.cache;

import io.jynamo.JynamoProperties;
import io.jynamo.internal.config.Settings;
import jakarta.persistence.CacheRetrieveMode;
import jakarta.persistence.CacheStoreMode;

/** The standard cache mode hints and entity manager properties, read from an enum constant or its name. */
public final class CacheModes {

    /** Entity manager property, find hint and query hint: {@code USE} or {@code BYPASS}. */
    public static final String RETRIEVE_MODE = JynamoProperties.CACHE_RETRIEVE_MODE;
    /** Entity manager property, find hint and query hint: {@code USE}, {@code BYPASS} or {@code REFRESH}. */
    public static final String STORE_MODE = JynamoProperties.CACHE_STORE_MODE;

    private CacheModes() {
    }

    /** The retrieve mode a hint value names, or {@code fallback} when it is {@code null}. */
    public static CacheRetrieveMode retrieve(Object value, CacheRetrieveMode fallback) {
        return Settings.oneOf(CacheRetrieveMode.class, RETRIEVE_MODE, value, fallback);
    }

    /** The store mode a hint value names, or {@code fallback} when it is {@code null}. */
    public static CacheStoreMode store(Object value, CacheStoreMode fallback) {
        return Settings.oneOf(CacheStoreMode.class, STORE_MODE, value, fallback);
    }
}
