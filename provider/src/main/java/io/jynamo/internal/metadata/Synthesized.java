package io.jynamo.internal.metadata;

import java.lang.annotation.Annotation;
import java.lang.reflect.Array;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An annotation instance made from an orm.xml element: the members the XML gives, else those of the
 * class's own annotation it overrides, else the members' defaults. It behaves like one the JDK makes
 * ({@code equals}, {@code hashCode} and {@code toString} as {@link Annotation} specifies).
 */
final class Synthesized implements InvocationHandler {

    private final Class<? extends Annotation> type;
    /** What the XML said, kept to lay it over an annotation later. */
    private final Map<String, Object> explicit;
    private final Map<String, Object> values;

    private Synthesized(Class<? extends Annotation> type, Map<String, Object> explicit, Map<String, Object> values) {
        this.type = type;
        this.explicit = explicit;
        this.values = values;
    }

    /**
     * An annotation of that type with the given members and defaults for the rest.
     *
     * @throws IllegalArgumentException naming the first member that has neither
     */
    static <A extends Annotation> A of(Class<A> type, Map<String, Object> explicit) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Method m : type.getDeclaredMethods()) {
            Object v = explicit.containsKey(m.getName()) ? explicit.get(m.getName()) : m.getDefaultValue();
            if (v == null) {
                throw new IllegalArgumentException(m.getName());
            }
            values.put(m.getName(), v);
        }
        return make(type, new Synthesized(type, Map.copyOf(explicit), values));
    }

    /** The XML's annotation laid over the class's own: what the XML says wins, member by member. */
    static <A extends Annotation> A over(A xml, A annotation) {
        if (!Proxy.isProxyClass(xml.getClass()) || !(Proxy.getInvocationHandler(xml) instanceof Synthesized s)) {
            return xml;
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (Method m : s.type.getDeclaredMethods()) {
            values.put(m.getName(), s.explicit.containsKey(m.getName()) ? s.explicit.get(m.getName()) : member(m, annotation));
        }
        @SuppressWarnings("unchecked")
        Class<A> type = (Class<A>) s.type;
        return make(type, new Synthesized(type, s.explicit, values));
    }

    private static <A extends Annotation> A make(Class<A> type, Synthesized handler) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[]{type}, handler));
    }

    private static Object member(Method m, Object annotation) {
        try {
            m.setAccessible(true);
            return m.invoke(annotation);
        } catch (IllegalAccessException | InvocationTargetException | RuntimeException e) {
            throw new IllegalStateException("Cannot read " + m + " of " + annotation, e);
        }
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) {
        String name = method.getName();
        if (args != null && args.length == 1 && name.equals("equals")) {
            return equalTo(args[0]);
        }
        if (args == null || args.length == 0) {
            switch (name) {
                case "annotationType":
                    return type;
                case "hashCode":
                    return hash();
                case "toString":
                    return render();
                default:
                    Object v = values.get(name);
                    if (v != null && v.getClass().isArray() && Array.getLength(v) > 0) {
                        return cloneArray(v);
                    }
                    if (v != null) {
                        return v;
                    }
            }
        }
        throw new IllegalStateException("No member " + method + " in " + type.getName());
    }

    private static Object cloneArray(Object array) {
        int n = Array.getLength(array);
        Object copy = Array.newInstance(array.getClass().getComponentType(), n);
        System.arraycopy(array, 0, copy, 0, n);
        return copy;
    }

    private boolean equalTo(Object other) {
        if (!type.isInstance(other)) {
            return false;
        }
        for (Method m : type.getDeclaredMethods()) {
            if (!Objects.deepEquals(values.get(m.getName()), member(m, other))) {
                return false;
            }
        }
        return true;
    }

    private int hash() {
        int h = 0;
        for (Map.Entry<String, Object> e : values.entrySet()) {
            h += (127 * e.getKey().hashCode()) ^ valueHash(e.getValue());
        }
        return h;
    }

    private static int valueHash(Object v) {
        if (!v.getClass().isArray()) {
            return v.hashCode();
        }
        return v instanceof Object[] a ? Arrays.hashCode(a)
                : v instanceof boolean[] a ? Arrays.hashCode(a)
                : v instanceof int[] a ? Arrays.hashCode(a)
                : v instanceof long[] a ? Arrays.hashCode(a)
                : v instanceof double[] a ? Arrays.hashCode(a)
                : v instanceof float[] a ? Arrays.hashCode(a)
                : v instanceof short[] a ? Arrays.hashCode(a)
                : v instanceof char[] a ? Arrays.hashCode(a)
                : Arrays.hashCode((byte[]) v);
    }

    private String render() {
        StringBuilder sb = new StringBuilder("@").append(type.getName()).append('(');
        boolean first = true;
        for (Map.Entry<String, Object> e : values.entrySet()) {
            sb.append(first ? "" : ", ").append(e.getKey()).append('=').append(Arrays.deepToString(new Object[]{e.getValue()}),
                    1, Arrays.deepToString(new Object[]{e.getValue()}).length() - 1);
            first = false;
        }
        return sb.append(')').toString();
    }
}
