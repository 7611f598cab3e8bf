package io.jynamo.internal.convert;

import jakarta.persistence.PersistenceException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.stream.Collectors;

/**
 * A stored attribute that cannot be read into its Java attribute: of another DynamoDB type than the
 * mapping expects, or of the right type but with content the Java type cannot hold exactly. A codec
 * throws it with what was stored and what it expected; the attribute adds its name ({@link #in}), the
 * entity its table and key ({@link #at}), so the message grows to name all of them. Loading never
 * substitutes a default for data it cannot map: a wrong value written back would destroy the stored one.
 */
public final class UnreadableValueException extends PersistenceException {

    private static final int SHOWN = 40;

    private final String storedType;
    private final String stored;
    private final String expected;
    private final String detail;
    private final String attribute;
    private final String table;
    private final String key;

    private UnreadableValueException(String storedType, String stored, String expected, String detail,
                                     String attribute, String table, String key, Throwable cause) {
        super(message(storedType, stored, expected, detail, attribute, table, key), cause);
        this.storedType = storedType;
        this.stored = stored;
        this.expected = expected;
        this.detail = detail;
        this.attribute = attribute;
        this.table = table;
        this.key = key;
    }

    /** A value of the wrong DynamoDB type. */
    public static UnreadableValueException wrongType(AttributeValue value, String expected) {
        return new UnreadableValueException(typeOf(value), show(value), expected, null, null, null, null, null);
    }

    /** A value of the right DynamoDB type whose content the Java type cannot hold. */
    public static UnreadableValueException badContent(AttributeValue value, String expected, String detail, Throwable cause) {
        return new UnreadableValueException(typeOf(value), show(value), expected, detail, null, null, null, cause);
    }

    /** The same failure, inside the attribute (or list element, as {@code [i]}) of that name. */
    public UnreadableValueException in(String name) {
        String path = attribute == null ? name : attribute.startsWith("[") ? name + attribute : name + "." + attribute;
        return new UnreadableValueException(storedType, stored, expected, detail, path, table, key, getCause());
    }

    /** The same failure, in the item of that key in that table. */
    public UnreadableValueException at(String table, String key) {
        return new UnreadableValueException(storedType, stored, expected, detail, attribute, table, key, getCause());
    }

    /** The DynamoDB type found: S, N, B, BOOL, NULL, SS, NS, BS, L or M. */
    public String storedType() {
        return storedType;
    }

    /** What the mapping expects, e.g. {@code S (java.lang.String)}. */
    public String expected() {
        return expected;
    }

    /** The attribute path, e.g. {@code address.number} or {@code history[2]}; {@code null} if not known. */
    public String attribute() {
        return attribute;
    }

    private static String message(String storedType, String stored, String expected, String detail,
                                  String attribute, String table, String key) {
        StringBuilder sb = new StringBuilder("Cannot read ");
        sb.append(attribute == null ? "a stored attribute" : "attribute '" + attribute + "'");
        if (key != null) {
            sb.append(" of ").append(key);
        }
        if (table != null) {
            sb.append(" in table '").append(table).append('\'');
        }
        sb.append(": stored as ").append(storedType).append(' ').append(stored)
                .append(", expected ").append(expected);
        if (detail != null) {
            sb.append(" (").append(detail).append(')');
        }
        return sb.append(". Correct the stored item or the attribute's mapping (type, @Enumerated, @Convert);")
                .append(" Jynamo loads no value it cannot map exactly").toString();
    }

    static String typeOf(AttributeValue v) {
        return switch (v.type()) {
            case S -> "S";
            case N -> "N";
            case B -> "B";
            case BOOL -> "BOOL";
            case NUL -> "NULL";
            case SS -> "SS";
            case NS -> "NS";
            case BS -> "BS";
            case L -> "L";
            case M -> "M";
            default -> "an unknown type";
        };
    }

    private static String show(AttributeValue v) {
        String text = switch (v.type()) {
            case S -> "\"" + v.s() + "\"";
            case N -> v.n();
            case B -> v.b().asByteArrayUnsafe().length + " bytes";
            case BOOL -> String.valueOf(v.bool());
            case NUL -> "true";
            case SS -> v.ss().stream().map(s -> "\"" + s + "\"").collect(Collectors.joining(", ", "[", "]"));
            case NS -> v.ns().toString();
            case BS -> v.bs().size() + " binaries";
            case L -> v.l().size() + " elements";
            case M -> v.m().keySet().stream().collect(Collectors.joining(", ", "{", "}"));
            default -> String.valueOf(v);
        };
        return text.length() <= SHOWN ? text : text.substring(0, SHOWN) + "...";
    }
}
