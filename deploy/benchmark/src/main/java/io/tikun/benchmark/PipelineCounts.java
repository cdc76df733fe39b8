package io.tikun.benchmark;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import io.tikun.stack.LocalStack;
import io.tikun.stack.MailSandbox;
import io.tikun.stack.PostgresServer;

/**
 * How far each stage of the complaint pipeline has got, counted where each stage writes: records on
 * {@code complaints.received} and {@code complaints.received.urgent} (their partitions' end offsets: what intake has
 * published), cases routing has opened ({@code routing.support_case}) and complaints follow-up has filed
 * ({@code followup.customer_complaint}), and beside them the messages the mail sandbox received (each complaint's
 * acknowledgement to its customer). Reads only.
 */
final class PipelineCounts implements AutoCloseable {

    /** One reading of every stage. */
    record Reading(long published, long opened, long filed, long mailed) {
    }

    private final Connection db;
    private final MailSandbox mail;
    private final PublishedComplaintEvents published;

    PipelineCounts(LocalStack stack) throws SQLException {
        mail = stack.mail();
        db = DriverManager.getConnection("jdbc:" + stack.postgres().reactiveUrl(LocalStack.DATABASE), PostgresServer.USER,
                PostgresServer.PASSWORD);
        published = new PublishedComplaintEvents(stack.kafka().bootstrapServers());
    }

    Reading read() throws SQLException {
        return new Reading(published.count(), count("routing.support_case"), count("followup.customer_complaint"),
                mail.received());
    }

    private long count(String table) throws SQLException {
        try (PreparedStatement query = db.prepareStatement("select count(*) from " + table);
                ResultSet rows = query.executeQuery()) {
            return rows.next() ? rows.getLong(1) : 0;
        }
    }

    @Override
    public void close() throws SQLException {
        published.close();
        db.close();
    }
}
