package io.jynamo.internal.dynamo;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AttributeValuesTest {

    @Test
    void canonicalKeyWritesEveryNumberAsCanonicalNumberDoes() {
        for (String n : List.of("0", "-0", "7", "007", "-12", "2.50", "3.0", "1000", "1" + "0".repeat(45),
                "9".repeat(38), "9".repeat(39), "1e5", "-")) {
            if (n.equals("-")) {
                continue;
            }
            Map<String, AttributeValue> key = Map.of("id", AttributeValue.fromS("a"), "n", AttributeValue.fromN(n));
            Map<String, AttributeValue> canonical = AttributeValues.canonicalKey(key);
            assertEquals(Map.of("id", AttributeValue.fromS("a"), "n", AttributeValue.fromN(AttributeValues.canonicalNumber(n))),
                    canonical, n);
        }
    }

    @Test
    void aCanonicalImmutableKeyIsItsOwnCanonicalFormAndAMutableOneIsCopied() {
        Map<String, AttributeValue> key = Map.of("id", AttributeValue.fromS("a"), "n", AttributeValue.fromN("42"));
        assertSame(key, AttributeValues.canonicalKey(key));
        Map<String, AttributeValue> mutable = new LinkedHashMap<>(key);
        Map<String, AttributeValue> copy = AttributeValues.canonicalKey(mutable);
        assertNotSame(mutable, copy);
        assertEquals(key, copy);
    }

    @Test
    void equalValuesIsAttributeValueEquality() {
        List<AttributeValue> values = List.of(AttributeValue.fromS("1"), AttributeValue.fromN("1"), AttributeValue.fromN("1.0"),
                AttributeValue.fromS("x"), AttributeValue.fromBool(true), AttributeValue.fromL(List.of(AttributeValue.fromS("1"))));
        for (AttributeValue a : values) {
            for (AttributeValue b : values) {
                AttributeValue copy = b.toBuilder().build();
                assertEquals(a.equals(copy), AttributeValues.equalValues(a, copy), a + " / " + b);
                if (a.equals(copy)) {
                    assertEquals(AttributeValues.valueHash(a), AttributeValues.valueHash(copy));
                }
            }
        }
        assertTrue(AttributeValues.equalValues(null, null));
        assertFalse(AttributeValues.equalValues(AttributeValue.fromS("a"), null));
    }

    @Test
    void equalItemsIsMapEqualityOfItems() {
        Map<String, AttributeValue> item = Map.of("id", AttributeValue.fromS("a"), "n", AttributeValue.fromN("1"),
                "tags", AttributeValue.fromSs(List.of("x")));
        List<Map<String, AttributeValue>> others = List.of(new java.util.HashMap<>(item),
                Map.of("id", AttributeValue.fromS("a"), "n", AttributeValue.fromN("1.0"), "tags", AttributeValue.fromSs(List.of("x"))),
                Map.of("id", AttributeValue.fromS("a"), "n", AttributeValue.fromN("1")),
                Map.of("id", AttributeValue.fromS("a"), "n", AttributeValue.fromN("1"), "other", AttributeValue.fromSs(List.of("x"))),
                Map.of("id", AttributeValue.fromS("a"), "n", AttributeValue.fromN("1"), "tags", AttributeValue.fromSs(List.of("y"))));
        for (Map<String, AttributeValue> other : others) {
            assertEquals(item.equals(other), AttributeValues.equalItems(item, other), other.toString());
            assertEquals(other.equals(item), AttributeValues.equalItems(other, item), other.toString());
        }
        assertTrue(AttributeValues.equalItems(item, others.get(0)));
    }
}
