package io.jynamo.internal.metadata;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class ItemCodeTest {

    @Entity
    public static class Note {
        @Id
        private String id;
        private String text;

        public Note() {
        }

        Note(String id, String text) {
            this.id = id;
            this.text = text;
        }
    }

    public record NoteLineId(String note, String line) {
    }

    @Entity
    @IdClass(NoteLineId.class)
    public static class NoteLine {
        @Id
        private String note;
        @Id
        private String line;
        private String text;

        public NoteLine() {
        }

        NoteLine(String note, String line, String text) {
            this.note = note;
            this.line = line;
            this.text = text;
        }
    }

    private final Metadata metadata = new MetadataBuilder("").build(List.of(Note.class, NoteLine.class));

    @Test
    void anItemTakesTheKeyValuesItIsGivenWhereTheEntityStillHoldsThem() {
        EntityMeta meta = metadata.exact(NoteLine.class);
        NoteLine entity = new NoteLine("n1", "l1", "hello");
        Map<String, AttributeValue> key = meta.keyOf(entity);
        Map<String, AttributeValue> item = meta.toItem(entity, key);
        assertSame(key.get("note"), item.get("note"), "the partition key's value, as given");
        assertSame(key.get("line"), item.get("line"), "the sort key's value, as given");
        assertEquals(meta.toItem(entity), item, "the same item as without");
    }

    @Test
    void aKeyChangedSinceIsWrittenAsTheEntityHoldsIt() {
        EntityMeta meta = metadata.exact(Note.class);
        Note entity = new Note("n1", "hello");
        Map<String, AttributeValue> key = meta.keyOf(entity);
        entity.id = "n2";
        Map<String, AttributeValue> item = meta.toItem(entity, key);
        assertEquals(AttributeValue.fromS("n2"), item.get("id"));
    }

    @Test
    void everyStringAttributeTakesTheGivenValueWhereTheEntityStillHoldsIt() {
        EntityMeta meta = metadata.exact(Note.class);
        Note entity = new Note("n1", "hello");
        Map<String, AttributeValue> stored = meta.toItem(entity);
        Map<String, AttributeValue> item = meta.toItem(entity, stored);
        assertSame(stored.get("id"), item.get("id"));
        assertSame(stored.get("text"), item.get("text"), "unchanged text, as stored");
        assertEquals(stored, item);
    }

    @Test
    void aStringChangedSinceIsWrittenAsTheEntityHoldsIt() {
        EntityMeta meta = metadata.exact(Note.class);
        Note entity = new Note("n1", "hello");
        Map<String, AttributeValue> stored = meta.toItem(entity);
        entity.text = "bye";
        Map<String, AttributeValue> item = meta.toItem(entity, stored);
        assertEquals(AttributeValue.fromS("bye"), item.get("text"));
        entity.text = null;
        assertEquals(Map.of("id", stored.get("id")), meta.toItem(entity, stored), "a text set to null is absent");
    }
}
