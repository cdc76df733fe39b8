package io.tikun.intake.limits;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.logging.Log;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.tikun.intake.IntakeConfig;
import io.tikun.intake.problem.Problem;
import io.tikun.intake.social.ChannelsConfig;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * Holds every request body to its endpoint's own cap before the body is read: a declared Content-Length over the cap
 * is refused at once, and a chunked body is counted as it arrives and refused the moment it passes the cap (it is
 * then handed on already read). Only the e-mail channel may send megabytes; the form and the JSON APIs stop at
 * {@code tikun.intake.web.max-body-bytes}. {@code quarkus.http.limits.max-body-size} stays the outer bound.
 */
@Singleton
public class BodyLimitFilter {

    /** Runs before the REST routes and their authentication, which must not wait for an oversized body either. */
    private static final int PRIORITY = 1000;
    private static final int TOO_LARGE = 413;

    private final BodyCaps caps;
    private final ObjectMapper mapper;

    public BodyLimitFilter(IntakeConfig intake, ChannelsConfig channels, ObjectMapper mapper) {
        this.caps = new BodyCaps(intake.web().maxBodyBytes(), intake.email().maxRawBytes(), channels.maxReceivedBytes());
        this.mapper = mapper;
    }

    void register(@Observes Filters filters) {
        filters.register(this::check, PRIORITY);
    }

    private void check(RoutingContext context) {
        HttpServerRequest request = context.request();
        long cap = caps.of(request.path());
        String declared = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (declared != null) {
            long length = parseLength(declared);
            if (length > cap) {
                refuse(context, cap);
            } else {
                // Vert.x never delivers more than the declared length.
                context.next();
            }
            return;
        }
        if (!request.headers().contains(HttpHeaders.TRANSFER_ENCODING, HttpHeaders.CHUNKED, true)) {
            context.next();
            return;
        }
        countWhileReading(context, cap);
    }

    private void countWhileReading(RoutingContext context, long cap) {
        HttpServerRequest request = context.request();
        Buffer body = Buffer.buffer();
        boolean[] refused = { false };
        request.handler(chunk -> {
            if (refused[0]) {
                return;
            }
            if (body.length() + (long) chunk.length() > cap) {
                refused[0] = true;
                refuse(context, cap);
                return;
            }
            body.appendBuffer(chunk);
        });
        request.endHandler(end -> {
            if (!refused[0]) {
                // The REST layer takes a body already read from the routing context.
                context.setBody(body);
                context.next();
            }
        });
        request.exceptionHandler(failure -> Log.debugf("Chunked body of %s broke off: %s", request.path(),
                failure.getMessage()));
        // Quarkus may hold the request's input until a handler asks for it.
        request.resume();
    }

    private void refuse(RoutingContext context, long cap) {
        Problem problem = Problem.of(TOO_LARGE, "Payload too large",
                "The request body is larger than the " + cap + " bytes this endpoint accepts.", context.request().path());
        String json;
        try {
            json = mapper.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a problem always serializes", e);
        }
        // The rest of the body is never read, so the connection cannot carry another request.
        context.response().setStatusCode(TOO_LARGE)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(json);
    }

    /** An unreadable length is taken as too large: Vert.x would refuse the request anyway. */
    private static long parseLength(String declared) {
        try {
            return Long.parseLong(declared.strip());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }
}
