package io.jynamo.internal.proxy;

/**
 * Implemented by every class Jynamo generates for an entity; not for applications. Public only because
 * the generated classes live in the entities' own packages.
 */
public interface Proxied extends Instances.LazyState {

    /** The instance's tracking state ({@code null} while the constructor runs). */
    Object jynamo$state();

    /** Attaches the tracking state. */
    void jynamo$state(Object state);

    @Override
    default boolean jynamoLoaded() {
        return !(jynamo$state() instanceof ProxyState s) || s.loaded();
    }
}
