package io.tikun.routing.notification;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

/**
 * What another routing instance does to the shared database, over a JDBC connection of its own: delivering a
 * stream notification (the row marked sent and its id NOTIFYed in one transaction), and looking at or cutting
 * the connections that LISTEN on the shared stream's channel.
 */
final class AnotherInstance implements AutoCloseable {

    private static final String STORE_SENT = """
            insert into routing.notification (id, case_id, kind, level, channel, recipient, subject, body, state,
                attempts, created_at, available_at, sent_at)
            values (?, ?, ?, ?, 'stream', 'console', ?, ?, 'SENT', 1, ?, ?, ?)""";
    private static final String LISTENERS = """
            select pid from pg_stat_activity
            where datname = current_database() and pid <> pg_backend_pid() and state = 'idle'
              and query ilike 'LISTEN %'""";

    private final Connection connection;
    private final String channel;

    private AnotherInstance(Connection connection, String channel) {
        this.connection = connection;
        this.channel = channel;
    }

    static AnotherInstance connect(String jdbcUrl, String user, String password, String channel) throws SQLException {
        return new AnotherInstance(DriverManager.getConnection(jdbcUrl, user, password), channel);
    }

    /** Stores the notification as delivered and announces its id, committed together as the dispatcher does. */
    void deliver(StreamedNotification n, String body) throws SQLException {
        deliverAll(List.of(n), List.of(body));
    }

    /**
     * Stores the notifications as delivered and announces their ids, all in one transaction: PostgreSQL sends the
     * announcements together at the commit, as after one dispatcher pass.
     */
    void deliverAll(List<StreamedNotification> all, List<String> bodies) throws SQLException {
        connection.setAutoCommit(false);
        try (PreparedStatement insert = connection.prepareStatement(STORE_SENT);
                PreparedStatement notify = connection.prepareStatement("select pg_notify(?, ?)")) {
            for (int i = 0; i < all.size(); i++) {
                StreamedNotification n = all.get(i);
                Timestamp at = Timestamp.from(n.at());
                insert.setObject(1, n.id());
                insert.setObject(2, n.caseId());
                insert.setString(3, n.kind());
                insert.setString(4, n.level().name());
                insert.setString(5, n.text());
                insert.setString(6, bodies.get(i));
                insert.setTimestamp(7, at);
                insert.setTimestamp(8, at);
                insert.setTimestamp(9, at);
                insert.executeUpdate();
                notify.setString(1, channel);
                notify.setString(2, n.id().toString());
                notify.execute();
            }
            connection.commit();
        } finally {
            connection.setAutoCommit(true);
        }
    }

    /** Backend process ids of the connections whose last statement was a LISTEN that has completed. */
    List<Integer> listeners() throws SQLException {
        List<Integer> pids = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(LISTENERS); ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                pids.add(rows.getInt(1));
            }
        }
        return pids;
    }

    /** Ends the given server processes, as a database restart or a network cut would. */
    void terminate(List<Integer> pids) throws SQLException {
        try (PreparedStatement kill = connection.prepareStatement("select pg_terminate_backend(?)")) {
            for (int pid : pids) {
                kill.setInt(1, pid);
                kill.execute();
            }
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
