package io.jynamo.internal.convert;

import io.jynamo.internal.convert.Codecs.CollectionCodec;
import io.jynamo.jpql.ValueKind;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/** The codecs of collections of basic values, as DynamoDB sets (SS, NS, BS) or lists (L). */
final class CollectionCodecs {

    private CollectionCodecs() {
    }

    /** See {@link Codecs#collection}. */
    static Codec of(Class<?> collectionType, Codec element) {
        boolean set = Set.class.isAssignableFrom(collectionType);
        if (set && element.kind() == ValueKind.STRING) {
            return set("SS", element, AttributeValue::hasSs, AttributeValue::ss, AttributeValue::s,
                    AttributeValue::fromS, AttributeValue::fromSs);
        }
        if (set && element.kind() == ValueKind.NUMBER) {
            return set("NS", element, AttributeValue::hasNs, AttributeValue::ns, AttributeValue::n,
                    AttributeValue::fromN, AttributeValue::fromNs);
        }
        if (set && element.kind() == ValueKind.BINARY) {
            return set("BS", element, AttributeValue::hasBs, AttributeValue::bs, AttributeValue::b,
                    AttributeValue::fromB, AttributeValue::fromBs);
        }
        String expected = "L, a list of " + element.expected();
        return new CollectionCodec(ValueKind.LIST, set, element, expected,
                c -> AttributeValue.fromL(mapAll(c, element::write)),
                av -> {
                    if (!av.hasL()) {
                        throw UnreadableValueException.wrongType(av, expected);
                    }
                    List<AttributeValue> stored = av.l();
                    List<Object> out = new ArrayList<>(stored.size());
                    for (int i = 0; i < stored.size(); i++) {
                        try {
                            out.add(element.read(stored.get(i)));
                        } catch (UnreadableValueException e) {
                            throw e.in("[" + i + "]");
                        }
                    }
                    return out;
                });
    }

    /**
     * A set of scalars of one DynamoDB type T (String for SS and NS, SdkBytes for BS). An empty set is not
     * stored: DynamoDB has no empty sets.
     *
     * @param setType the DynamoDB set type, for errors
     * @param has     whether a stored value is a set of that type
     * @param members the members of a stored set
     * @param unwrap  the T of an element's stored value
     * @param wrap    the stored value of a T, for the element codec
     * @param build   the stored set of Ts
     */
    private static <T> Codec set(String setType, Codec element, Predicate<AttributeValue> has,
                                 Function<AttributeValue, List<T>> members, Function<AttributeValue, T> unwrap,
                                 Function<T, AttributeValue> wrap, Function<List<T>, AttributeValue> build) {
        String expected = setType + ", a set of " + element.expected();
        return new CollectionCodec(ValueKind.SET, true, element, expected,
                c -> c.isEmpty() ? null : build.apply(mapAll(c, v -> unwrap.apply(element.write(v)))),
                av -> {
                    if (!has.test(av)) {
                        throw UnreadableValueException.wrongType(av, expected);
                    }
                    List<T> stored = members.apply(av);
                    List<Object> out = new ArrayList<>(stored.size());
                    for (T v : stored) {
                        out.add(element.read(wrap.apply(v)));
                    }
                    return out;
                });
    }

    private static <T> List<T> mapAll(Collection<?> values, Function<Object, T> f) {
        List<T> out = new ArrayList<>(values.size());
        for (Object v : values) {
            if (v == null) {
                throw new IllegalArgumentException("A collection attribute holds a null element; DynamoDB cannot store it");
            }
            out.add(f.apply(v));
        }
        return out;
    }
}
