package io.xunshi.inspection.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.xunshi.contracts.inspection.FeedbackFinding;
import io.xunshi.contracts.inspection.FeedbackGiven;
import io.xunshi.contracts.inspection.FocusArea;
import io.xunshi.contracts.inspection.InspectionEvent;
import io.xunshi.contracts.inspection.InspectionReported;
import io.xunshi.contracts.inspection.Severity;
import io.xunshi.contracts.planning.RoundKind;
import io.xunshi.kernel.domain.DomainRejection;

class InspectionTest {

    private final Inspection decider = new Inspection();
    private final List<InspectionEvent> history = new ArrayList<>();

    private Inspection.State state() {
        return decider.fold(history);
    }

    private List<InspectionEvent> run(Inspection.Command command) {
        List<InspectionEvent> events = decider.decide(command, state());
        history.addAll(events);
        return events;
    }

    private static Inspection.Open open() {
        return new Inspection.Open("i-1", "r-1", "p-1", "330000", RoundKind.REGULAR, "省委第一巡视组", "o-1", "杭州市委",
                "330000", "330100", LocalDate.of(2026, 3, 2), LocalDate.of(2026, 5, 8));
    }

    private static Inspection.RecordFinding finding(String id, FocusArea area) {
        return new Inspection.RecordFinding(id, area, "  问题 " + id + " ", Severity.GENERAL, false, true, false, false,
                List.of(" 文件 1 "));
    }

    private void rejected(Inspection.Command command, String code) {
        assertThatThrownBy(() -> decider.decide(command, state())).isInstanceOf(DomainRejection.class)
                .extracting(e -> ((DomainRejection) e).code()).isEqualTo(code);
    }

    @Test
    void the_lifecycle_runs_in_order_and_the_feedback_carries_every_finding() {
        run(open());
        assertThat(state().status()).isEqualTo(Inspection.Status.PREPARING);
        run(new Inspection.Station(LocalDate.of(2026, 3, 2)));
        run(finding("f-1", FocusArea.PARTY_LINE));
        run(finding("f-2", FocusArea.RECTIFICATION));
        List<InspectionEvent> reported = run(new Inspection.Report(LocalDate.of(2026, 5, 10), " 报告 "));
        assertThat(((InspectionReported) reported.get(0)).findings()).isEqualTo(2);
        assertThat(((InspectionReported) reported.get(0)).summary()).isEqualTo("报告");

        FeedbackGiven feedback = (FeedbackGiven) run(new Inspection.GiveFeedback(LocalDate.of(2026, 6, 15), "张三"))
                .get(0);
        assertThat(feedback.findings()).containsExactly(
                new FeedbackFinding("f-1", FocusArea.PARTY_LINE, "问题 f-1", Severity.GENERAL),
                new FeedbackFinding("f-2", FocusArea.RECTIFICATION, "问题 f-2", Severity.GENERAL));
        assertThat(feedback.organisationLocation()).isEqualTo("330100");
        assertThat(feedback.jurisdiction()).isEqualTo("330000");
        run(new Inspection.Close(LocalDate.of(2026, 6, 30)));

        Inspection.State s = state();
        assertThat(s.status()).isEqualTo(Inspection.Status.CLOSED);
        assertThat(s.findings()).extracting(Inspection.Finding::evidence).containsOnly(List.of("文件 1"));
        assertThat(s.closedOn()).isEqualTo(LocalDate.of(2026, 6, 30));
    }

    @Test
    void illegal_transitions_are_rejected_with_their_codes() {
        rejected(new Inspection.Station(LocalDate.of(2026, 3, 2)), Inspection.NOT_OPENED);
        run(open());
        rejected(open(), Inspection.ALREADY_OPENED);
        rejected(finding("f", FocusArea.PARTY_LINE), Inspection.NOT_STATIONED);
        rejected(new Inspection.Report(LocalDate.of(2026, 5, 1), "x"), Inspection.NOT_STATIONED);
        rejected(new Inspection.GiveFeedback(LocalDate.of(2026, 5, 1), "x"), Inspection.NOT_REPORTED);
        rejected(new Inspection.Close(LocalDate.of(2026, 5, 1)), Inspection.FEEDBACK_NOT_GIVEN);
        run(new Inspection.Station(LocalDate.of(2026, 3, 2)));
        rejected(new Inspection.Station(LocalDate.of(2026, 3, 3)), Inspection.NOT_PREPARING);
        run(new Inspection.Report(LocalDate.of(2026, 5, 1), "没有发现问题"));
        rejected(finding("late", FocusArea.PARTY_LINE), Inspection.NOT_STATIONED);
    }

    @Test
    void a_clean_inspection_without_findings_can_be_reported_and_fed_back() {
        run(open());
        run(new Inspection.Station(LocalDate.of(2026, 3, 2)));
        assertThat(((InspectionReported) run(new Inspection.Report(LocalDate.of(2026, 5, 1), "未发现问题")).get(0))
                .findings()).isZero();
        assertThat(((FeedbackGiven) run(new Inspection.GiveFeedback(LocalDate.of(2026, 5, 20), "李四")).get(0))
                .findings()).isEmpty();
    }

    @Test
    void a_date_before_the_previous_step_is_rejected() {
        run(open());
        run(new Inspection.Station(LocalDate.of(2026, 3, 2)));
        rejected(new Inspection.Report(LocalDate.of(2026, 3, 1), "x"), Inspection.DATE_OUT_OF_ORDER);
        run(new Inspection.Report(LocalDate.of(2026, 3, 2), "x"));
        rejected(new Inspection.GiveFeedback(LocalDate.of(2026, 3, 1), "x"), Inspection.DATE_OUT_OF_ORDER);
    }

    @Test
    void the_id_is_derived_from_round_and_organisation() {
        assertThat(Inspection.idFor("r-1", "o-1")).isEqualTo(Inspection.idFor("r-1", "o-1"))
                .isNotEqualTo(Inspection.idFor("r-1", "o-2")).isNotEqualTo(Inspection.idFor("r-2", "o-1"));
    }
}
