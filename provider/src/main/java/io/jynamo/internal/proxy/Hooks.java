package io.jynamo.internal.proxy;

/**
 * What the generated subclasses call before delegating to the entity's own method; not for
 * applications. Public only because the generated classes live in the entities' own packages.
 * Each hook is a static call on a field read, so the JIT inlines it into the entity's method.
 */
public final class Hooks {

    private Hooks() {
    }

    /** Before a method that only reads: loads a lazy reference. */
    public static void read(Object self) {
        if (((Proxied) self).jynamo$state() instanceof ProxyState s) {
            s.ensureLoaded(self);
        }
    }

    /** Before a method that may change any state: loads a lazy reference, then records a possible change. */
    public static void touch(Object self) {
        if (((Proxied) self).jynamo$state() instanceof ProxyState s) {
            s.ensureLoaded(self);
            s.touch();
        }
    }

    /**
     * Before a method that may hand out a mutable value (a getter of a collection, embeddable, array...):
     * loads a lazy reference, then records a possible change that outlives the next flush.
     */
    public static void escape(Object self) {
        if (((Proxied) self).jynamo$state() instanceof ProxyState s) {
            s.ensureLoaded(self);
            s.escape();
        }
    }

    /** Before a setter of one attribute. */
    public static void write(Object self, int attribute) {
        if (((Proxied) self).jynamo$state() instanceof ProxyState s) {
            s.ensureLoaded(self);
            s.changed(attribute);
        }
    }

    /** Java serialization of a proxy writes a plain instance of the entity class instead. */
    public static Object writeReplace(Object self) {
        if (((Proxied) self).jynamo$state() instanceof ProxyState s) {
            s.ensureLoaded(self);
            return s.type().plainCopy(self);
        }
        return self;
    }
}
