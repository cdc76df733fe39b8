package io.tikun.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Keycloak from its official distribution (unpacked by deploy/servers), in development mode with
 * an in-memory database and the Tikun realm imported at every start.
 */
public final class KeycloakServer implements AutoCloseable {

    public static final String REALM = "tikun";
    public static final String ADMIN_USER = "admin";
    public static final String ADMIN_PASSWORD = "admin";
    private static final String VERSION = "26.7.3";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);
    private static final String HEAP = "-Xms64m -Xmx768m";

    private final int port;
    private final ChildProcess process;

    private KeycloakServer(int port, ChildProcess process) {
        this.port = port;
        this.process = process;
    }

    /** The realm definition kept with the deploy files. */
    public static Path realmFile() {
        return StackHome.root().resolve("deploy/keycloak/tikun-realm.json");
    }

    public static KeycloakServer start(int port, Path logDir) {
        Path home = StackHome.requireDirectory(StackHome.servers().resolve("keycloak-" + VERSION),
                "build deploy/servers first (./mvnw -pl deploy/servers package)");
        int httpPort = FreePorts.orNext(port);
        int managementPort = FreePorts.next();
        try {
            Path imports = Files.createDirectories(home.resolve("data/import"));
            Files.copy(realmFile(), imports.resolve(REALM + "-realm.json"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stage the realm for import", e);
        }
        String url = "http://127.0.0.1:" + httpPort;
        List<String> command = List.of(home.resolve("bin/kc.sh").toString(), "start-dev", "--import-realm",
                "--db=dev-mem", "--http-host=127.0.0.1", "--http-port=" + httpPort,
                "--http-management-port=" + managementPort, "--hostname=" + url);
        Map<String, String> env = Map.of(
                "JAVA_HOME", System.getProperty("java.home"),
                "JAVA_OPTS_KC_HEAP", HEAP,
                "JAVA_OPTS_APPEND", String.join(" ", ChildJvmOptions.fromSystemProperty()),
                "KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USER,
                "KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
        String discovery = url + "/realms/" + REALM + "/.well-known/openid-configuration";
        ChildProcess process = ChildProcess.start("keycloak", command, env, home, logDir.resolve("keycloak.log"),
                line -> false).awaitProbe(START_TIMEOUT, () -> HttpProbe.isOk(discovery));
        return new KeycloakServer(httpPort, process);
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** What services put in {@code quarkus.oidc.auth-server-url}. */
    public String realmUrl() {
        return url() + "/realms/" + REALM;
    }

    public String tokenUrl() {
        return realmUrl() + "/protocol/openid-connect/token";
    }

    @Override
    public void close() {
        process.close();
    }
}
