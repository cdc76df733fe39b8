package io.tikun.benchmark;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import io.tikun.stack.LocalStack;
import io.tikun.stack.PostgresServer;

/**
 * How many cases routing has opened, counted in its PostgreSQL table: the REST API's {@code X-Total-Count} stops at
 * {@code tikun.routing.cases.count-up-to}, fewer than a storm opens.
 */
final class OpenedCases implements AutoCloseable {

    private final Connection db;

    OpenedCases(LocalStack stack) throws SQLException {
        this.db = DriverManager.getConnection("jdbc:" + stack.postgres().reactiveUrl(LocalStack.DATABASE),
                PostgresServer.USER, PostgresServer.PASSWORD);
    }

    long count() throws SQLException {
        try (PreparedStatement query = db.prepareStatement("select count(*) from routing.support_case");
                ResultSet rows = query.executeQuery()) {
            return rows.next() ? rows.getLong(1) : 0;
        }
    }

    /** When routing began opening the case of each reference ({@code opened_at}), for those it has opened. */
    Map<String, Instant> openedAt(Collection<String> references) throws SQLException {
        Map<String, Instant> opened = new HashMap<>();
        try (PreparedStatement query = db.prepareStatement(
                "select reference, opened_at from routing.support_case where reference = any(?)")) {
            query.setArray(1, db.createArrayOf("varchar", references.toArray()));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    opened.put(rows.getString(1), rows.getTimestamp(2).toInstant());
                }
            }
        }
        return opened;
    }

    @Override
    public void close() throws SQLException {
        db.close();
    }
}
