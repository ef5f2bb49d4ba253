package io.xunshi.kernel.deadletter;

import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.xunshi.kernel.api.Cursor;
import io.xunshi.kernel.api.Page;
import io.xunshi.kernel.api.Problem;
import io.xunshi.kernel.api.ProblemException;
import io.xunshi.kernel.api.ProblemType;
import io.xunshi.kernel.api.QueryValues;
import io.xunshi.kernel.security.CurrentCaller;
import io.xunshi.kernel.security.Role;

/**
 * The service's dead letters, for operators: every service has this resource from the kernel. Reading Kafka
 * and re-driving block, so these run on worker threads.
 */
@Path("/dead-letters")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Dead letters")
public class DeadLetterResource {

    @Inject
    DeadLetterOperations letters;

    @Inject
    CurrentCaller callers;

    @GET
    @RolesAllowed(Role.OPERATOR)
    @Operation(operationId = "listDeadLetters",
            summary = "List the records this service's consumers gave up on, with their reasons",
            description = "Operators. Each letter names its consumer, why it was given up on, the record it came from"
                    + " (topic, partition, offset, CloudEvents id and type) and what became of it: PENDING, REDRIVEN,"
                    + " ALREADY_HANDLED or FAILED. Only letters whose event lies in the caller's subtree are listed"
                    + " (letters too broken to name a jurisdiction: the Centre's operators only).")
    @APIResponse(responseCode = "200",
            description = "One page of letters; next is the cursor of the following page, absent on the last")
    @APIResponse(responseCode = "422",
            description = "status is not one of PENDING, REDRIVEN, ALREADY_HANDLED, FAILED, or limit is out of range")
    public Page<DeadLetterView> list(
            @Parameter(description = "Only this consumer's letters") @QueryParam("consumer") String consumer,
            @Parameter(
                    description = "Only letters in this status: PENDING, REDRIVEN, ALREADY_HANDLED, FAILED") @QueryParam("status") String status,
            @Parameter(description = "The next cursor of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "Page size, 1 to 200 (default 50)") @QueryParam("limit") Integer limit) {
        var caller = callers.get();
        int size = Cursor.limit(limit);
        return letters.list(caller, QueryValues.text(consumer),
                QueryValues.oneOf(DeadLetterOperations.Status.class, "status", status), cursor, size);
    }

    @GET
    @Path("summary")
    @RolesAllowed(Role.OPERATOR)
    @Operation(operationId = "summariseDeadLetters",
            summary = "Count this service's dead letters per consumer and status",
            description = "Operators; counts only the letters the caller may see.")
    @APIResponse(responseCode = "200", description = "Per consumer, the number of letters in each status")
    public Map<String, Map<DeadLetterOperations.Status, Integer>> summary() {
        return letters.counts(callers.get());
    }

    @GET
    @Path("{id}")
    @RolesAllowed(Role.OPERATOR)
    @Operation(operationId = "getDeadLetter", summary = "Read one dead letter, with its payload",
            description = "Operators. 404 when there is no such letter or it lies outside the caller's subtree.")
    @APIResponse(responseCode = "200", description = "The letter, with its payload")
    public DeadLetterView get(@Parameter(description = "<consumer>.<partition>.<offset>") @PathParam("id") String id) {
        return letters.get(callers.get(), id);
    }

    @POST
    @Path("{id}/redrive")
    @RolesAllowed(Role.OPERATOR)
    @Operation(operationId = "redriveDeadLetter",
            summary = "Process a dead letter again through the consumer that gave up on it",
            description = "Operators, once the cause is fixed. The record goes through the consumer's inbox, so an"
                    + " event that has been handled since has no second effect (ALREADY_HANDLED). 409 if it was"
                    + " re-driven already or belongs to a topic projection; 422 (redrive-failed) if it fails again, and"
                    + " it stays re-drivable; 503 if the database or broker does not answer in time.")
    @APIResponse(responseCode = "200", description = "The letter after the re-drive: REDRIVEN or ALREADY_HANDLED")
    @APIResponse(responseCode = "409",
            description = "The letter was re-driven already, or belongs to a topic projection (rebuild the projection instead)")
    @APIResponse(responseCode = "422",
            description = "The re-drive failed again (urn:xunshi:problem:redrive-failed); the letter stays re-drivable")
    public DeadLetterView redrive(
            @Parameter(description = "<consumer>.<partition>.<offset>") @PathParam("id") String id) {
        return letters.redrive(callers.get(), id);
    }

    @POST
    @Path("redrive")
    @RolesAllowed(Role.OPERATOR)
    @Operation(operationId = "redriveDeadLetters",
            summary = "Re-drive every pending or failed dead letter of one consumer",
            description = "Operators. Answers how many were processed, already handled or failed again, and the"
                    + " failures.")
    @APIResponse(responseCode = "200",
            description = "How many letters were processed, already handled or failed again, and the failures")
    @APIResponse(responseCode = "409", description = "The consumer is a topic projection"
            + " (urn:xunshi:problem:illegal-state): its letters are applied by rebuilding it")
    @APIResponse(responseCode = "422", description = "No consumer named")
    public RedriveSummary redriveAll(
            @Parameter(description = "The consumer", required = true) @QueryParam("consumer") String consumer) {
        if (consumer == null || consumer.isBlank()) {
            throw new ProblemException(Problem.of(ProblemType.VALIDATION_FAILED, "name the consumer")
                    .withErrors(java.util.List.of(new Problem.FieldError("consumer", "is required"))));
        }
        return letters.redriveAll(callers.get(), consumer);
    }
}
