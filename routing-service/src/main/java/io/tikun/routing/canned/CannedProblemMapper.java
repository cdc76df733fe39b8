package io.tikun.routing.canned;

import java.util.List;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.tikun.routing.problem.Problem;

/** An invalid canned text as problem+json, with the field and what is wrong with it as a violation. */
public class CannedProblemMapper {

    @ServerExceptionMapper
    public Response invalidTemplate(InvalidTemplateException e, UriInfo uri) {
        List<Problem.Violation> violations = e.field() == null ? List.of()
                : List.of(new Problem.Violation(e.field(), e.getMessage()));
        Problem problem = new Problem("about:blank", "Invalid request", Response.Status.BAD_REQUEST.getStatusCode(),
                e.getMessage(), uri == null ? null : uri.getPath(), violations);
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
