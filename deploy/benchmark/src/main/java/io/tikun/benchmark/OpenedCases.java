package io.tikun.benchmark;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

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

    @Override
    public void close() throws SQLException {
        db.close();
    }
}
