package io.jynamo.internal.proxy;

import io.jynamo.internal.metadata.EntityMeta;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Instances as Byte Buddy subclasses of the entity classes (see docs/persistence-context.md, "Proxies"):
 * they record which attributes their methods changed, and a reference loads itself on first use.
 * One per factory; the proxy of each entity is made on first need.
 */
final class ByteBuddyInstances implements Instances {

    private final ConcurrentHashMap<EntityMeta, Optional<ProxyType>> types = new ConcurrentHashMap<>();
    /** {@code false} with {@code jynamo.dirty-checking=snapshot}: the flush compares every instance. */
    private final boolean trustTracking;

    ByteBuddyInstances() {
        this(true);
    }

    private ByteBuddyInstances(boolean trustTracking) {
        this.trustTracking = trustTracking;
    }

    @Override
    public Instances snapshotDirtyChecking() {
        return new ByteBuddyInstances(false);
    }

    private ProxyType type(EntityMeta meta) {
        Optional<ProxyType> type = types.get(meta);
        if (type == null) {
            type = types.computeIfAbsent(meta, m -> Optional.ofNullable(ProxyType.of(m)));
        }
        return type.orElse(null);
    }

    private static ProxyState state(Object instance) {
        return instance instanceof Proxied p && p.jynamo$state() instanceof ProxyState s ? s : null;
    }

    @Override
    public Object create(EntityMeta meta) {
        ProxyType type = type(meta);
        if (type == null) {
            return meta.newInstance();
        }
        Object instance = type.instantiate();
        ((Proxied) instance).jynamo$state(new ProxyState(type, null));
        return instance;
    }

    @Override
    public Object reference(EntityMeta meta, Object id, Loader loader) {
        ProxyType type = type(meta);
        if (type == null) {
            Object instance = meta.newInstance();
            meta.setId(instance, id);
            return instance;
        }
        Object instance = type.instantiate();
        // The key goes in before the state is attached: setting it must not run the loader.
        meta.setId(instance, id);
        ((Proxied) instance).jynamo$state(new ProxyState(type, loader));
        return instance;
    }

    @Override
    public boolean isLoaded(Object instance) {
        ProxyState s = state(instance);
        return s == null || s.loaded();
    }

    @Override
    public void load(Object instance) {
        ProxyState s = state(instance);
        if (s != null) {
            s.ensureLoaded(instance);
        }
    }

    @Override
    public Boolean mayBeDirty(Object instance) {
        ProxyState s = state(instance);
        if (s == null || !trustTracking || !s.type().tracking()) {
            return null;
        }
        if (s.mayBeDirty()) {
            return Boolean.TRUE;
        }
        Map<String, AttributeValue> expected = s.expected();
        if (expected != null && s.loaded()) {
            checkBypass(s, instance, expected);
        }
        return Boolean.FALSE;
    }

    /**
     * Compares a sampled instance that recorded no change with its item when it was cleaned. A difference
     * is a write that bypassed the proxy: it is reported, not written, so that what a flush writes does not
     * depend on which instances happened to be sampled.
     */
    private static void checkBypass(ProxyState s, Object instance, Map<String, AttributeValue> expected) {
        Map<String, AttributeValue> now;
        try {
            now = s.itemQuietly(instance);
        } catch (RuntimeException e) {
            // A diagnostic must never fail a flush; the flush itself does not read this instance.
            return;
        }
        if (!now.equals(expected)) {
            s.expected(null);
            s.type().bypassSeen();
        }
    }

    @Override
    public void clean(Object instance) {
        ProxyState s = state(instance);
        if (s != null) {
            s.clean();
            s.expected(trustTracking && s.type().tracking() && s.loaded() && s.type().sampled() ? itemOrNull(s, instance) : null);
        }
    }

    private static Map<String, AttributeValue> itemOrNull(ProxyState s, Object instance) {
        try {
            return s.itemQuietly(instance);
        } catch (RuntimeException e) {
            return null;
        }
    }

    @Override
    public Object attached(Object instance) {
        ProxyState s = state(instance);
        return s == null ? null : s.attached;
    }

    @Override
    public boolean attach(Object instance, Object entry) {
        ProxyState s = state(instance);
        if (s == null) {
            return false;
        }
        s.attached = entry;
        return true;
    }

    @Override
    public void touch(Object instance) {
        ProxyState s = state(instance);
        if (s != null) {
            s.touch();
        }
    }

    @Override
    public void markLoaded(Object instance) {
        ProxyState s = state(instance);
        if (s != null) {
            s.markLoaded();
        }
    }
}
