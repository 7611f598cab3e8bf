package io.jynamo.tck.bootstrap;

import io.jynamo.tck.model.User;
import io.jynamo.tck.support.Logs;
import io.jynamo.tck.support.TestUnit;
import jakarta.persistence.metamodel.StaticMetamodel;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Classes listed in a unit that map nothing are ignored, as other providers do, not refused. */
class NonEntityClassesTest {

    /** What an annotation processor generates for {@code User}, and build tools sometimes list. */
    @StaticMetamodel(User.class)
    static final class User_ {
    }

    /** A class listed by mistake. */
    static final class NotMapped {
    }

    @Test
    void aGeneratedMetamodelClassIsIgnoredQuietlyAndAnUnmappedClassWithAWarning() {
        List<LogRecord> records = Logs.during("io.jynamo", () -> {
            try (TestUnit unit = TestUnit.of(User.class, User_.class, NotMapped.class).build()) {
                unit.inTransaction(em -> em.persist(new User("a@x", "A", "X")));
                assertEquals(1, unit.emf().getMetamodel().getEntities().size());
            }
        });
        List<String> warnings = records.stream().filter(r -> r.getLevel() == Level.WARNING)
                .map(r -> java.text.MessageFormat.format(r.getMessage(), r.getParameters())).toList();
        assertTrue(warnings.stream().anyMatch(w -> w.contains(NotMapped.class.getName())), warnings.toString());
        assertTrue(warnings.stream().noneMatch(w -> w.contains(User_.class.getName())), warnings.toString());
    }
}
