package io.tikun.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

/**
 * {@code deploy/run-local.sh [--fresh]}: starts the whole system
 * on the documented local ports, prints where everything is, and stops it all on Ctrl-C.
 */
public final class LocalStackLauncher {

    private static final String DATA_ENV = "TIKUN_LOCAL_DATA";
    private static final String LOG_LEVEL_PROPERTY = "org.slf4j.simpleLogger.defaultLogLevel";

    private LocalStackLauncher() {
    }

    public static void main(String[] args) throws InterruptedException {
        // The embedded servers log every connection at INFO; the services' own logs are in the log folder.
        if (System.getProperty(LOG_LEVEL_PROPERTY) == null) {
            System.setProperty(LOG_LEVEL_PROPERTY, "warn");
        }
        Path data = System.getenv(DATA_ENV) != null ? Path.of(System.getenv(DATA_ENV))
                : Path.of(System.getProperty("user.home"), ".tikun", "local");
        if (Stream.of(args).anyMatch("--fresh"::equals)) {
            deleteRecursively(data);
        }
        Instant begin = Instant.now();
        System.out.println("Starting Tikun (data in " + data + ", logs in " + data.resolve("logs") + ") ...");
        LocalStack stack = LocalStack.start(StackOptions.local(data));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping Tikun ...");
            stack.close();
            stopped.countDown();
        }, "tikun-stop"));
        System.out.println(banner(stack, Duration.between(begin, Instant.now())));
        stopped.await();
    }

    static String banner(LocalStack stack, Duration startup) {
        KeycloakServer kc = stack.keycloak();
        return """

                Tikun is up (started in %d s). Ctrl-C stops everything.

                  intake-service    %s   (health, metrics, Swagger UI: %s/q/swagger-ui)
                  routing-service   %s   (health, metrics, Swagger UI: %s/q/swagger-ui)
                  followup-service  %s   (health, metrics, Swagger UI: %s/q/swagger-ui)

                  Keycloak          %s   (admin console: %s / %s)
                  Kafka             %s
                  PostgreSQL        %s   (user %s / %s, database %s)
                  MongoDB protocol  %s
                  Mail sandbox      SMTP 127.0.0.1:%d, IMAP 127.0.0.1:%d, captured mail: %s

                Demo users (password = user name): agent, manager, admin. Channel client: tikun-web-channel / web-channel-secret

                Try it:
                  TOKEN=$(curl -s -d grant_type=client_credentials -d client_id=tikun-web-channel \\
                     -d client_secret=web-channel-secret %s | sed 's/.*"access_token":"\\([^"]*\\)".*/\\1/')
                  curl -s -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' %s/api/v1/complaints \\
                     -d '{"channel":"web","customer":{"name":"Dana Levi","email":"dana@example.com"},
                          "subject":"Broken heater","body":"I will sue you if this is not fixed today."}'
                  curl -s %s
                """.formatted(startup.toSeconds(),
                stack.intake().url(), stack.intake().managementUrl(), stack.routing().url(),
                stack.routing().managementUrl(), stack.followup().url(), stack.followup().managementUrl(),
                kc.url(), KeycloakServer.ADMIN_USER, KeycloakServer.ADMIN_PASSWORD,
                stack.kafka().bootstrapServers(),
                stack.postgres().reactiveUrl(LocalStack.DATABASE), PostgresServer.USER, PostgresServer.PASSWORD,
                LocalStack.DATABASE,
                stack.mongo().connectionString(),
                stack.mail().smtpPort(), stack.mail().imapPort(), stack.mail().viewerUrl().orElse("-"),
                kc.tokenUrl(), stack.intake().url(), stack.mail().viewerUrl().orElse("-"));
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot wipe " + dir, e);
        }
    }
}
