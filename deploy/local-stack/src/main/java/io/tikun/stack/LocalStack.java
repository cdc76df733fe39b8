package io.tikun.stack;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The whole system on one machine: Kafka, PostgreSQL, the MongoDB-protocol server, Keycloak, the
 * mail sandbox and the three services, wired together exactly through the environment variables
 * the README documents for pointing services at real infrastructure.
 */
public final class LocalStack implements AutoCloseable {

    public static final String DATABASE = "tikun";
    public static final String MONGO_DATABASE = "tikun";
    public static final String SERVICE_MANAGER_EMAIL = "manager@tikun.local";
    public static final String MAIL_FROM = "tikun@tikun.local";
    /** The sandbox mailbox intake imports complaints from in the local run (password = address). */
    public static final String SUPPORT_MAILBOX = "support@tikun.local";
    public static final String LOCAL_META_APP_SECRET = "local-meta-app-secret";
    public static final String LOCAL_META_VERIFY_TOKEN = "local-meta-verify-token";
    public static final String LOCAL_X_CONSUMER_SECRET = "local-x-consumer-secret";
    /** The X account the local run is subscribed to: deliveries for other accounts are refused. */
    public static final String LOCAL_X_SUBSCRIBED_USER_ID = "1460000000000000001";
    /** Signs customer links in the local run only (at least 32 bytes, as follow-up requires). */
    static final String LOCAL_LINK_SECRET = "local-run-only-link-signing-secret-0001";
    /** Signs the complaint form's CSRF tokens and receipt links in the local run only. */
    static final String LOCAL_FORM_SECRET = "local-run-only-complaint-form-secret-0001";
    /** Secret of the {@code tikun-console} client in the realm file, for the local run only. */
    static final String LOCAL_CONSOLE_SECRET = "local-console-secret-change-me-0001";
    public static final String INTAKE = "intake-service";
    public static final String ROUTING = "routing-service";
    public static final String FOLLOWUP = "followup-service";
    private static final int PARTITIONS = 3;
    /**
     * Every topic of ARCHITECTURE.md, with the dead-letter topics of those consumed: created before any service
     * starts, here and by the test broker, as production creates them (deploy/k8s/kafka-topics.yaml).
     */
    public static final List<String> TOPICS = List.of("complaints.received", "complaints.received.dlq",
            "complaints.received.urgent",
            "complaints.received.urgent.dlq", "complaints.message-added",
            "complaints.message-added.dlq", "cases.updated",
            "cases.updated.dlq", "commitments.made", "commitments.made.dlq", "commitments.updated",
            "commitments.updated.dlq", "hotspots.detected", "hotspots.detected.dlq", "social.replies", "social.replies.dlq",
            "customer.messages.requested", "customer.messages.requested.dlq", "customer.messages.status",
            "customer.messages.status.dlq", "customers.feedback", "customers.feedback.dlq");

    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final StackOptions options;
    private KafkaBroker kafka;
    private PostgresServer postgres;
    private MongoProtocolServer mongo;
    private MailSandbox mail;
    private KeycloakServer keycloak;
    private ServiceProcess intake;
    private ServiceProcess routing;
    private ServiceProcess followup;
    /** How many instances of each service were started, the first one included: the next one's number. */
    private final Map<String, Integer> instances = new HashMap<>();

    private LocalStack(StackOptions options) {
        this.options = options;
    }

    public static LocalStack start(StackOptions options) {
        LocalStack stack = new LocalStack(options);
        try {
            stack.startAll();
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    private void startAll() {
        Path data = options.dataDir();
        Path logs = data.resolve("logs");
        // Keycloak is by far the slowest to start: let it boot while the rest comes up.
        CompletableFuture<KeycloakServer> keycloakStart = CompletableFuture
                .supplyAsync(() -> KeycloakServer.start(options.keycloakPort(), logs));
        kafka = keep(KafkaBroker.start(options.kafkaPort(), PARTITIONS, data.resolve("kafka")));
        kafka.createTopics(TOPICS, PARTITIONS);
        postgres = keep(PostgresServer.start(options.postgresPort(), data.resolve("postgres"), options.persistent())
                .ensureDatabase(DATABASE));
        mongo = keep(options.persistent() ? MongoProtocolServer.onDisk(options.mongoPort(), data.resolve("mongo/tikun.mv"))
                : MongoProtocolServer.inMemory(options.mongoPort()));
        mail = keep(MailSandbox.start(options.smtpPort(), options.imapPort()).withViewer(options.mailViewerPort()));
        mail.addMailbox(SERVICE_MANAGER_EMAIL, SERVICE_MANAGER_EMAIL);
        mail.addMailbox(SUPPORT_MAILBOX, SUPPORT_MAILBOX);
        keycloak = keep(Futures.join(keycloakStart));

        // The confirmation links in intake's mails point at intake itself, so its port is fixed before it starts.
        int intakePort = FreePorts.orNext(options.intakePort());
        CompletableFuture<ServiceProcess> intakeStart = startIfWanted(INTAKE,
                () -> ServiceProcess.start(INTAKE, intakePort, environmentOf(INTAKE, intakePort), logs));
        CompletableFuture<ServiceProcess> routingStart = startIfWanted(ROUTING,
                () -> ServiceProcess.start(ROUTING, options.routingPort(), environmentOf(ROUTING, 0), logs));
        // The customer links in follow-up's mails point at follow-up itself, so its port is fixed before it starts.
        int followupPort = FreePorts.orNext(options.followupPort());
        CompletableFuture<ServiceProcess> followupStart = startIfWanted(FOLLOWUP,
                () -> ServiceProcess.start(FOLLOWUP, followupPort, environmentOf(FOLLOWUP, followupPort), logs));
        intake = keepStarted(Futures.join(intakeStart));
        routing = keepStarted(Futures.join(routingStart));
        followup = keepStarted(Futures.join(followupStart));
    }

    private CompletableFuture<ServiceProcess> startIfWanted(String module, Supplier<ServiceProcess> start) {
        return options.services().contains(module) ? CompletableFuture.supplyAsync(start)
                : CompletableFuture.completedFuture(null);
    }

    /** A service that was not wanted stays null, and its accessor says so when asked. */
    private ServiceProcess keepStarted(ServiceProcess service) {
        return service == null ? null : keep(service);
    }

    /**
     * Starts one more instance of {@code module} on a free port, wired exactly like the first one
     * (same database, broker, consumer groups, mail server and issuer), and stops it with the stack.
     * Its log is {@code logs/<module>-<n>.log}.
     */
    public ServiceProcess startInstance(String module) {
        return startInstance(module, Map.of());
    }

    /**
     * {@link #startInstance(String)} with {@code environment} added last, for what must differ between two instances
     * of one service (e.g. the name each gives itself to the mail server). Several may be started at once from
     * different threads (e.g. a second instance of every service), as the first instances are.
     */
    public ServiceProcess startInstance(String module, Map<String, String> environment) {
        int port = FreePorts.next();
        String instance = module + "-" + nextInstanceNumber(module);
        Map<String, String> env = environmentOf(module, port);
        env.putAll(environment);
        return keep(ServiceProcess.start(module, instance, port, env, options.dataDir().resolve("logs")));
    }

    /** The environment of {@code module}'s instance on {@code port}, with the options' extra variables last. */
    private Map<String, String> environmentOf(String module, int port) {
        Map<String, String> env = switch (module) {
            case INTAKE -> intakeEnvironment(port);
            case ROUTING -> routingEnvironment();
            case FOLLOWUP -> followupEnvironment(port);
            default -> throw new IllegalArgumentException("no such service: " + module);
        };
        env.putAll(options.environmentOf(module));
        return env;
    }

    private Map<String, String> commonEnvironment() {
        Map<String, String> env = new HashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        env.put("QUARKUS_OIDC_AUTH_SERVER_URL", keycloak.realmUrl());
        return env;
    }

    private Map<String, String> databaseEnvironment() {
        Map<String, String> env = commonEnvironment();
        env.put("QUARKUS_DATASOURCE_REACTIVE_URL", postgres.reactiveUrl(DATABASE));
        env.put("QUARKUS_DATASOURCE_USERNAME", PostgresServer.USER);
        env.put("QUARKUS_DATASOURCE_PASSWORD", PostgresServer.PASSWORD);
        return env;
    }

    Map<String, String> intakeEnvironment(int port) {
        Map<String, String> env = commonEnvironment();
        env.put("QUARKUS_MONGODB_CONNECTION_STRING", mongo.connectionString());
        env.put("QUARKUS_MONGODB_DATABASE", MONGO_DATABASE);
        env.putAll(mailEnvironment());
        // Mail sent to the support mailbox of the sandbox becomes a complaint (IMAP import).
        env.put("TIKUN_INTAKE_IMAP_ENABLED", "true");
        env.put("TIKUN_INTAKE_IMAP_HOST", "127.0.0.1");
        env.put("TIKUN_INTAKE_IMAP_PORT", Integer.toString(mail.imapPort()));
        env.put("TIKUN_INTAKE_IMAP_SSL", "false");
        env.put("TIKUN_INTAKE_IMAP_USERNAME", SUPPORT_MAILBOX);
        env.put("TIKUN_INTAKE_IMAP_PASSWORD", SUPPORT_MAILBOX);
        env.put("TIKUN_INTAKE_IMAP_POLL_EVERY", "5s");
        // Customers' answers to Tikun's mails go back to the mailbox intake imports from.
        env.put("TIKUN_INTAKE_OUTBOUND_REPLY_TO", SUPPORT_MAILBOX);
        // Local-only secrets, so the social webhooks can be tried with self-signed requests.
        env.put("TIKUN_CHANNELS_META_APP_SECRET", LOCAL_META_APP_SECRET);
        env.put("TIKUN_CHANNELS_META_VERIFY_TOKEN", LOCAL_META_VERIFY_TOKEN);
        env.put("TIKUN_CHANNELS_X_CONSUMER_SECRET", LOCAL_X_CONSUMER_SECRET);
        env.put("TIKUN_CHANNELS_X_SUBSCRIBED_USER_IDS", LOCAL_X_SUBSCRIBED_USER_ID);
        env.put("TIKUN_INTAKE_FORM_PUBLIC_URL", "http://127.0.0.1:" + port);
        // The complaint form over plain http on loopback: a Secure cookie would not come back on every browser.
        env.put("TIKUN_INTAKE_FORM_SECRET", LOCAL_FORM_SECRET);
        env.put("TIKUN_INTAKE_FORM_SECURE_COOKIE", "false");
        // Each instance's hotspot state (Kafka Streams, RocksDB) in a directory of its own: two on one host would
        // fight over one directory's lock.
        env.put("KAFKA_STREAMS_STATE_DIR", options.dataDir().resolve("intake-streams-" + port).toString());
        return env;
    }

    Map<String, String> routingEnvironment() {
        Map<String, String> env = databaseEnvironment();
        env.putAll(mailEnvironment());
        env.put("TIKUN_ROUTING_NOTIFICATIONS_SERVICE_MANAGER_EMAIL", SERVICE_MANAGER_EMAIL);
        // The manager console's confidential Keycloak client (deploy/keycloak/tikun-realm.json, local only).
        env.put("QUARKUS_OIDC_BROWSER_CREDENTIALS_SECRET", LOCAL_CONSOLE_SECRET);
        return env;
    }

    private Map<String, String> mailEnvironment() {
        return Map.of("QUARKUS_MAILER_HOST", "127.0.0.1",
                "QUARKUS_MAILER_PORT", Integer.toString(mail.smtpPort()),
                "QUARKUS_MAILER_FROM", MAIL_FROM);
    }

    Map<String, String> followupEnvironment(int port) {
        Map<String, String> env = databaseEnvironment();
        env.putAll(mailEnvironment());
        env.put("TIKUN_FOLLOWUP_LINKS_SECRETS", LOCAL_LINK_SECRET);
        env.put("TIKUN_FOLLOWUP_LINKS_BASE_URL", "http://127.0.0.1:" + port + "/verify");
        env.put("TIKUN_FOLLOWUP_CSAT_BASE_URL", "http://127.0.0.1:" + port + "/csat");
        // Broken promises reach the same service manager as routing's alerts.
        env.put("TIKUN_FOLLOWUP_MAIL_SERVICE_MANAGER", SERVICE_MANAGER_EMAIL);
        return env;
    }

    /** 2 for a service's second instance, 3 for its third, whichever other services were doubled. */
    private synchronized int nextInstanceNumber(String module) {
        return instances.merge(module, 2, (last, second) -> last + 1);
    }

    private synchronized <T extends AutoCloseable> T keep(T server) {
        started.push(server);
        return server;
    }

    /** The most recently started server not yet stopped, or null when none is left. */
    private synchronized AutoCloseable nextToStop() {
        return started.poll();
    }

    public KafkaBroker kafka() {
        return kafka;
    }

    public PostgresServer postgres() {
        return postgres;
    }

    public MongoProtocolServer mongo() {
        return mongo;
    }

    public MailSandbox mail() {
        return mail;
    }

    public KeycloakServer keycloak() {
        return keycloak;
    }

    public ServiceProcess intake() {
        return intake;
    }

    public ServiceProcess routing() {
        return routing;
    }

    public ServiceProcess followup() {
        return followup;
    }

    /** Stops everything in the reverse order of starting. */
    @Override
    public void close() {
        for (AutoCloseable server = nextToStop(); server != null; server = nextToStop()) {
            try {
                server.close();
            } catch (Exception e) {
                System.err.println("while stopping: " + e.getMessage());
            }
        }
    }
}
