package io.tikun.routing.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.logging.Level;
import java.util.logging.LogRecord;

import org.junit.jupiter.api.Test;

class BulkCleanupWarningFilterTest {

    private final BulkCleanupWarningFilter filter = new BulkCleanupWarningFilter();

    private static LogRecord record(String logger, String message) {
        LogRecord record = new LogRecord(Level.WARNING, message);
        record.setLoggerName(logger);
        return record;
    }

    @Test
    void dropsBothWarningsOfAClosedSessionWithAQueuedBulkCleanup() {
        assertThat(filter.isLoggable(record(BulkCleanupWarningFilter.LOGGER,
                "HHH90010101: Closing shared session with unprocessed transaction completion actions"))).isFalse();
        assertThat(filter.isLoggable(record(BulkCleanupWarningFilter.LOGGER,
                "HHH90010108: Closing session with unprocessed clean up bulk operations, forcing their execution")))
                .isFalse();
    }

    @Test
    void keepsTheSessionLoggersOtherMessages() {
        assertThat(filter.isLoggable(record(BulkCleanupWarningFilter.LOGGER, "HHH90010102: Session was already closed")))
                .isTrue();
        assertThat(filter.isLoggable(record(BulkCleanupWarningFilter.LOGGER, "no id here"))).isTrue();
        assertThat(filter.isLoggable(record(BulkCleanupWarningFilter.LOGGER, null))).isTrue();
    }

    @Test
    void keepsTheSameIdsFromAnyOtherLogger() {
        assertThat(filter.isLoggable(record("io.tikun.routing.outbox.OutboxRelay",
                "HHH90010108: Closing session with unprocessed clean up bulk operations, forcing their execution")))
                .isTrue();
        assertThat(filter.isLoggable(record(null, "HHH90010101: anything"))).isTrue();
    }
}
