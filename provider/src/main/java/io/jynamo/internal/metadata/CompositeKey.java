package io.jynamo.internal.metadata;

import io.jynamo.internal.convert.UnreadableValueException;
import io.jynamo.jpql.ValueKind;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The sort key of a primary key of three or more attributes. A DynamoDB key has two attributes, so the first key
 * attribute is the partition key and the others are joined into one string, in their order: each value as stored
 * (a string as is, a number in its shortest plain form, binary in Base64), separated by {@code #}, with {@code #}
 * and {@code \} in strings escaped by {@code \}. The string reads back into the values, so a key alone (a
 * foreign key, a key DynamoDB hands back) gives the id; each part is also stored as its own attribute, which
 * conditions, projections and ordering use.
 */
public final class CompositeKey {

    private static final char SEPARATOR = '#';
    private static final char ESCAPE = '\\';

    private final List<AttributeMeta> parts;
    private final String where;

    /**
     * @param parts the key attributes after the partition key, read from the object the key belongs to
     * @param where the entity, for errors
     */
    CompositeKey(List<AttributeMeta> parts, String where) {
        this.parts = List.copyOf(parts);
        this.where = where;
    }

    /** The parts, in the order the string holds them. */
    List<AttributeMeta> parts() {
        return parts;
    }

    /** The stored name of the sort key: the parts' stored names, joined as the values are. */
    String storedName() {
        return String.join(String.valueOf(SEPARATOR), parts.stream().map(AttributeMeta::storedName).toList());
    }

    /** The sort key of an object, or {@code null} while a part is null. */
    String encode(Object owner) {
        List<AttributeValue> values = new ArrayList<>(parts.size());
        for (AttributeMeta part : parts) {
            AttributeValue v = part.write(owner);
            if (v == null) {
                return null;
            }
            values.add(v);
        }
        return join(values, false);
    }

    /**
     * Stored values joined as a sort key; with {@code prefix}, the first parts of one followed by the separator,
     * which begins every sort key with those first parts and no other.
     */
    public static String join(List<AttributeValue> values, boolean prefix) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            AttributeValue v = values.get(i);
            if (i > 0) {
                out.append(SEPARATOR);
            }
            if (v.s() != null) {
                for (int c = 0; c < v.s().length(); c++) {
                    char ch = v.s().charAt(c);
                    if (ch == SEPARATOR || ch == ESCAPE) {
                        out.append(ESCAPE);
                    }
                    out.append(ch);
                }
            } else if (v.n() != null) {
                // DynamoDB compares numbers by value: 1.50 and 1.5 are one key, so they are one string here too.
                BigDecimal n = new BigDecimal(v.n()).stripTrailingZeros();
                out.append(n.signum() == 0 ? "0" : n.toPlainString());
            } else if (v.b() != null) {
                out.append(Base64.getEncoder().encodeToString(v.b().asByteArray()));
            } else {
                throw new IllegalArgumentException("A key attribute is a string, number or binary, not " + v);
            }
        }
        if (prefix) {
            out.append(SEPARATOR);
        }
        return out.toString();
    }

    /**
     * The values of the parts a sort key holds, in their order.
     *
     * @throws UnreadableValueException if the string is not a key of these parts
     */
    Object[] values(String encoded) {
        List<AttributeValue> stored = split(encoded, parts.stream().map(AttributeMeta::kind).toList(),
                "the sort key of " + where);
        Object[] values = new Object[parts.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = parts.get(i).valueOf(stored.get(i));
        }
        return values;
    }

    /**
     * The stored values a joined string holds ({@link #join}), read as the kinds given.
     *
     * @param what what the string is, for errors
     * @throws UnreadableValueException if it does not hold one value of each kind
     */
    public static List<AttributeValue> split(String encoded, List<ValueKind> kinds, String what) {
        List<String> tokens = new ArrayList<>();
        StringBuilder token = new StringBuilder();
        for (int c = 0; c < encoded.length(); c++) {
            char ch = encoded.charAt(c);
            if (ch == ESCAPE && c + 1 < encoded.length()) {
                token.append(encoded.charAt(++c));
            } else if (ch == SEPARATOR) {
                tokens.add(token.toString());
                token.setLength(0);
            } else {
                token.append(ch);
            }
        }
        tokens.add(token.toString());
        if (tokens.size() != kinds.size()) {
            throw UnreadableValueException.badContent(AttributeValue.fromS(encoded), what, "it holds " + tokens.size()
                    + " values separated by '#' where " + kinds.size() + " are expected (was it written by another"
                    + " mapping?)", null);
        }
        List<AttributeValue> values = new ArrayList<>(tokens.size());
        for (int i = 0; i < tokens.size(); i++) {
            String t = tokens.get(i);
            values.add(switch (kinds.get(i)) {
                case STRING -> AttributeValue.fromS(t);
                case NUMBER -> AttributeValue.fromN(t);
                default -> AttributeValue.fromB(SdkBytes.fromByteArray(binary(t, encoded, what)));
            });
        }
        return values;
    }

    private static byte[] binary(String token, String encoded, String what) {
        try {
            return Base64.getDecoder().decode(token);
        } catch (IllegalArgumentException e) {
            throw UnreadableValueException.badContent(AttributeValue.fromS(encoded), what, "'" + token
                    + "' is not Base64", e);
        }
    }

    /** Sets the parts of an object from a sort key ({@code null} sets them null). */
    void set(Object owner, String encoded) {
        Object[] values = encoded == null ? new Object[parts.size()] : values(encoded);
        for (int i = 0; i < values.length; i++) {
            parts.get(i).accessor().set(owner, values[i]);
        }
    }
}
