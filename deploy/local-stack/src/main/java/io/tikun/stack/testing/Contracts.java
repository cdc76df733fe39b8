package io.tikun.stack.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import io.tikun.stack.StackHome;

/** Reads the event contracts a producing service publishes, so consumers test against the real thing. */
public final class Contracts {

    private Contracts() {
    }

    /** {@code <service>/src/main/resources/contracts/<file>} of the producer. */
    public static String read(String producerService, String file) {
        Path path = StackHome.root().resolve(producerService).resolve("src/main/resources/contracts").resolve(file);
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read contract " + path, e);
        }
    }
}
