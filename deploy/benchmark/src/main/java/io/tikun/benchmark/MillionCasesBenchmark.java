package io.tikun.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.tikun.stack.LocalStack;
import io.tikun.stack.PostgresServer;
import io.tikun.stack.StackOptions;

/**
 * A year of a large company's complaints: seeds a million cases (and their steps, conversations, resolutions, 200,000
 * promises, feedback and hotspots) into routing's and follow-up's PostgreSQL and a share of the complaints into intake's
 * store, then times every read the inbox, case page, customer panel and timeline, reports and hotspots run, and
 * explains their SQL. Measured twice on the same data when the million-case migrations exist: without their indexes
 * ("before") and with them ("after").
 */
public final class MillionCasesBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static void main(String[] args) throws Exception {
        BenchmarkArguments arguments = new BenchmarkArguments(args);
        MillionSeed.Sizes sizes = new MillionSeed.Sizes(arguments.integer("cases", 1_000_000),
                arguments.integer("customers", 300_000), arguments.integer("promises", 200_000),
                arguments.integer("hotspots", 3_000));
        int complaints = arguments.integer("complaints", 100_000);
        MillionMeasure measure = new MillionMeasure(arguments.integer("warm-up", 20), arguments.integer("requests", 200),
                arguments.duration("cap", Duration.ofSeconds(40)));
        Path results = arguments.path("results", Path.of("deploy/benchmark/RESULTS.md"));
        Path plansFile = arguments.path("plans", Path.of("deploy/benchmark/MILLION-PLANS.md"));
        ProposedIndexes proposed = ProposedIndexes.read(Path.of("."));

        Path data = Files.createTempDirectory("tikun-million-");
        StackOptions options = StackOptions.ephemeral(data)
                .withServices(LocalStack.INTAKE, LocalStack.ROUTING, LocalStack.FOLLOWUP)
                .withEnvironment(LocalStack.INTAKE, Map.of("TIKUN_INTAKE_RATE_LIMIT_CREDENTIAL_REQUESTS", "1000000000"));
        try (LocalStack stack = LocalStack.start(options)) {
            // Follow-up only had to migrate its schema: stopped, its reminder jobs leave the seeded promises alone.
            stack.followup().close();
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            ChannelTokens keycloak = new ChannelTokens(client, stack.keycloak().tokenUrl());
            StormLatencyBenchmark.FreshToken manager = new StormLatencyBenchmark.FreshToken(
                    () -> keycloak.user("manager", "manager"));
            StormLatencyBenchmark.FreshToken agent = new StormLatencyBenchmark.FreshToken(
                    () -> keycloak.user("agent", "agent"));
            String template = template(client, stack, keycloak.serviceAccount("tikun-web-channel", "web-channel-secret"),
                    manager.get());

            String jdbc = "jdbc:postgresql://127.0.0.1:" + stack.postgres().port() + "/" + LocalStack.DATABASE;
            try (Connection db = DriverManager.getConnection(jdbc, PostgresServer.USER, PostgresServer.PASSWORD)) {
                String loadBefore = MillionMeasure.load();
                MillionSeed.Loaded seeded = new MillionSeed(db).load(sizes);
                ComplaintSeed.Loaded mongo = new ComplaintSeed(stack.mongo().connectionString(), LocalStack.MONGO_DATABASE)
                        .load(template, complaints, sizes.customers());
                System.out.printf("seeded intake: %d complaints, %d customers in %.1f s, heap %d → %d MiB%n",
                        mongo.complaints(), mongo.customers(), mongo.took().toMillis() / 1000.0, mongo.heapBeforeMiB(),
                        mongo.heapAfterMiB());
                MillionQueries.Subjects subjects = subjects(db, mongo.sampleCustomers());

                Map<String, Phase> phases = new LinkedHashMap<>();
                if (!proposed.isEmpty()) {
                    proposed.drop(db);
                    phases.put("before (without the V34, V35, V39, V40 and V41 indexes)",
                            phase(client, stack, db, measure, subjects,
                                    manager, agent));
                    long create = System.nanoTime();
                    proposed.create(db);
                    System.out.printf("created the proposed indexes in %.1f s%n", (System.nanoTime() - create) / 1e9);
                    phases.put("after (with them)", phase(client, stack, db, measure, subjects, manager, agent));
                } else {
                    phases.put("as is", phase(client, stack, db, measure, subjects, manager, agent));
                }
                new ResultsFile(results).append("A million cases",
                        MillionReport.text(sizes, seeded, mongo, loadBefore, proposed, phases, measure));
                MillionReport.writePlans(plansFile, phases);
            }
        }
    }

    /** One measurement pass: every family over HTTP and SQL, and the plans. */
    record Phase(List<MillionMeasure.Timed> http, List<MillionMeasure.Timed> sql, List<MillionMeasure.Explained> plans) {
    }

    private static Phase phase(HttpClient client, LocalStack stack, Connection db, MillionMeasure measure,
            MillionQueries.Subjects subjects, StormLatencyBenchmark.FreshToken manager,
            StormLatencyBenchmark.FreshToken agent) throws IOException, InterruptedException, SQLException {
        List<MillionMeasure.Timed> http = new ArrayList<>();
        for (MillionQueries.HttpFamily family : MillionQueries.http(subjects)) {
            String base = "intake".equals(family.service()) ? stack.intake().url() : stack.routing().url();
            String token = "agent".equals(family.role()) ? agent.get() : manager.get();
            http.add(measure.http(client, base, token, family));
        }
        List<MillionMeasure.Timed> sql = new ArrayList<>();
        for (MillionQueries.SqlFamily family : MillionQueries.sql(subjects)) {
            sql.add(measure.sql(db, family));
        }
        List<MillionMeasure.Explained> plans = new ArrayList<>();
        for (MillionQueries.Plan plan : MillionQueries.plans(subjects)) {
            plans.add(MillionMeasure.explain(db, plan));
        }
        return new Phase(http, sql, plans);
    }

    /** A complaint accepted through intake and routed, whose stored document the complaint seed copies. */
    private static String template(HttpClient client, LocalStack stack, String channelToken, String managerToken)
            throws IOException, InterruptedException {
        String body = """
                {"customer":{"name":"Dana Levi","email":"dana.levi@example.com","phone":"+972541234567"},
                 "subject":"The washing machine leaks","body":"Since the technician's visit the machine leaks water on the floor.","channel":"web"}""";
        HttpResponse<String> response = client.send(StormLatencyBenchmark.complaint(stack.intake().url(), channelToken,
                body), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 202) {
            throw new IllegalStateException("intake refused the template complaint: " + response.statusCode() + " "
                    + response.body());
        }
        String id = JSON.readTree(response.body()).get("id").asText();
        Instant giveUp = Instant.now().plus(Duration.ofMinutes(2));
        while (Instant.now().isBefore(giveUp)) {
            HttpResponse<String> queue = client.send(HttpRequest.newBuilder(URI.create(stack.routing().url()
                    + "/api/v1/cases?complaintId=" + URLEncoder.encode(id, StandardCharsets.UTF_8)))
                    .header("Authorization", "Bearer " + managerToken).GET().build(), HttpResponse.BodyHandlers.ofString());
            JsonNode cases = queue.statusCode() == 200 ? JSON.readTree(queue.body()) : null;
            if (cases != null && cases.size() == 1) {
                return id;
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("routing opened no case for the template complaint " + id);
    }

    private static MillionQueries.Subjects subjects(Connection db, List<String> customers) throws SQLException {
        List<String> caseIds = new ArrayList<>();
        List<String> complaintIds = new ArrayList<>();
        try (Statement s = db.createStatement();
                ResultSet rs = s.executeQuery("select id, complaint_id from routing.support_case tablesample system (1) "
                        + "repeatable (7) where complaint_id like 'cmp-%' limit 200")) {
            while (rs.next()) {
                caseIds.add(rs.getString(1));
                complaintIds.add(rs.getString(2));
            }
        }
        String largest = MillionSeed.customers(db)[0];
        return new MillionQueries.Subjects(caseIds, complaintIds, customers, largest, Instant.now());
    }
}
