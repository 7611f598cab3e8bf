package io.jynamo.tck.query;

import io.jynamo.internal.em.EntityManagerFactoryImpl;
import io.jynamo.tck.model.Person;
import io.jynamo.tck.support.Logs;
import io.jynamo.tck.support.TestUnit;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.logging.LogRecord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** jynamo.scan=warn warns once per query string without remembering every string forever. */
class ScanWarningMemoryTest {

    @Test
    void manyDistinctScanningQueriesEachWarnButTheMemoryOfThemIsBounded() {
        int distinct = 3 * EntityManagerFactoryImpl.MAX_SCAN_WARNINGS_REMEMBERED;
        try (TestUnit unit = TestUnit.of(Person.class).property("jynamo.scan", "warn").build()) {
            List<LogRecord> records = Logs.during(EntityManagerFactoryImpl.class.getName(), () -> unit.withEntityManager(em -> {
                for (int i = 0; i < distinct; i++) {
                    // maxResults 0: the scan policy is applied, and nothing is read.
                    em.createQuery("SELECT p FROM Person p WHERE p.age > " + i, Person.class).setMaxResults(0).getResultList();
                    if (i == 0) {
                        em.createQuery("SELECT p FROM Person p WHERE p.age > 0", Person.class).setMaxResults(0).getResultList();
                    }
                }
                return null;
            }));
            assertEquals(0, unit.calls().count("scan"));
            long warned = records.stream().filter(r -> r.getMessage().contains("scans table")).count();
            assertEquals(distinct, warned, "one warning per distinct query, none for the repeat");
            long remembered = unit.emf().unwrap(EntityManagerFactoryImpl.class).scanWarningsRemembered();
            assertTrue(remembered <= EntityManagerFactoryImpl.MAX_SCAN_WARNINGS_REMEMBERED, "remembered: " + remembered);
            assertTrue(remembered > 0, "remembered: " + remembered);
        }
    }
}
