package io.tikun.routing.logging;

import java.util.Set;
import java.util.logging.Filter;
import java.util.logging.LogRecord;

import io.quarkus.logging.LoggingFilter;

/**
 * Drops the two warnings Hibernate ORM 7 writes when a Hibernate Reactive session that ran a bulk statement (an HQL
 * {@code update}, a native {@code executeUpdate}) is closed: HHH90010101 "Closing shared session with unprocessed
 * transaction completion actions" and HHH90010108 "Closing session with unprocessed clean up bulk operations, forcing
 * their execution". Hibernate Reactive 3.2 queues a bulk statement's second-level-cache clean-up on ORM's blocking action
 * queue, which its reactive transactions never complete, so ORM runs it at close and warns; the clean-up itself still
 * runs, and with no second-level cache here it has nothing to clean. The outbox marks each published batch and the
 * dispatcher each delivery this way: during a drain the two lines came once every two or three events (about 46,000
 * pairs in two minutes), a log flood that cost about 2% of routing's CPU (deploy/benchmark/RESULTS.md). Every other
 * record, of that logger or any other, passes.
 */
@LoggingFilter(name = BulkCleanupWarningFilter.NAME)
public final class BulkCleanupWarningFilter implements Filter {

    public static final String NAME = "hibernate-bulk-cleanup-warnings";
    static final String LOGGER = "org.hibernate.orm.session";
    static final Set<String> MESSAGE_IDS = Set.of("HHH90010101", "HHH90010108");

    @Override
    public boolean isLoggable(LogRecord record) {
        String message = record.getMessage();
        if (message == null || !LOGGER.equals(record.getLoggerName())) {
            return true;
        }
        int colon = message.indexOf(':');
        return colon < 0 || !MESSAGE_IDS.contains(message.substring(0, colon));
    }
}
