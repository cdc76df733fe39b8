package io.tikun.system;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.awaitility.core.ConditionTimeoutException;

import io.tikun.stack.LocalStack;
import io.tikun.stack.PostgresServer;

/**
 * What became of the accepted complaints in one place (cases, follow-up records, mails): how many arrived
 * once (delivered), more than once (duplicated) or never (lost).
 */
record DeliveryCounts(String what, int expected, long delivered, long duplicated, long lost) {

    /** Counts for {@code expected} keys, given how many effects each key has in {@code effects}. */
    static DeliveryCounts of(String what, Collection<String> expected, Map<String, Integer> effects) {
        long lost = expected.stream().filter(key -> effects.getOrDefault(key, 0) == 0).count();
        long duplicated = expected.stream().filter(key -> effects.getOrDefault(key, 0) > 1).count();
        return new DeliveryCounts(what, expected.size(), expected.size() - lost, duplicated, lost);
    }

    boolean complete() {
        return lost == 0;
    }

    boolean exactlyOnce() {
        return lost == 0 && duplicated == 0;
    }

    @Override
    public String toString() {
        return "%s: expected %d, delivered %d, duplicated %d, lost %d".formatted(what, expected, delivered, duplicated,
                lost);
    }

    /**
     * Waits until every one of {@code complaintIds} has a case in routing and a record in follow-up (or
     * {@code atMost} passes), then counts both; a store that is still recovering is simply asked again.
     */
    static List<DeliveryCounts> awaitCasesAndFollowUps(LocalStack stack, Collection<String> complaintIds,
            Duration atMost) {
        AtomicReference<List<DeliveryCounts>> last = new AtomicReference<>();
        try {
            org.awaitility.Awaitility.await().atMost(atMost).pollInterval(Duration.ofSeconds(2)).ignoreExceptions()
                    .until(() -> {
                        List<DeliveryCounts> counts = List.of(of("cases", complaintIds, casesPerComplaint(stack)),
                                of("follow-up records", complaintIds, followUpsPerComplaint(stack)));
                        last.set(counts);
                        return counts.stream().allMatch(DeliveryCounts::complete);
                    });
        } catch (ConditionTimeoutException e) {
            // Reported through the counts below (lost > 0), which the test asserts and prints.
        }
        if (last.get() == null) {
            throw new IllegalStateException("routing's and follow-up's tables could not be read within " + atMost);
        }
        return last.get();
    }

    /** Cases per complaint id in routing's schema. */
    static Map<String, Integer> casesPerComplaint(LocalStack stack) throws SQLException {
        return countPerKey(stack, "select complaint_id, count(*) from routing.support_case group by complaint_id");
    }

    /** Complaint records per complaint id in follow-up's schema. */
    static Map<String, Integer> followUpsPerComplaint(LocalStack stack) throws SQLException {
        return countPerKey(stack,
                "select complaint_id, count(*) from followup.customer_complaint group by complaint_id");
    }

    /** {@code sql} selects a key and a count, read straight from the stack's PostgreSQL. */
    static Map<String, Integer> countPerKey(LocalStack stack, String sql) throws SQLException {
        Map<String, Integer> counts = new HashMap<>();
        String url = "jdbc:postgresql://127.0.0.1:" + stack.postgres().port() + "/" + LocalStack.DATABASE;
        try (Connection db = DriverManager.getConnection(url, PostgresServer.USER, PostgresServer.PASSWORD);
                Statement statement = db.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                counts.put(rows.getString(1), rows.getInt(2));
            }
        }
        return counts;
    }
}
