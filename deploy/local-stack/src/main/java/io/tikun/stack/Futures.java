package io.tikun.stack;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** Waiting for servers started side by side. */
public final class Futures {

    private Futures() {
    }

    /**
     * The value of {@code start} once it completes; a start that failed with a runtime exception throws that exception
     * itself (why the server did not start), not the {@link CompletionException} around it.
     */
    public static <T> T join(CompletableFuture<T> start) {
        try {
            return start.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }
}
