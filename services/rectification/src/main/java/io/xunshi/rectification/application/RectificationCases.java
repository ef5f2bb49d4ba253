package io.xunshi.rectification.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.xunshi.contracts.inspection.FeedbackGiven;
import io.xunshi.contracts.rectification.RectificationCaseOpened;
import io.xunshi.contracts.rectification.RectificationEvent;
import io.xunshi.kernel.aggregate.AggregateRepository;
import io.xunshi.kernel.aggregate.EventCodec;
import io.xunshi.kernel.command.Aggregate;
import io.xunshi.kernel.eventstore.EventMetadata;
import io.xunshi.kernel.eventstore.EventStore;
import io.xunshi.kernel.eventstore.ExpectedVersion;
import io.xunshi.rectification.domain.RectificationCase;

/** Opening rectification cases from feedback, deciding on commands about them, and loading one by id. */
@ApplicationScoped
public class RectificationCases {

    public static final String STREAM_TYPE = "RectificationCase";

    private final AggregateRepository<RectificationCase.Command, RectificationEvent, RectificationCase.State> repository;
    private final ReportDeadlines deadlines;
    private final Aggregate<RectificationCase.Command, RectificationCase.State> aggregate;
    private final Aggregate<RectificationCase.Command, RectificationCase.State> published;

    @Inject
    public RectificationCases(EventStore store, ObjectMapper json, ReportDeadlines deadlines) {
        EventCodec<RectificationEvent> codec = EventCodec.of(json, RectificationEvent.class);
        this.repository = new AggregateRepository<>(store, json, STREAM_TYPE, new RectificationCase(), codec,
                RectificationCase.State.class, 0);
        this.deadlines = deadlines;
        this.aggregate = Aggregate.of("rectification case", repository, RectificationCase.State::jurisdiction)
                .readableBy((caller, state) -> CaseAccess.reader(caller, state.jurisdiction(),
                        state.organisationId(), state.organisationLocation()));
        this.published = Aggregate.of("public view", repository, RectificationCase.State::jurisdiction)
                .readableBy((caller, state) -> state.oversight().publicView() != null);
    }

    /** Cases as the public reads them: every caller sees a case's public view once it is published, none before. */
    public Aggregate<RectificationCase.Command, RectificationCase.State> published() {
        return published;
    }

    /** Cases on the command path: seen only by their owners, supervisors and auditors ({@link CaseAccess}). */
    public Aggregate<RectificationCase.Command, RectificationCase.State> aggregate() {
        return aggregate;
    }

    public Uni<AggregateRepository.Loaded<RectificationCase.State>> load(String caseId) {
        return repository.load(caseId);
    }

    /**
     * Opens the case that {@code feedback} calls for, in the caller's transaction, unless it is open already
     * (the same feedback delivered again): the new stream is created with nothing expected of it, so a
     * concurrent opening fails on the store's key and the retry finds the case open.
     */
    public Uni<AggregateRepository.Loaded<RectificationCase.State>> open(SqlConnection conn, FeedbackGiven feedback,
            EventMetadata metadata) {
        RectificationCaseOpened opened = RectificationCase.opening(feedback,
                deadlines.forJurisdiction(feedback.jurisdiction()));
        return repository.handle(conn, opened.caseId(), opened.jurisdiction(), ExpectedVersion.ANY,
                new RectificationCase.Open(opened), metadata);
    }
}
