package io.jynamo.internal.dynamo;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ItemSizeTest {

    @Test
    void utf8LengthMatchesTheEncoderForEveryKindOfCharacter() {
        for (String s : List.of("", "abc", "é", "€uro", "\uD834\uDD1E clef", "mixed é€\uD834\uDD1E", "\uD800 lone")) {
            assertEquals(s.getBytes(StandardCharsets.UTF_8).length, ItemSize.utf8(s), s);
        }
    }

    @Test
    void itemSizeCountsNamesAndValues() {
        Map<String, AttributeValue> item = Map.of("id", AttributeValue.fromS("abc"), "n", AttributeValue.fromN("12345"),
                "ok", AttributeValue.fromBool(true));
        // id(2)+abc(3) + n(1)+12345(1+3) + ok(2)+1
        assertEquals(2 + 3 + 1 + 4 + 2 + 1, ItemSize.of(item));
    }

    @Test
    void theQuickUpperBoundIsNeverBelowTheExactSize() {
        for (String s : List.of("", "abc", "é€uro", "\uD834\uDD1E\uD834\uDD1E", "\u20AC\u20AC\u20AC", "\uD800 lone")) {
            Map<String, AttributeValue> item = Map.of("k€", AttributeValue.fromS(s), "n", AttributeValue.fromN("12345"),
                    "l", AttributeValue.fromL(List.of(AttributeValue.fromS(s))));
            long exact = ItemSize.of(item);
            assertTrue(ItemSize.atMost(item) >= exact, s);
        }
        // All three-byte characters: the bound is exact for the strings.
        Map<String, AttributeValue> euros = Map.of("€", AttributeValue.fromS("€€€"));
        assertEquals(ItemSize.of(euros), ItemSize.atMost(euros));
    }
}
