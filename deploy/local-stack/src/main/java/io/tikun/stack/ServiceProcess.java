package io.tikun.stack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One Tikun service run from its packaged Quarkus application, configured by environment. */
public final class ServiceProcess implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final String HEAP = "-Xmx384m";
    /** Marks a service's JVM on its command line, so {@link #kill()} finds exactly that process. */
    private static final String INSTANCE_PROPERTY = "-Dtikun.stack.instance=";
    private static final Duration KILL_TIMEOUT = Duration.ofSeconds(10);
    /** The local run's documented management ports (health, metrics, OpenAPI) beside each service port. */
    private static final Map<Integer, Integer> DOCUMENTED_MANAGEMENT_PORTS = Map.of(8081, 9001, 8082, 9002, 8083, 9003);

    private final String name;
    private final String instance;
    private final int port;
    private final int managementPort;
    private final List<String> command;
    private final Map<String, String> environment;
    private final Path workDir;
    private final Path log;
    private ChildProcess process;

    private ServiceProcess(String name, String instance, int port, int managementPort, List<String> command,
            Map<String, String> environment, Path workDir, Path log) {
        this.name = name;
        this.instance = instance;
        this.port = port;
        this.managementPort = managementPort;
        this.command = command;
        this.environment = environment;
        this.workDir = workDir;
        this.log = log;
        this.process = launch();
    }

    /**
     * Starts {@code module}'s quarkus-run.jar on {@code port} and waits until its readiness
     * check, on the management port, is UP (databases and the OIDC provider reachable).
     */
    public static ServiceProcess start(String module, int port, Map<String, String> env, Path logDir) {
        return start(module, module, port, env, logDir);
    }

    /**
     * Starts one more instance of {@code module}, named {@code instance} (its log is
     * {@code <instance>.log}), e.g. a second routing-service sharing the first one's database and broker.
     */
    public static ServiceProcess start(String module, String instance, int port, Map<String, String> env,
            Path logDir) {
        Path jar = StackHome.root().resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: package the services first (./mvnw package -DskipTests)");
        }
        int httpPort = FreePorts.orNext(port);
        Map<String, String> environment = new HashMap<>(env);
        environment.put("QUARKUS_HTTP_PORT", Integer.toString(httpPort));
        environment.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        int managementPort = FreePorts.orNext(DOCUMENTED_MANAGEMENT_PORTS.getOrDefault(port, 0));
        environment.put("QUARKUS_MANAGEMENT_PORT", Integer.toString(managementPort));
        environment.put("QUARKUS_MANAGEMENT_HOST", "127.0.0.1");
        List<String> command = new ArrayList<>(List.of(ChildProcess.javaExecutable(), HEAP, marker(instance, httpPort)));
        command.addAll(ChildJvmOptions.fromSystemProperty());
        command.addAll(List.of("-jar", jar.toString()));
        return new ServiceProcess(module, instance, httpPort, managementPort, List.copyOf(command),
                Map.copyOf(environment), jar.getParent(), logDir.resolve(instance + ".log"));
    }

    /**
     * The JVM's mark: the instance's name and its port, so that a test killing "routing-service" of one stack never
     * kills the routing-service of another stack running in the same test JVM (the system tests share one).
     */
    private static String marker(String instance, int httpPort) {
        return INSTANCE_PROPERTY + instance + "@" + httpPort;
    }

    /** Starts the JVM and waits until its readiness check, on the management port, is UP. */
    private ChildProcess launch() {
        String ready = managementUrl() + "/q/health/ready";
        return ChildProcess.start(instance, command, environment, workDir, log, line -> false)
                .awaitProbe(START_TIMEOUT, () -> HttpProbe.isOk(ready));
    }

    /**
     * Starts the service again after {@link #kill()}, on the same ports with the same environment (its log
     * goes on in the same file), and waits until it is ready; returns how long that took.
     */
    public Duration restart() {
        if (process.isAlive()) {
            throw new IllegalStateException(instance + " is still running");
        }
        long started = System.nanoTime();
        process = launch();
        return Duration.ofNanos(System.nanoTime() - started);
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Whether the service's readiness check answers UP right now. */
    public boolean isReady() {
        return HttpProbe.isOk(managementUrl() + "/q/health/ready");
    }

    public String name() {
        return name;
    }

    public String instance() {
        return instance;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** Health, metrics and OpenAPI: a port of their own, never the public one. */
    public String managementUrl() {
        return "http://127.0.0.1:" + managementPort;
    }

    public Path log() {
        return process.log();
    }

    /** The process id of the service's JVM (found by its mark), e.g. to attach a profiler to it with jcmd. */
    public long pid() {
        String marker = marker(instance, port);
        return ProcessHandle.current().descendants()
                .filter(p -> p.info().arguments().map(args -> List.of(args).contains(marker)).orElse(false))
                .mapToLong(ProcessHandle::pid).findFirst()
                .orElseThrow(() -> new IllegalStateException(instance + " has no running JVM"));
    }

    /**
     * Ends the service's JVM with SIGKILL, as a crash or an OOM killer would: no shutdown hooks, no
     * goodbye to the Kafka group, open transactions cut off. {@link #close()} afterwards does nothing.
     */
    public void kill() {
        String marker = marker(instance, port);
        ProcessHandle.current().descendants()
                .filter(p -> p.info().arguments().map(args -> List.of(args).contains(marker)).orElse(false))
                .forEach(p -> {
                    p.destroyForcibly();
                    p.onExit().orTimeout(KILL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).join();
                });
        if (process.isAlive()) {
            throw new IllegalStateException(instance + " is still running after SIGKILL");
        }
    }

    @Override
    public void close() {
        process.close();
    }
}
