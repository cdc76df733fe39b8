package io.tikun.followup.problem;

import java.util.Comparator;
import java.util.List;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.hibernate.StaleStateException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.quarkus.logging.Log;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.tikun.followup.lifecycle.IllegalTransitionException;

/** Turns every failure into an RFC 7807 response that never leaks internals. */
public class ProblemMappers {

    @ServerExceptionMapper
    public Response notFound(NotFoundProblem e, UriInfo uri) {
        return respond(Problem.of(Response.Status.NOT_FOUND.getStatusCode(), "Not found", e.getMessage(), path(uri)));
    }

    /** The lifecycle's refusal names the status and why, e.g. "cannot claim done a commitment that is VERIFIED; …". */
    @ServerExceptionMapper
    public Response illegalTransition(IllegalTransitionException e, UriInfo uri) {
        return respond(Problem.of(Response.Status.CONFLICT.getStatusCode(), "Conflict", e.getMessage(), path(uri)));
    }

    @ServerExceptionMapper
    public Response staleUpdate(StaleStateException e, UriInfo uri) {
        return respond(Problem.of(Response.Status.CONFLICT.getStatusCode(), "Conflict",
                "Someone else changed this commitment meanwhile; reload it and try again.", path(uri)));
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, UriInfo uri) {
        List<Problem.Violation> violations = e.getConstraintViolations().stream()
                .map(v -> new Problem.Violation(field(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.Violation::field))
                .toList();
        return respond(new Problem("about:blank", "Invalid request", Response.Status.BAD_REQUEST.getStatusCode(),
                "The request has invalid or missing fields.", path(uri), violations));
    }

    /** A value outside a configured list: the detail and the violation list every allowed value. */
    @ServerExceptionMapper
    public Response notAChoice(ChoiceProblem e, UriInfo uri) {
        return respond(new Problem("about:blank", "Invalid request", Response.Status.BAD_REQUEST.getStatusCode(),
                e.getMessage(), path(uri), List.of(new Problem.Violation(e.field(),
                        "must be one of: " + String.join(", ", e.allowed())))));
    }

    /** Declared separately: quarkus-rest-jackson maps this subtype itself, with a non-problem body. */
    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e, UriInfo uri) {
        return unreadable(e, uri);
    }

    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e, UriInfo uri) {
        String detail = "The body is not valid JSON.";
        if (e instanceof InvalidFormatException f) {
            detail = "Field '" + jsonPath(f) + "' has a value of the wrong type or format.";
        } else if (e instanceof MismatchedInputException m && !m.getPath().isEmpty()) {
            detail = "Field '" + jsonPath(m) + "' has the wrong JSON type.";
        }
        return respond(Problem.of(Response.Status.BAD_REQUEST.getStatusCode(), "Malformed request body", detail, path(uri)));
    }

    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException e, UriInfo uri) {
        return respond(Problem.of(Response.Status.UNAUTHORIZED.getStatusCode(), "Unauthorized",
                "A valid bearer token is required.", path(uri)));
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        return unauthenticated(null, uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(Problem.of(Response.Status.FORBIDDEN.getStatusCode(), "Forbidden",
                "Your role does not allow this operation.", path(uri)));
    }

    /** Says whose it is, not who else holds what: the caller learns only that it is not theirs. */
    @ServerExceptionMapper
    public Response notOwner(ForbiddenProblem e, UriInfo uri) {
        return respond(Problem.of(Response.Status.FORBIDDEN.getStatusCode(), "Forbidden", e.getMessage(), path(uri)));
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException unreadable) {
            return unreadable(unreadable, uri);
        }
        Response.StatusType status = e.getResponse().getStatusInfo();
        return respond(Problem.of(status.getStatusCode(), status.getReasonPhrase(), e.getMessage(), path(uri)));
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri) {
        Log.errorf(e, "Unexpected failure on %s", path(uri));
        return respond(Problem.of(Response.Status.INTERNAL_SERVER_ERROR.getStatusCode(), "Internal error",
                "The request could not be completed; it has been logged.", path(uri)));
    }

    private static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : uri.getPath();
    }

    /**
     * "submit.request.customer.email" → "customer.email" (a body field: method and parameter
     * dropped); "forCase.caseId" → "caseId" (a query or path parameter: method dropped).
     */
    private static String field(ConstraintViolation<?> violation) {
        String[] parts = violation.getPropertyPath().toString().split("\\.", 3);
        return switch (parts.length) {
            case 3 -> parts[2];
            case 2 -> parts[1];
            default -> parts[0];
        };
    }

    private static String jsonPath(MismatchedInputException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b)
                .orElse("");
    }
}
