package io.jynamo.internal.flush;

import io.jynamo.internal.metadata.EntityMeta;
import io.jynamo.internal.metadata.Metadata;
import io.jynamo.internal.metadata.MetadataBuilder;
import io.jynamo.jpql.expression.ExpressionBuilder;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

/** Expressions rendered once per shape are exactly those rendered for each write alone. */
class UpdateShapesTest {

    @Entity
    public static class Item {
        @Id
        private String id;
        private String name;
        private String colour;
        private long size;
        @Version
        private long version;
    }

    @Entity
    public static class Plain {
        @Id
        private String id;
        private String name;
        private String colour;
    }

    /** Another key and version name than {@link Item}'s and {@link Plain}'s, and the same other attributes. */
    @Entity
    public static class Other {
        @Id
        private String code;
        private String name;
        private String colour;
        @Version
        private long revision;
    }

    @Entity
    public static class OtherPlain {
        @Id
        private String code;
        private String name;
    }

    private final Metadata metadata = new MetadataBuilder("").build(List.of(Item.class, Plain.class, Other.class,
            OtherPlain.class));
    private final EntityMeta item = metadata.exact(Item.class);
    private final EntityMeta plain = metadata.exact(Plain.class);
    private final EntityMeta other = metadata.exact(Other.class);
    private final EntityMeta otherPlain = metadata.exact(OtherPlain.class);
    private final UpdateShapes shapes = new UpdateShapes();

    @Test
    void aSecondUpdateOfTheSameShapeSharesTheTextAndCarriesItsOwnValues() {
        Write.Expressions first = shapes.of(item, set("name", "a", "version", "2"), Set.of(), n("1"));
        Write.Expressions second = shapes.of(item, set("name", "b", "version", "8"), Set.of(), n("7"));
        assertEquals(alone(item, set("name", "a", "version", "2"), Set.of(), n("1")), first);
        assertEquals(alone(item, set("name", "b", "version", "8"), Set.of(), n("7")), second);
        assertSame(first.update(), second.update());
        assertSame(first.condition(), second.condition());
        assertSame(first.names(), second.names());
        assertEquals(1, shapes.size());
    }

    @Test
    void everyShapeIsRenderedAsItsWriteAloneWouldBe() {
        List<Object[]> writes = List.of(
                new Object[]{item, set("name", "a", "version", "2"), Set.of(), n("1")},
                new Object[]{item, set("version", "2", "name", "a"), Set.of(), n("1")}, // the same attributes in another order
                new Object[]{item, set("colour", "red", "version", "2"), Set.of(), n("1")},
                new Object[]{item, set("version", "2"), names("name", "colour"), n("1")},
                new Object[]{item, set("name", "a", "size", "3", "version", "2"), names("colour"), n("1")},
                new Object[]{item, set("name", "a"), Set.of(), null}, // a versioned item stored without a version
                new Object[]{plain, set("name", "a"), Set.of(), null}, // patch mode: the item must still exist
                new Object[]{plain, set("name", "a", "colour", "red"), Set.of(), null},
                new Object[]{plain, Map.of(), names("colour"), null},
                new Object[]{plain, set("name", "a"), names("colour"), null}, // differs from a write above in its REMOVE only
                // Other entities changing the same attributes: their own version and key names in the condition.
                new Object[]{other, set("name", "a", "revision", "2"), Set.of(), n("1")},
                new Object[]{other, set("name", "a"), Set.of(), null},
                new Object[]{otherPlain, set("name", "a"), Set.of(), null});
        for (int round = 0; round < 2; round++) { // the second round finds every shape rendered
            for (Object[] w : writes) {
                Write.Expressions expected = alone((EntityMeta) w[0], map(w[1]), set(w[2]), (AttributeValue) w[3]);
                assertEquals(expected, shapes.of((EntityMeta) w[0], map(w[1]), set(w[2]), (AttributeValue) w[3]),
                        "round " + round + ": " + expected);
            }
        }
        // A versioned item stored without a version renders as Other's does: one shape less than writes.
        assertEquals(writes.size() - 1, shapes.size());
    }

    @Test
    void whenTheKeptShapesAreAllTakenTheyAreDroppedAndTheCommonOnesRenderedAgainOnce() {
        Map<String, AttributeValue> common = set("name", "a", "version", "2");
        String before = shapes.of(item, common, Set.of(), n("1")).update();
        for (int i = 0; i < UpdateShapes.MAX_SHAPES; i++) { // shapes seen once fill the rest, and one more drops them all
            Map<String, AttributeValue> once = set("attribute" + i, "v" + i, "version", "2");
            assertEquals(alone(item, once, Set.of(), n("1")), shapes.of(item, once, Set.of(), n("1")));
        }
        assertEquals(1, shapes.size());
        String again = shapes.of(item, common, Set.of(), n("1")).update();
        assertNotSame(before, again, "rendered again after the drop");
        assertEquals(before, again);
        assertSame(again, shapes.of(item, common, Set.of(), n("1")).update(), "and kept again");
    }

    @Test
    void anUpdateOfManyAttributesIsRenderedForItselfAndNotKept() {
        String[] many = new String[2 * (UpdateShapes.MAX_ATTRIBUTES + 1)];
        for (int i = 0; i < UpdateShapes.MAX_ATTRIBUTES + 1; i++) {
            many[2 * i] = "attribute" + i;
            many[2 * i + 1] = "v" + i;
        }
        Map<String, AttributeValue> set = set(many);
        assertEquals(alone(plain, set, Set.of(), null), shapes.of(plain, set, Set.of(), null));
        assertEquals(0, shapes.size());
    }

    /** The expressions of the write rendered on their own, as every update was before shapes were kept. */
    private static Write.Expressions alone(EntityMeta meta, Map<String, AttributeValue> set, Set<String> remove,
                                           AttributeValue expectedVersion) {
        ExpressionBuilder<AttributeValue> x = new ExpressionBuilder<>();
        set.forEach(x::set);
        remove.forEach(x::remove);
        String update = x.update();
        String condition = null;
        if (expectedVersion != null) {
            condition = x.name(meta.version().storedName()) + " = " + x.value(expectedVersion);
        } else if (meta.version() == null) {
            condition = x.attributeExists(meta.partitionKey().storedName());
        }
        return Write.Expressions.of(condition, update, x);
    }

    /** A set clause in the order given: names with string values, "version" with a number. */
    private static Map<String, AttributeValue> set(String... namesAndValues) {
        Map<String, AttributeValue> set = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            String value = namesAndValues[i + 1];
            set.put(namesAndValues[i], namesAndValues[i].equals("version") ? n(value) : AttributeValue.fromS(value));
        }
        return set;
    }

    private static Set<String> names(String... names) {
        return new LinkedHashSet<>(List.of(names));
    }

    private static AttributeValue n(String number) {
        return AttributeValue.fromN(number);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, AttributeValue> map(Object o) {
        return (Map<String, AttributeValue>) o;
    }

    @SuppressWarnings("unchecked")
    private static Set<String> set(Object o) {
        return (Set<String>) o;
    }
}
