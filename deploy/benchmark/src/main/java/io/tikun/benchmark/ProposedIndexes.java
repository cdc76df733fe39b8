package io.tikun.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The indexes the million-case migrations add (routing V34, V35, V39, V40 and V41), read from the service's migration
 * files, so one run measures the same data without them ("before": dropped again after Flyway created them) and with
 * them ("after": the files' statements run again).
 */
final class ProposedIndexes {

    private static final Pattern CREATE = Pattern.compile(
            "create\\s+(?:unique\\s+)?index\\s+(?:concurrently\\s+)?(?:if\\s+not\\s+exists\\s+)?(\\w+)",
            Pattern.CASE_INSENSITIVE);

    /** One migration: its schema, file name, statements and the indexes it creates. */
    record Migration(String schema, String file, List<String> statements, List<String> indexes) {
    }

    private final List<Migration> migrations;

    private ProposedIndexes(List<Migration> migrations) {
        this.migrations = migrations;
    }

    static ProposedIndexes read(Path repository) throws IOException {
        List<Migration> found = new ArrayList<>();
        found.addAll(
                read(repository.resolve("routing-service/src/main/resources/db/migration"), "routing",
                        Set.of(34, 35, 39, 40, 41)));
        return new ProposedIndexes(found);
    }

    private static List<Migration> read(Path dir, String schema, Set<Integer> versions) throws IOException {
        List<Migration> found = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return found;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                Matcher version = Pattern.compile("^V(\\d+)__.*\\.sql$").matcher(name);
                if (!version.find()) {
                    continue;
                }
                int v = Integer.parseInt(version.group(1));
                if (!versions.contains(v)) {
                    continue;
                }
                StringBuilder code = new StringBuilder();
                for (String line : Files.readAllLines(file)) {
                    if (!line.strip().startsWith("--")) {
                        code.append(line).append('\n');
                    }
                }
                List<String> statements = new ArrayList<>();
                List<String> indexes = new ArrayList<>();
                for (String statement : code.toString().split(";")) {
                    if (!statement.isBlank()) {
                        statements.add(statement.strip());
                        Matcher index = CREATE.matcher(statement);
                        if (index.find()) {
                            indexes.add(index.group(1));
                        }
                    }
                }
                found.add(new Migration(schema, name, statements, indexes));
            }
        }
        return found;
    }

    boolean isEmpty() {
        return migrations.isEmpty();
    }

    List<Migration> migrations() {
        return migrations;
    }

    /** Drops what the migrations created, so the queries run as on the base schema. */
    void drop(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            for (Migration m : migrations) {
                for (String index : m.indexes()) {
                    s.execute("drop index if exists " + m.schema() + "." + index);
                }
            }
            s.execute("analyze");
        }
    }

    /** Runs the migrations' statements again (as Flyway did at start) and refreshes the statistics. */
    void create(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("set maintenance_work_mem = '256MB'");
            for (Migration m : migrations) {
                s.execute("set search_path = " + m.schema());
                for (String statement : m.statements()) {
                    s.execute(statement);
                }
            }
            s.execute("reset search_path");
            s.execute("analyze");
        }
    }
}
