package io.tikun.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import io.tikun.stack.LocalStack;
import io.tikun.stack.StackOptions;

/**
 * One running Tikun (every server and the three services) for the system tests that can share it: started when the
 * first such class begins, stopped when the whole test run ends (JUnit closes what the root store holds). Starting a
 * stack costs about 100 s on this machine; each test class that shares one works with its own customers, e-mail
 * addresses and phone numbers, and looks only at its own cases, mails and notifications. Tests that stop, restart or
 * double a server start a stack of their own.
 */
public final class SharedStack implements BeforeAllCallback {

    private static volatile LocalStack started;

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(SharedStack.class, key -> new Running(start()), Running.class);
    }

    /** The shared stack; only in a class extended with {@code @ExtendWith(SharedStack.class)}. */
    static LocalStack stack() {
        LocalStack stack = started;
        if (stack == null) {
            throw new IllegalStateException("no shared stack: extend the test class with SharedStack");
        }
        return stack;
    }

    private static LocalStack start() {
        try {
            started = LocalStack.start(StackOptions.ephemeral(Files.createTempDirectory("tikun-shared")));
            return started;
        } catch (IOException e) {
            throw new UncheckedIOException("no directory for the shared stack", e);
        }
    }

    /** Closed by JUnit after the last test class of the run. */
    private record Running(LocalStack stack) implements ExtensionContext.Store.CloseableResource, AutoCloseable {

        @Override
        public void close() {
            started = null;
            stack.close();
        }
    }
}
