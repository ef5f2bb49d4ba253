package io.xunshi.kernel.command;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;
import io.xunshi.kernel.aggregate.AggregateRepository;
import io.xunshi.kernel.aggregate.AggregateRepository.Loaded;
import io.xunshi.kernel.aggregate.EventCodec;
import io.xunshi.kernel.eventstore.EventStore;
import io.xunshi.kernel.eventstore.ExpectedVersion;
import io.xunshi.kernel.security.CurrentCaller;
import io.xunshi.kernel.security.Role;

/** Tallies over REST, written the way a service writes its resources on the command path. */
@Path("/test-tallies")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TallyResource {

    public record OpenRequest(String jurisdiction) {
    }

    public record CountRequest(int by) {
    }

    public record TallyView(String id, String jurisdiction, int total, boolean closed, int version) {

        static TallyView of(String id, Loaded<Tally.State> loaded) {
            return new TallyView(id, loaded.state().jurisdiction(), loaded.state().total(), loaded.state().closed(),
                    loaded.version());
        }
    }

    /** Only the caller who opened a tally closes it. */
    private static final Guard<Tally.State> KEEPER = Guard.allow(
            (caller, state) -> caller.subject().equals(state.keeper()), "only the tally's keeper closes it");

    private final Aggregate<Tally.Command, Tally.State> tallies;

    @Inject
    CommandPath commands;

    @Inject
    CurrentCaller callers;

    @Inject
    public TallyResource(EventStore store, ObjectMapper json) {
        EventCodec<Tally.Event> codec = EventCodec.of(json, Tally.Event.class);
        this.tallies = Aggregate.of("tally", new AggregateRepository<>(store, json, "Tally", new Tally(), codec,
                Tally.State.class, 0), Tally.State::jurisdiction);
    }

    @POST
    @RolesAllowed(Role.INSPECTION_OFFICE)
    public Uni<Response> open(OpenRequest request, @BeanParam CreationHeaders headers) {
        CurrentCaller.requireWithin(callers.get(), request.jurisdiction());
        String id = UUID.randomUUID().toString();
        return commands.run(headers, request, (conn, context) -> tallies.repository().handle(conn, id,
                request.jurisdiction(), ExpectedVersion.NO_STREAM,
                new Tally.Open(request.jurisdiction(), context.caller().subject()), context.metadata()),
                Answer.created(opened -> "/api/v1/test-tallies/" + id, opened -> TallyView.of(id, opened)));
    }

    @POST
    @Path("{id}/counts")
    @RolesAllowed(Role.INSPECTION_OFFICE)
    public Uni<Response> count(@PathParam("id") String id, CountRequest request, @BeanParam CommandHeaders headers) {
        return commands.execute(tallies, id, headers, request, new Tally.Count(request.by()),
                Answer.ok(after -> TallyView.of(id, after)));
    }

    @POST
    @Path("{id}/close")
    @RolesAllowed(Role.INSPECTION_OFFICE)
    public Uni<Response> close(@PathParam("id") String id, @BeanParam CommandHeaders headers) {
        return commands.execute(tallies, id, headers, null, KEEPER, new Tally.Close(),
                Answer.ok(after -> TallyView.of(id, after)));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({ Role.INSPECTION_OFFICE, Role.AUDITOR })
    public Uni<Response> get(@PathParam("id") String id) {
        return commands.read(tallies, id, loaded -> TallyView.of(id, loaded));
    }
}
