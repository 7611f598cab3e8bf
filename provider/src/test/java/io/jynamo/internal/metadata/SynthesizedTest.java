package io.jynamo.internal.metadata;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.EntityListeners;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Annotations made from orm.xml behave like the JDK's: members, defaults, equality, hash, text. */
class SynthesizedTest {

    @Column(name = "n", nullable = false)
    private String annotated;

    @AttributeOverride(name = "a", column = @Column(name = "b"))
    private String other;

    @EntityListeners({String.class, Integer.class})
    private static final class Listened {
    }

    private static Column column() throws Exception {
        return SynthesizedTest.class.getDeclaredField("annotated").getAnnotation(Column.class);
    }

    @Test
    void membersTheXmlGivesAreReadAndTheOthersAreTheDefaults() {
        Column c = Synthesized.of(Column.class, Map.of("name", "n"));
        assertEquals("n", c.name());
        assertTrue(c.nullable());
        assertEquals(255, c.length());
        assertEquals(Column.class, c.annotationType());
    }

    @Test
    void equalsAndHashCodeMatchTheJdksAnnotationBothWays() throws Exception {
        Column jdk = column();
        Column xml = Synthesized.of(Column.class, Map.of("name", "n", "nullable", false));
        assertEquals(jdk, xml);
        assertEquals(xml, jdk);
        assertEquals(jdk.hashCode(), xml.hashCode());
        assertNotEquals(xml, Synthesized.of(Column.class, Map.of("name", "n")));
        AttributeOverride jdkOverride = SynthesizedTest.class.getDeclaredField("other").getAnnotation(AttributeOverride.class);
        AttributeOverride xmlOverride = Synthesized.of(AttributeOverride.class,
                Map.of("name", "a", "column", Synthesized.of(Column.class, Map.of("name", "b"))));
        assertEquals(jdkOverride, xmlOverride);
        assertEquals(jdkOverride.hashCode(), xmlOverride.hashCode());
        EntityListeners jdkListeners = Listened.class.getAnnotation(EntityListeners.class);
        EntityListeners xmlListeners = Synthesized.of(EntityListeners.class,
                Map.of("value", new Class<?>[]{String.class, Integer.class}));
        assertEquals(jdkListeners, xmlListeners);
        assertEquals(jdkListeners.hashCode(), xmlListeners.hashCode());
    }

    @Test
    void arraysAreCopiedSoCallersCannotChangeTheAnnotation() {
        EntityListeners l = Synthesized.of(EntityListeners.class, Map.of("value", new Class<?>[]{String.class}));
        l.value()[0] = Integer.class;
        assertArrayEquals(new Class<?>[]{String.class}, l.value());
    }

    @Test
    void xmlLaidOverAnAnnotationWinsOnlyWhereItSpeaks() throws Exception {
        Column merged = Synthesized.over(Synthesized.of(Column.class, Map.of("name", "x")), column());
        assertEquals("x", merged.name());
        assertEquals(false, merged.nullable(), "the annotation's nullable = false stays");
    }

    @Test
    void toStringNamesTypeAndMembers() {
        String s = Synthesized.of(Column.class, Map.of("name", "n")).toString();
        assertTrue(s.startsWith("@jakarta.persistence.Column(") && s.contains("name=n"), s);
    }

    @Test
    void aMemberWithoutDefaultMustBeGiven() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Synthesized.of(AttributeOverride.class, Map.of("name", "a")));
        assertEquals("column", e.getMessage());
    }
}
