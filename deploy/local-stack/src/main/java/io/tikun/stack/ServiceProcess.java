package io.tikun.stack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One Tikun service run from its packaged Quarkus application, configured by environment. */
public final class ServiceProcess implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final String HEAP = "-Xmx384m";

    private final String name;
    private final int port;
    private final ChildProcess process;

    private ServiceProcess(String name, int port, ChildProcess process) {
        this.name = name;
        this.port = port;
        this.process = process;
    }

    /**
     * Starts {@code module}'s quarkus-run.jar on {@code port} and waits until its readiness
     * check is UP (Kafka, databases and the OIDC provider reachable).
     */
    public static ServiceProcess start(String module, int port, Map<String, String> env, Path logDir) {
        Path jar = StackHome.root().resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: package the services first (./mvnw package -DskipTests)");
        }
        int httpPort = FreePorts.orNext(port);
        Map<String, String> environment = new HashMap<>(env);
        environment.put("QUARKUS_HTTP_PORT", Integer.toString(httpPort));
        environment.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        String ready = "http://127.0.0.1:" + httpPort + "/q/health/ready";
        ChildProcess process = ChildProcess.start(module,
                List.of(ChildProcess.javaExecutable(), HEAP, "-jar", jar.toString()), environment, jar.getParent(),
                logDir.resolve(module + ".log"), line -> false).awaitProbe(START_TIMEOUT, () -> HttpProbe.isOk(ready));
        return new ServiceProcess(module, httpPort, process);
    }

    public String name() {
        return name;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public Path log() {
        return process.log();
    }

    @Override
    public void close() {
        process.close();
    }
}
