package io.jynamo.tck.support;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** What Jynamo logs (through {@code System.Logger}, which goes to java.util.logging here) while some work runs. */
public final class Logs {

    private Logs() {
    }

    /** Runs the work and returns the records logged meanwhile to the logger of that name or below it. */
    public static List<LogRecord> during(String loggerName, Runnable work) {
        Logger logger = Logger.getLogger(loggerName);
        List<LogRecord> records = Collections.synchronizedList(new ArrayList<>());
        Handler handler = new Handler() {
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
        logger.addHandler(handler);
        try {
            work.run();
        } finally {
            logger.removeHandler(handler);
        }
        return records;
    }
}
