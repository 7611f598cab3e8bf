package io.jynamo.internal.query;

import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/** Results built by a constructor: JPQL's {@code SELECT NEW} and the Criteria API's {@code construct}. */
public final class Constructors {
    private Constructors() {
    }

    /**
     * A function building {@code type} from a row of selected values, by the constructor whose parameters take
     * values of those types (primitives taking their wrappers).
     *
     * @throws IllegalArgumentException when {@code type} has no such constructor, naming the types
     */
    public static Function<Object[], Object> of(Class<?> type, List<Class<?>> valueTypes, String where) {
        Constructor<?> found = null;
        for (Constructor<?> c : type.getDeclaredConstructors()) {
            Class<?>[] params = c.getParameterTypes();
            if (params.length != valueTypes.size()) {
                continue;
            }
            boolean fits = true;
            for (int i = 0; i < params.length; i++) {
                fits &= box(params[i]).isAssignableFrom(box(valueTypes.get(i)));
            }
            if (fits) {
                found = c;
                break;
            }
        }
        if (found == null) {
            throw new IllegalArgumentException(where + ": " + type.getName() + " has no constructor taking "
                    + valueTypes.stream().map(Class::getSimpleName).toList() + "; add one, in that order");
        }
        found.setAccessible(true);
        Constructor<?> constructor = found;
        return values -> {
            try {
                return constructor.newInstance(values);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("Constructing " + type.getName() + " from " + Arrays.toString(values)
                        + " failed: " + (e.getCause() != null ? e.getCause() : e), e);
            }
        };
    }

    /** The wrapper of a primitive class, or the class. */
    static Class<?> box(Class<?> c) {
        return c.isPrimitive() ? MethodType.methodType(c).wrap().returnType() : c;
    }
}
