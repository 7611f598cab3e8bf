package io.jynamo.internal.proxy;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.Map;

/**
 * The per-instance state a proxy carries: whether it is loaded, and what changed since the last
 * {@link Instances#clean}. Instances belong to one entity manager, so nothing here is synchronized.
 */
final class ProxyState {

    private static final byte LOADED = 0;
    private static final byte UNLOADED = 1;
    private static final byte LOADING = 2;

    private final ProxyType type;
    private Instances.Loader loader;
    private byte status;
    /** Bit i: attribute i of the entity was set; attributes past 63 and unknown changes set {@link #unknown}. */
    private long changed;
    private boolean unknown;
    /**
     * A mutable value was handed out since the state was loaded: the caller may change it at any time
     * without calling the entity, so the instance may be dirty even right after a flush.
     */
    private boolean escaped;
    /**
     * For the few instances {@link ProxyType#sampled sampled} when cleaned: their item at that moment, which
     * a flush that finds no recorded change compares with their item then, to detect writes that bypassed
     * the proxy (reflection on its fields). {@code null} for every other instance.
     */
    private Map<String, AttributeValue> expected;
    /** The entry of the persistence context that manages the instance ({@link Instances#attach}), or {@code null}. */
    Object attached;

    ProxyState(ProxyType type, Instances.Loader loader) {
        this.type = type;
        this.loader = loader;
        this.status = loader == null ? LOADED : UNLOADED;
    }

    ProxyType type() {
        return type;
    }

    boolean loaded() {
        return status != UNLOADED;
    }

    /** Runs the loader once; a failed load (e.g. EntityNotFoundException) leaves it unloaded and propagates. */
    void ensureLoaded(Object self) {
        if (status != UNLOADED) {
            return;
        }
        status = LOADING;
        try {
            loader.load(self);
        } catch (RuntimeException | Error e) {
            status = UNLOADED;
            throw e;
        }
        status = LOADED;
        loader = null;
        clean();
        escaped = false;
    }

    /** The caller fills the state itself: the loader must not run any more. */
    void markLoaded() {
        if (status == UNLOADED) {
            status = LOADED;
            loader = null;
        }
    }

    void touch() {
        unknown = true;
    }

    void escape() {
        escaped = true;
    }

    void changed(int attribute) {
        if (attribute >= 0 && attribute < Long.SIZE) {
            changed |= 1L << attribute;
        } else {
            unknown = true;
        }
    }

    /** Whether anything may have changed since the last clean. */
    boolean mayBeDirty() {
        return unknown || escaped || changed != 0;
    }

    /** Forgets recorded changes; a value handed out earlier can still change, so {@link #escaped} stays. */
    void clean() {
        changed = 0;
        unknown = false;
    }

    Map<String, AttributeValue> expected() {
        return expected;
    }

    void expected(Map<String, AttributeValue> item) {
        this.expected = item;
    }

    /**
     * The instance's item, read without leaving a trace: with property access the item is read through
     * the getters, whose hooks would otherwise record a possible change (a collection getter for good).
     */
    Map<String, AttributeValue> itemQuietly(Object self) {
        long c = changed;
        boolean u = unknown;
        boolean e = escaped;
        try {
            return type.meta().toItem(self);
        } finally {
            changed = c;
            unknown = u;
            escaped = e;
        }
    }
}
