package io.xunshi.inspection.application;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.xunshi.contracts.inspection.Informant;
import io.xunshi.contracts.inspection.PetitionChannel;
import io.xunshi.contracts.inspection.PetitionEvent;
import io.xunshi.contracts.inspection.TeamPosition;
import io.xunshi.inspection.domain.Inspection;
import io.xunshi.inspection.domain.Petition;
import io.xunshi.kernel.aggregate.AggregateRepository;
import io.xunshi.kernel.aggregate.AggregateRepository.Loaded;
import io.xunshi.kernel.aggregate.EventCodec;
import io.xunshi.kernel.api.ProblemException;
import io.xunshi.kernel.api.ProblemType;
import io.xunshi.kernel.command.Aggregate;
import io.xunshi.kernel.command.CommandPath;
import io.xunshi.kernel.command.Guard;
import io.xunshi.kernel.eventstore.EventMetadata;
import io.xunshi.kernel.eventstore.EventStore;
import io.xunshi.kernel.eventstore.ExpectedVersion;
import io.xunshi.kernel.privacy.PersonalDataVault;

/**
 * Petitions received by inspection teams: received for an inspection its own team works on (read in the command's
 * transaction), classified, transferred and answered by the same team's leaders or the office; the reporter sealed
 * under a subject of their own ({@code reporter-<uuid>}) before the petition is decided; the identity opened only
 * after the opening is appended, and erased in the transaction that records the erasure.
 */
@ApplicationScoped
public class Petitions {

    public static final String STREAM_TYPE = "Petition";
    public static final String SUBJECT_PREFIX = "reporter-";

    private final AggregateRepository<Petition.Command, PetitionEvent, Petition.State> repository;
    private final Aggregate<Petition.Command, Petition.State> aggregate;
    private final Inspections inspections;
    private final Teams teams;
    private final PersonalDataVault vault;
    private final Informants informants;
    private final ObjectMapper json;
    private final int answerDays;

    /** The reporter's identity as the reader gets it: in clear, once the opening is on the record. */
    public record Identity(String petitionId, String subject, String name, String contact, Instant readAt) {
    }

    @Inject
    public Petitions(EventStore store, ObjectMapper json, Inspections inspections, Teams teams,
            PersonalDataVault vault, Informants informants,
            @ConfigProperty(name = "xunshi.inspection.petition.transfer-answer-days",
                    defaultValue = "30") int answerDays) {
        this.inspections = inspections;
        this.teams = teams;
        this.vault = vault;
        this.informants = informants;
        this.json = json;
        this.answerDays = answerDays;
        this.repository = new AggregateRepository<>(store, json, STREAM_TYPE, new Petition(),
                EventCodec.of(json, PetitionEvent.class), Petition.State.class, 0);
        this.aggregate = Aggregate.of("petition", repository, Petition.State::jurisdiction)
                .afterChange(this::eraseKey);
    }

    /** Petitions on the command path: seen within the inspecting jurisdiction's subtree. */
    public Aggregate<Petition.Command, Petition.State> aggregate() {
        return aggregate;
    }

    /** Days the department a petition is transferred to has for its answer. */
    public int answerDays() {
        return answerDays;
    }

    /** The reporter's name and contact sealed under a new subject of their own. */
    public Uni<Informant> seal(String name, String contact) {
        return informants.seal(SUBJECT_PREFIX + UUID.randomUUID(), name, contact);
    }

    /**
     * Receiving a petition for {@code inspectionId} on the command path: the inspection must be the caller's to see
     * (404 otherwise) and the caller of its own team or the office (403 otherwise).
     */
    public CommandPath.Handler<Loaded<Petition.State>> receiving(String petitionId, String inspectionId,
            PetitionChannel channel, java.time.LocalDate receivedOn, String summary, String concerns,
            Informant reporter) {
        return (conn, context) -> inspections.aggregate().load(conn, inspectionId).flatMap(loaded -> {
            if (!inspections.aggregate().readableBy(context.caller(), loaded)) {
                throw new ProblemException(ProblemType.NOT_FOUND, "inspection " + inspectionId + " not found");
            }
            Inspection.State inspection = loaded.state();
            return teams.mayWrite(conn, context.caller(), inspection).flatMap(allowed -> {
                if (!allowed) {
                    throw new ProblemException(ProblemType.FORBIDDEN, "only the members of the inspection's own"
                            + " team, and the inspection office, receive its petitions");
                }
                return repository.handle(conn, petitionId, inspection.jurisdiction(), ExpectedVersion.NO_STREAM,
                        new Petition.Receive(petitionId, inspection, channel, receivedOn, summary, concerns,
                                reporter),
                        context.metadata());
            });
        });
    }

    /** The command path's guard: the leader and deputy leaders of the petition's own team, and the office. */
    public Guard.Reading<Petition.State> leaders() {
        return (conn, caller, state) -> teams.mayWrite(conn, caller, state.roundId(), state.team(),
                TeamPosition.LEADER, TeamPosition.DEPUTY_LEADER);
    }

    /**
     * Opening the reporter's identity on the command path: the opening is decided and appended first, then the
     * sealed name and contact are opened for the answer; a petition the caller cannot see is 404.
     */
    public CommandPath.Handler<Identity> opening(String petitionId, String reason) {
        return (conn, context) -> aggregate.load(conn, petitionId).flatMap(loaded -> {
            if (!aggregate.readableBy(context.caller(), loaded)) {
                throw new ProblemException(ProblemType.NOT_FOUND, "petition not found");
            }
            Instant at = Instant.now();
            return repository.decide(conn, petitionId, loaded.state().jurisdiction(), loaded,
                    new Petition.OpenIdentity(context.caller().subject(), reason, at), context.metadata())
                    .flatMap(after -> vault.unseal(json.valueToTree(after.state().reporter())))
                    .map(open -> identity(petitionId, loaded.state().reporterSubject(), open, at));
        });
    }

    private static Identity identity(String petitionId, String subject, JsonNode open, Instant at) {
        if (!open.path("name").isTextual()) {
            // Its key is gone although no erasure is on the petition (erased through the vault directly).
            throw new ProblemException(ProblemType.ILLEGAL_STATE, "the reporter's identity was erased");
        }
        return new Identity(petitionId, subject, open.path("name").asText(), open.path("contact").asText(), at);
    }

    /** After an erasure is appended: the subject's key goes in the same transaction. */
    private Uni<Void> eraseKey(SqlConnection conn, Loaded<Petition.State> after, EventMetadata metadata) {
        Petition.State petition = after.state();
        if (!petition.reporterErased()) {
            return Uni.createFrom().voidItem();
        }
        return vault.erase(conn, petition.reporterSubject(), "petition " + petition.petitionId()
                + ": reporter erased");
    }
}
