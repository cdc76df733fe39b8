package io.tikun.stack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** Locates the repository root, where the server distributions and service builds live. */
public final class StackHome {

    /** System property set by the build (the Maven multi-module root); optional. */
    public static final String ROOT_PROPERTY = "tikun.root";
    private static final String MARKER = "deploy/servers/pom.xml";

    private StackHome() {
    }

    public static Path root() {
        String configured = System.getProperty(ROOT_PROPERTY);
        if (configured != null && !configured.isBlank() && Files.exists(Paths.get(configured).resolve(MARKER))) {
            return Paths.get(configured).toAbsolutePath();
        }
        for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve(MARKER))) {
                return dir;
            }
        }
        throw new IllegalStateException("Cannot find the Tikun repository root (looked for " + MARKER
                + " above " + Paths.get("").toAbsolutePath() + "); set -D" + ROOT_PROPERTY);
    }

    public static Path servers() {
        return root().resolve("deploy/servers/target");
    }

    static Path requireDirectory(Path dir, String hint) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException(dir + " is missing: " + hint);
        }
        return dir;
    }
}
