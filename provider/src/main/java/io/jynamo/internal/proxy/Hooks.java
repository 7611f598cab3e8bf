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

    /** Before a setter (or a getter handing out a mutable value) of one attribute. */
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
