package io.jynamo.tck.query;

import io.jynamo.internal.em.EntityManagerFactoryImpl;
import io.jynamo.tck.model.Person;
import io.jynamo.tck.support.TestUnit;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** jynamo.scan=warn warns once per query string without remembering every string forever. */
class ScanWarningMemoryTest {

    @Test
    void manyDistinctScanningQueriesEachWarnButTheMemoryOfThemIsBounded() {
        Logger logger = Logger.getLogger(EntityManagerFactoryImpl.class.getName());
        List<LogRecord> records = java.util.Collections.synchronizedList(new ArrayList<>());
        Handler h = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        logger.addHandler(h);
        int distinct = 3 * EntityManagerFactoryImpl.MAX_SCAN_WARNINGS_REMEMBERED;
        try (TestUnit unit = TestUnit.of(Person.class).property("jynamo.scan", "warn").build()) {
            EntityManager em = unit.emf().createEntityManager();
            try {
                for (int i = 0; i < distinct; i++) {
                    // maxResults 0: the scan policy is applied, and nothing is read.
                    em.createQuery("SELECT p FROM Person p WHERE p.age > " + i, Person.class).setMaxResults(0).getResultList();
                    if (i == 0) {
                        em.createQuery("SELECT p FROM Person p WHERE p.age > 0", Person.class).setMaxResults(0).getResultList();
                    }
                }
            } finally {
                em.close();
            }
            assertEquals(0, unit.calls().count("scan"));
            long warned = records.stream().filter(r -> r.getMessage().contains("scans table")).count();
            assertEquals(distinct, warned, "one warning per distinct query, none for the repeat");
            long remembered = unit.emf().unwrap(EntityManagerFactoryImpl.class).scanWarningsRemembered();
            assertTrue(remembered <= EntityManagerFactoryImpl.MAX_SCAN_WARNINGS_REMEMBERED, "remembered: " + remembered);
            assertTrue(remembered > 0, "remembered: " + remembered);
        } finally {
            logger.removeHandler(h);
        }
    }
}
