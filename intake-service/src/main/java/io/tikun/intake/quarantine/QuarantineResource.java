package io.tikun.intake.quarantine;

import java.time.Clock;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.inject.Instance;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import io.smallrye.mutiny.Uni;
import io.tikun.intake.problem.ListParameters;
import io.tikun.intake.problem.NotFoundProblem;

/** What channels delivered that could not be processed: listed, inspected and replayed by admins. */
@Path("/api/v1/quarantine")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
@Tag(name = "Quarantine")
public class QuarantineResource {

    private static final int CONFLICT = 409;

    private final QuarantineRepository quarantine;
    private final Instance<PayloadReplayer> replayers;
    private final Clock clock;

    public QuarantineResource(QuarantineRepository quarantine, Instance<PayloadReplayer> replayers, Clock clock) {
        this.quarantine = quarantine;
        this.replayers = replayers;
        this.clock = clock;
    }

    @GET
    @Operation(summary = "List quarantined payloads, newest first")
    public Uni<List<QuarantinedPayload>> list(
            @RestQuery @DefaultValue("HELD") @Pattern(regexp = "HELD|REPLAYED", message = "must be HELD or REPLAYED") String status,
            @RestQuery @DefaultValue("0") @Pattern(regexp = ListParameters.PAGE, message = ListParameters.PAGE_MESSAGE) String page,
            @RestQuery @DefaultValue("50") @Pattern(regexp = ListParameters.SIZE, message = ListParameters.SIZE_MESSAGE) @Min(value = 1, message = ListParameters.SIZE_MESSAGE) @Max(value = ListParameters.MAX_SIZE, message = ListParameters.SIZE_MESSAGE) String size) {
        return quarantine.list(QuarantineStatus.valueOf(status), Integer.parseInt(page), Integer.parseInt(size));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One quarantined payload, without its raw bytes")
    public Uni<QuarantinedPayload> get(@RestPath String id) {
        return found(id);
    }

    @GET
    @Path("/{id}/raw")
    @Produces(MediaType.APPLICATION_OCTET_STREAM)
    @Operation(summary = "The raw bytes exactly as delivered (possibly truncated, see the record)")
    public Uni<Response> raw(@RestPath String id) {
        return quarantine.raw(id)
                .onItem().ifNull().failWith(() -> new NotFoundProblem("Nothing quarantined with id " + id))
                .map(bytes -> Response.ok(bytes, MediaType.APPLICATION_OCTET_STREAM).build());
    }

    @POST
    @Path("/{id}/replay")
    @Operation(summary = "Process the payload again (after a fix); it leaves quarantine only if it now succeeds")
    public Uni<QuarantinedPayload> replay(@RestPath String id) {
        return found(id).chain(payload -> {
            if (payload.status() == QuarantineStatus.REPLAYED) {
                return Uni.createFrom().failure(new RejectedPayload(CONFLICT, "Already replayed",
                        "This payload became " + payload.replayedAs() + " already.", List.of()));
            }
            if (payload.truncated()) {
                return Uni.createFrom().failure(new RejectedPayload(CONFLICT, "Cannot replay",
                        "Only the first part of this payload was kept; ask the sender to deliver it again.", List.of()));
            }
            PayloadReplayer replayer = replayers.stream().filter(r -> r.channel().equals(payload.channel()))
                    .findFirst().orElseThrow(() -> new NotFoundProblem("No replay for channel " + payload.channel()));
            return quarantine.raw(id)
                    .chain(raw -> replayer.replay(payload, raw))
                    .chain(reference -> quarantine.markReplayed(id, reference, clock.instant()))
                    .onFailure(RejectedPayload.class).call(failure -> quarantine.markReplayFailed(id,
                            ((RejectedPayload) failure).reason()))
                    .chain(() -> found(id));
        });
    }

    private Uni<QuarantinedPayload> found(String id) {
        return quarantine.find(id).onItem().ifNull().failWith(() -> new NotFoundProblem("Nothing quarantined with id " + id));
    }
}
