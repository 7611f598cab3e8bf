package io.jynamo.internal.proxy;

import io.jynamo.internal.metadata.EntityMeta;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Instances as Byte Buddy subclasses of the entity classes (see docs/persistence-context.md, "Proxies"):
 * they record which attributes their methods changed, and a reference loads itself on first use.
 * One per factory; the proxy of each entity is made on first need.
 */
final class ByteBuddyInstances implements Instances {

    private final ConcurrentHashMap<EntityMeta, Optional<ProxyType>> types = new ConcurrentHashMap<>();

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
        return s == null || !s.type().tracking() ? null : s.mayBeDirty();
    }

    @Override
    public void clean(Object instance) {
        ProxyState s = state(instance);
        if (s != null) {
            s.clean();
        }
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
