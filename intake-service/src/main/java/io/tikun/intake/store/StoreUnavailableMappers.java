package io.tikun.intake.store;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.mongodb.MongoConnectionPoolClearedException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;

import io.quarkus.logging.Log;
import io.tikun.intake.problem.Problem;

/**
 * Answers 503 with {@code Retry-After} while MongoDB cannot be reached, instead of a 500: the request was not
 * acknowledged, so the client keeps it and sends it again (with the same Idempotency-Key, a retry is safe).
 */
public class StoreUnavailableMappers {

    private static final String TITLE = "Service unavailable";
    private static final String DETAIL = "The complaint store cannot be reached right now; the request was not "
            + "acknowledged. Send it again after Retry-After seconds (with the same Idempotency-Key, a retry is safe).";

    private final long retryAfterSeconds;

    public StoreUnavailableMappers(StoreConfig config) {
        this.retryAfterSeconds = Math.max(1, (config.retryAfter().toMillis() + 999) / 1000);
    }

    /** No server answered within the server-selection timeout (the database is down or unreachable). */
    @ServerExceptionMapper
    public Response timedOut(MongoTimeoutException e, UriInfo uri) {
        return unavailable(e, uri);
    }

    /** The connection broke while the request was under way (the database stopped or the network dropped). */
    @ServerExceptionMapper
    public Response connectionLost(MongoSocketException e, UriInfo uri) {
        return unavailable(e, uri);
    }

    /** The driver dropped its pooled connections after a failure and this request was waiting for one. */
    @ServerExceptionMapper
    public Response poolCleared(MongoConnectionPoolClearedException e, UriInfo uri) {
        return unavailable(e, uri);
    }

    private Response unavailable(Exception e, UriInfo uri) {
        String path = uri == null ? null : uri.getPath();
        Log.warnf("MongoDB unavailable on %s: %s", path, e.getClass().getSimpleName());
        Problem problem = Problem.of(Response.Status.SERVICE_UNAVAILABLE.getStatusCode(), TITLE, DETAIL, path);
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem)
                .header(HttpHeaders.RETRY_AFTER, retryAfterSeconds).build();
    }
}
