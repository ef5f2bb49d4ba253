package io.xunshi.kernel.audit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.xunshi.kernel.api.Cursor;
import io.xunshi.kernel.security.Caller;
import io.xunshi.kernel.security.CurrentCaller;
import io.xunshi.kernel.security.Role;

/**
 * Tamper evidence for auditors, on every service: the kernel jar is a bean archive, so each service's
 * REST application serves this resource under its own path ({@code /api/v1/audit/verification}).
 */
@Path("/audit/verification")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit")
public class TamperVerificationResource {

    @Inject
    TamperVerification verification;

    @Inject
    CurrentCaller callers;

    @GET
    @RolesAllowed(Role.AUDITOR)
    @Operation(operationId = "verifyEventStore",
            summary = "Verify the service's event store: which events were altered, removed or reordered",
            description = "Auditors only (the offices whose work is recorded do not audit themselves). Walks every"
                    + " stream of the store, checks each event against its hash chain and against the hash the"
                    + " service's Kafka topic witnessed when the event was published, and reports, for the"
                    + " caller's jurisdiction subtree, the streams and events verified and every finding: altered,"
                    + " missing, reordered, truncated (a removed last event) or unwitnessed, counted by kind and"
                    + " listed up to limit by stream and version. Events not yet published are checked against"
                    + " their chain only. One verification at a time per instance: the next waits its turn, and"
                    + " answers 429 if it waited the whole timeout; one that runs out of time answers 503 and"
                    + " concludes nothing.")
    @APIResponse(responseCode = "200", description = "The verification's report")
    @APIResponse(responseCode = "429",
            description = "Other verifications kept this instance busy for the whole timeout; try again later")
    public VerificationReport verify(
            @Parameter(
                    description = "How many findings to list, 1 to 200 (default 50); all are counted") @QueryParam("limit") Integer limit) {
        Caller caller = callers.get();
        return verification.verify(caller.jurisdiction(), Cursor.limit(limit));
    }
}
