package io.tikun.stack;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Ports and storage of a whole Tikun stack. A port of 0 means "any free port"; a persistent
 * stack keeps Kafka, PostgreSQL and MongoDB data in {@code dataDir} across runs.
 */
public record StackOptions(int kafkaPort, int postgresPort, int mongoPort, int keycloakPort, int smtpPort, int imapPort,
        int mailViewerPort, int intakePort, int routingPort, int followupPort, Path dataDir, boolean persistent,
        Map<String, Map<String, String>> environment,
        Set<String> services) {

    /** Every service: the default of a stack. */
    public static final Set<String> ALL_SERVICES = Set.of("intake-service", "routing-service", "followup-service");

    public StackOptions {
        environment = Map.copyOf(environment);
        services = Set.copyOf(services);
        if (!ALL_SERVICES.containsAll(services)) {
            throw new IllegalArgumentException("unknown service among " + services + "; known: " + ALL_SERVICES);
        }
    }

    public static final int LOCAL_KAFKA_PORT = 9092;
    public static final int LOCAL_POSTGRES_PORT = 15432;
    public static final int LOCAL_MONGO_PORT = 27017;
    public static final int LOCAL_KEYCLOAK_PORT = 8180;
    public static final int LOCAL_SMTP_PORT = 3025;
    public static final int LOCAL_IMAP_PORT = 3143;
    public static final int LOCAL_MAIL_VIEWER_PORT = 8025;
    public static final int LOCAL_INTAKE_PORT = 8081;
    public static final int LOCAL_ROUTING_PORT = 8082;
    public static final int LOCAL_FOLLOWUP_PORT = 8083;

    /**
     * Fixed, documented ports and data kept on disk: the one-command local run, with Swagger UI on
     * (the packaged services run their production profile, where it is off unless asked for).
     */
    public static StackOptions local(Path dataDir) {
        Map<String, String> swaggerUi = Map.of("QUARKUS_SWAGGER_UI_ENABLED", "true");
        Map<String, Map<String, String>> environment = new HashMap<>();
        ALL_SERVICES.forEach(service -> environment.put(service, swaggerUi));
        return new StackOptions(LOCAL_KAFKA_PORT, LOCAL_POSTGRES_PORT, LOCAL_MONGO_PORT, LOCAL_KEYCLOAK_PORT,
                LOCAL_SMTP_PORT, LOCAL_IMAP_PORT, LOCAL_MAIL_VIEWER_PORT, LOCAL_INTAKE_PORT, LOCAL_ROUTING_PORT,
                LOCAL_FOLLOWUP_PORT, dataDir, true, Map.copyOf(environment), ALL_SERVICES);
    }

    /** Free ports and throw-away data: system tests. */
    public static StackOptions ephemeral(Path dataDir) {
        return new StackOptions(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, dataDir, false, Map.of(), ALL_SERVICES);
    }

    /**
     * These options with data kept on disk in {@code dataDir}: PostgreSQL's data directory survives a stop and
     * the MongoDB-protocol server writes to an H2 file, so fault-injection tests can restart either.
     */
    public StackOptions withPersistentData() {
        return new StackOptions(kafkaPort, postgresPort, mongoPort, keycloakPort, smtpPort, imapPort, mailViewerPort,
                intakePort, routingPort, followupPort, dataDir, true, environment, services);
    }

    /** These options with {@code variables} added to the environment of {@code module} (e.g. "routing-service"). */
    public StackOptions withEnvironment(String module, Map<String, String> variables) {
        Map<String, Map<String, String>> all = new HashMap<>(environment);
        Map<String, String> merged = new HashMap<>(all.getOrDefault(module, Map.of()));
        merged.putAll(variables);
        all.put(module, Map.copyOf(merged));
        return new StackOptions(kafkaPort, postgresPort, mongoPort, keycloakPort, smtpPort, imapPort, mailViewerPort,
                intakePort, routingPort, followupPort, dataDir, persistent, all, services);
    }

    /**
     * These options with only {@code modules} started, e.g. intake alone for its benchmark; the
     * servers (Kafka, databases, mail, Keycloak) always start.
     */
    public StackOptions withServices(String... modules) {
        return new StackOptions(kafkaPort, postgresPort, mongoPort, keycloakPort, smtpPort, imapPort, mailViewerPort,
                intakePort, routingPort, followupPort, dataDir, persistent, environment, Set.of(modules));
    }

    /** The extra environment of {@code module}, empty when none was given. */
    public Map<String, String> environmentOf(String module) {
        return environment.getOrDefault(module, Map.of());
    }
}
