package io.xunshi.inspection.api;

import java.time.LocalDate;
import java.util.List;

import io.xunshi.contracts.inspection.BriefingReceived;
import io.xunshi.contracts.inspection.BriefingSource;
import io.xunshi.contracts.inspection.ContactChannel;
import io.xunshi.contracts.planning.RoundKind;
import io.xunshi.inspection.domain.Inspection;
import io.xunshi.inspection.domain.Team;
import io.xunshi.kernel.aggregate.AggregateRepository;

/** An inspection as the API shows it, from its events; {@code version} is also its ETag. */
public record InspectionView(String inspectionId, String roundId, String planId, String jurisdiction,
        RoundKind roundKind, String team, String teamId, String organisationId, String organisationName,
        String organisationJurisdiction, String organisationLocation, LocalDate stationingStart,
        LocalDate stationingEnd, Inspection.Status status, LocalDate stationedOn, LocalDate reportedOn,
        String summary, LocalDate feedbackOn, String organisationHead, LocalDate closedOn,
        List<FindingView> findings, List<BriefingReceived> briefings, List<BriefingSource> briefingsMissing,
        List<ContactChannel> contactChannels, List<Inspection.ThematicReport> thematicReports,
        Inspection.HeadFeedback headFeedback, int version) {

    static InspectionView of(AggregateRepository.Loaded<Inspection.State> loaded) {
        Inspection.State s = loaded.state();
        return new InspectionView(s.inspectionId(), s.roundId(), s.planId(), s.jurisdiction(), s.roundKind(), s.team(),
                Team.idFor(s.roundId(), s.team()), s.organisationId(), s.organisationName(),
                s.organisationJurisdiction(), s.organisationLocation(),
                s.stationingStart(), s.stationingEnd(), s.status(), s.stationedOn(), s.reportedOn(), s.summary(),
                s.feedbackOn(), s.organisationHead(), s.closedOn(),
                s.findings().stream().map(FindingView::of).toList(), s.briefings(), s.briefingsMissing(),
                s.contactChannels(), s.thematicReports(), s.headFeedback(), loaded.version());
    }
}
