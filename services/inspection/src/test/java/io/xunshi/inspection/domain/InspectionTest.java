package io.xunshi.inspection.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.xunshi.contracts.SealedValue;
import io.xunshi.contracts.inspection.FeedbackFinding;
import io.xunshi.contracts.inspection.FeedbackGiven;
import io.xunshi.contracts.inspection.FindingRecorded;
import io.xunshi.contracts.inspection.FocusArea;
import io.xunshi.contracts.inspection.Informant;
import io.xunshi.contracts.inspection.InspectionClosed;
import io.xunshi.contracts.inspection.InspectionEvent;
import io.xunshi.contracts.inspection.InspectionOpened;
import io.xunshi.contracts.inspection.InspectionReported;
import io.xunshi.contracts.inspection.InspectionStationed;
import io.xunshi.contracts.inspection.Severity;
import io.xunshi.contracts.planning.RoundKind;
import io.xunshi.inspection.domain.Inspection.Status;
import io.xunshi.testing.decider.DeciderSpec;

class InspectionTest {

    private static final Inspection DECIDER = new Inspection();
    private final DeciderSpec<Inspection.Command, InspectionEvent, Inspection.State> inspection = DeciderSpec
            .of(DECIDER::initialState, DECIDER::decide, DECIDER::evolve);

    private static final LocalDate MARCH_2 = LocalDate.of(2026, 3, 2);
    private static final LocalDate MAY_10 = LocalDate.of(2026, 5, 10);
    private static final LocalDate JUNE_15 = LocalDate.of(2026, 6, 15);
    private static final LocalDate JUNE_30 = LocalDate.of(2026, 6, 30);

    private static final Inspection.Open OPEN = new Inspection.Open("i-1", "r-1", "p-1", "330000", RoundKind.REGULAR,
            "省委第一巡视组", "o-1", "杭州市委", "330000", "330100", MARCH_2, LocalDate.of(2026, 5, 8));
    private static final InspectionOpened OPENED = new InspectionOpened("i-1", "r-1", "p-1", "330000",
            RoundKind.REGULAR, "省委第一巡视组", "o-1", "杭州市委", "330000", "330100", MARCH_2, LocalDate.of(2026, 5, 8));
    private static final InspectionStationed STATIONED = new InspectionStationed("i-1", MARCH_2);
    private static final FindingRecorded FINDING_1 = new FindingRecorded("i-1", "f-1", FocusArea.PARTY_LINE,
            "问题 1", Severity.GENERAL, false, true, false, false, List.of("文件 1"), null);
    private static final FindingRecorded FINDING_2 = new FindingRecorded("i-1", "f-2", FocusArea.RECTIFICATION,
            "问题 2", Severity.SERIOUS, true, false, true, true, List.of(), null);
    private static final InspectionReported REPORTED = new InspectionReported("i-1", MAY_10, "报告", 2);
    private static final FeedbackGiven FEEDBACK = new FeedbackGiven("i-1", "r-1", "p-1", "330000", "o-1", "杭州市委",
            "330000", "330100", "张三", JUNE_15, List.of(
                    new FeedbackFinding("f-1", FocusArea.PARTY_LINE, "问题 1", Severity.GENERAL),
                    new FeedbackFinding("f-2", FocusArea.RECTIFICATION, "问题 2", Severity.SERIOUS)));

    private static Inspection.RecordFinding finding(String id, List<String> evidence) {
        return new Inspection.RecordFinding(id, FocusArea.PARTY_LINE, "  问题 " + id + " ", Severity.GENERAL, false,
                true, false, false, evidence, null);
    }

    @Test
    void an_inspection_opens_as_the_command_describes_it_and_is_preparing() {
        inspection.when(OPEN).then(OPENED).andState(s -> {
            assertThat(s.status()).isEqualTo(Status.PREPARING);
            assertThat(s.opened()).isTrue();
            assertThat(s.findings()).isEmpty();
            assertThat(s.organisationLocation()).isEqualTo("330100");
            assertThat(s.stationedOn()).isNull();
        });
    }

    @Test
    void an_inspection_opens_once() {
        inspection.given(OPENED).when(OPEN).thenRejected(Inspection.ALREADY_OPENED);
    }

    @Test
    void every_step_of_an_inspection_not_opened_is_refused_as_not_opened() {
        inspection.when(new Inspection.Station(MARCH_2)).thenRejected(Inspection.NOT_OPENED);
        inspection.when(finding("f", List.of())).thenRejected(Inspection.NOT_OPENED);
        inspection.when(new Inspection.Report(MAY_10, "x")).thenRejected(Inspection.NOT_OPENED);
        inspection.when(new Inspection.GiveFeedback(JUNE_15, "x")).thenRejected(Inspection.NOT_OPENED);
        inspection.when(new Inspection.Close(JUNE_30)).thenRejected(Inspection.NOT_OPENED);
    }

    @Test
    void the_team_is_stationed_while_the_inspection_prepares() {
        inspection.given(OPENED).when(new Inspection.Station(MARCH_2)).then(STATIONED).andState(s -> {
            assertThat(s.status()).isEqualTo(Status.STATIONED);
            assertThat(s.stationedOn()).isEqualTo(MARCH_2);
        });
    }

    @Test
    void the_team_is_stationed_once() {
        inspection.given(OPENED, STATIONED).when(new Inspection.Station(MARCH_2.plusDays(1)))
                .thenRejected(Inspection.NOT_PREPARING);
    }

    @Test
    void a_finding_is_recorded_while_stationed_with_description_and_evidence_stripped() {
        inspection.given(OPENED, STATIONED).when(finding("f-1", List.of(" 文件 1 ", "谈话 2 ")))
                .then(new FindingRecorded("i-1", "f-1", FocusArea.PARTY_LINE, "问题 f-1", Severity.GENERAL, false,
                        true, false, false, List.of("文件 1", "谈话 2"), null))
                .andState(s -> assertThat(s.findings()).containsExactly(new Inspection.Finding("f-1",
                        FocusArea.PARTY_LINE, "问题 f-1", Severity.GENERAL, false, true, false, false,
                        List.of("文件 1", "谈话 2"), null)));
    }

    /** An informant as the application layer hands it to the decider: already sealed under its own subject. */
    private static final Informant INFORMANT = new Informant(
            new SealedValue("A256GCM", "informant-1", "AAAAAAAAAAAAAAAA", "c2VhbGVkIG5hbWUgYW5kIGl0cyB0YWc="),
            new SealedValue("A256GCM", "informant-1", "BBBBBBBBBBBBBBBB", "c2VhbGVkIGNvbnRhY3QgYW5kIGl0cyB0YWc="));

    @Test
    void a_finding_names_its_informant_sealed_as_given_and_keeps_it_in_its_state() {
        inspection.given(OPENED, STATIONED)
                .when(new Inspection.RecordFinding("f-1", FocusArea.PARTY_LINE, "问题 f-1", Severity.GENERAL, false,
                        true, false, false, List.of(), INFORMANT))
                .then(new FindingRecorded("i-1", "f-1", FocusArea.PARTY_LINE, "问题 f-1", Severity.GENERAL, false,
                        true, false, false, List.of(), INFORMANT))
                .andState(s -> assertThat(s.findings().get(0).informant()).isEqualTo(INFORMANT));
    }

    @Test
    void the_feedback_does_not_carry_a_findings_informant() {
        FindingRecorded withInformant = new FindingRecorded("i-1", "f-1", FocusArea.PARTY_LINE, "问题 1",
                Severity.GENERAL, false, true, false, false, List.of("文件 1"), INFORMANT);
        // The same feedback as without the informant: FeedbackFinding has no place for one.
        inspection.given(OPENED, STATIONED, withInformant, FINDING_2, REPORTED)
                .when(new Inspection.GiveFeedback(JUNE_15, " 张三 ")).then(FEEDBACK);
    }

    @Test
    void a_finding_without_evidence_records_none() {
        inspection.given(OPENED, STATIONED).when(finding("f-1", null))
                .then(new FindingRecorded("i-1", "f-1", FocusArea.PARTY_LINE, "问题 f-1", Severity.GENERAL, false,
                        true, false, false, List.of(), null));
    }

    @Test
    void findings_are_kept_in_the_order_recorded() {
        assertThat(inspection.given(OPENED, STATIONED, FINDING_1, FINDING_2).state().findings())
                .extracting(Inspection.Finding::findingId, Inspection.Finding::evidence)
                .containsExactly(tuple("f-1", List.of("文件 1")),
                        tuple("f-2", List.of()));
    }

    @Test
    void an_inspection_records_at_most_max_findings_so_that_its_feedback_stays_publishable() {
        List<InspectionEvent> history = new java.util.ArrayList<>(List.of(OPENED, STATIONED));
        for (int i = 0; i < Inspection.MAX_FINDINGS - 1; i++) {
            history.add(new FindingRecorded("i-1", "f-" + i, FocusArea.PARTY_LINE, "问题 " + i, Severity.GENERAL,
                    false, false, false, false, List.of(), null));
        }
        inspection.given(history).when(finding("last", List.of())).then(new FindingRecorded("i-1", "last",
                FocusArea.PARTY_LINE, "问题 last", Severity.GENERAL, false, true, false, false, List.of(), null));
        history.add(new FindingRecorded("i-1", "last", FocusArea.PARTY_LINE, "问题 last", Severity.GENERAL, false,
                true, false, false, List.of(), null));
        inspection.given(history).when(finding("one-too-many", List.of()))
                .thenInvalid(Inspection.TOO_MANY_FINDINGS);
    }

    @Test
    void a_finding_whose_description_would_make_the_feedback_too_large_is_invalid_on_description() {
        // 3,999 CJK characters are 11,997 bytes of UTF-8: 50 of them take 599,850 of the 600,000 bytes allowed.
        String long1 = "问".repeat(3_999);
        List<InspectionEvent> history = new java.util.ArrayList<>(List.of(OPENED, STATIONED));
        for (int i = 0; i < 50; i++) {
            history.add(new FindingRecorded("i-1", "f-" + i, FocusArea.PARTY_LINE, long1, Severity.GENERAL, false,
                    false, false, false, List.of(), null));
        }
        inspection.given(history).when(new Inspection.RecordFinding("short", FocusArea.PARTY_LINE, "问题一二三",
                Severity.GENERAL, false, false, false, false, List.of(), null)).then(new FindingRecorded("i-1", "short",
                        FocusArea.PARTY_LINE, "问题一二三", Severity.GENERAL, false, false, false, false, List.of(), null));
        inspection.given(history).when(new Inspection.RecordFinding("long", FocusArea.PARTY_LINE, long1,
                Severity.GENERAL, false, false, false, false, List.of(), null))
                .thenInvalid(Inspection.FINDINGS_TOO_LONG, "description");
    }

    @Test
    void a_finding_is_recorded_only_while_stationed() {
        inspection.given(OPENED).when(finding("f", List.of())).thenRejected(Inspection.NOT_STATIONED);
        inspection.given(OPENED, STATIONED, REPORTED).when(finding("late", List.of()))
                .thenRejected(Inspection.NOT_STATIONED);
    }

    @Test
    void the_report_counts_the_findings_and_strips_its_summary() {
        inspection.given(OPENED, STATIONED, FINDING_1, FINDING_2).when(new Inspection.Report(MAY_10, " 报告 "))
                .then(REPORTED).andState(s -> {
                    assertThat(s.status()).isEqualTo(Status.REPORTED);
                    assertThat(s.reportedOn()).isEqualTo(MAY_10);
                    assertThat(s.summary()).isEqualTo("报告");
                    assertThat(s.stationedOn()).isEqualTo(MARCH_2);
                });
    }

    @Test
    void an_inspection_that_found_nothing_is_reported_with_no_findings() {
        inspection.given(OPENED, STATIONED).when(new Inspection.Report(MAY_10, "未发现问题"))
                .then(new InspectionReported("i-1", MAY_10, "未发现问题", 0));
    }

    @Test
    void the_report_is_made_only_while_stationed() {
        inspection.given(OPENED).when(new Inspection.Report(MAY_10, "x")).thenRejected(Inspection.NOT_STATIONED);
        inspection.given(OPENED, STATIONED, REPORTED).when(new Inspection.Report(MAY_10, "x"))
                .thenRejected(Inspection.NOT_STATIONED);
    }

    @Test
    void a_report_dated_before_the_stationing_is_invalid_on_reported_on_and_one_on_the_same_day_is_not() {
        inspection.given(OPENED, STATIONED).when(new Inspection.Report(MARCH_2.minusDays(1), "x"))
                .thenInvalid(Inspection.DATE_OUT_OF_ORDER, "reportedOn");
        inspection.given(OPENED, STATIONED).when(new Inspection.Report(MARCH_2, "x"))
                .then(new InspectionReported("i-1", MARCH_2, "x", 0));
    }

    @Test
    void the_feedback_carries_every_finding_and_what_rectification_needs() {
        inspection.given(OPENED, STATIONED, FINDING_1, FINDING_2, REPORTED)
                .when(new Inspection.GiveFeedback(JUNE_15, " 张三 ")).then(FEEDBACK).andState(s -> {
                    assertThat(s.status()).isEqualTo(Status.FEEDBACK_GIVEN);
                    assertThat(s.feedbackOn()).isEqualTo(JUNE_15);
                    assertThat(s.organisationHead()).isEqualTo("张三");
                });
    }

    @Test
    void the_feedback_of_a_clean_inspection_carries_no_finding() {
        inspection.given(OPENED, STATIONED, new InspectionReported("i-1", MAY_10, "未发现问题", 0))
                .when(new Inspection.GiveFeedback(JUNE_15, "李四"))
                .then(new FeedbackGiven("i-1", "r-1", "p-1", "330000", "o-1", "杭州市委", "330000", "330100", "李四",
                        JUNE_15, List.of()));
    }

    @Test
    void feedback_is_given_only_once_reported() {
        inspection.given(OPENED, STATIONED).when(new Inspection.GiveFeedback(JUNE_15, "x"))
                .thenRejected(Inspection.NOT_REPORTED);
        inspection.given(OPENED, STATIONED, REPORTED, FEEDBACK).when(new Inspection.GiveFeedback(JUNE_15, "x"))
                .thenRejected(Inspection.NOT_REPORTED);
    }

    @Test
    void feedback_dated_before_the_report_is_invalid_on_given_on() {
        inspection.given(OPENED, STATIONED, REPORTED).when(new Inspection.GiveFeedback(MAY_10.minusDays(1), "x"))
                .thenInvalid(Inspection.DATE_OUT_OF_ORDER, "givenOn");
    }

    @Test
    void the_inspection_closes_after_its_feedback() {
        inspection.given(OPENED, STATIONED, REPORTED, FEEDBACK).when(new Inspection.Close(JUNE_30))
                .then(new InspectionClosed("i-1", JUNE_30)).andState(s -> {
                    assertThat(s.status()).isEqualTo(Status.CLOSED);
                    assertThat(s.closedOn()).isEqualTo(JUNE_30);
                    assertThat(s.feedbackOn()).isEqualTo(JUNE_15);
                });
    }

    @Test
    void the_inspection_closes_only_after_feedback_and_once() {
        inspection.given(OPENED, STATIONED, REPORTED).when(new Inspection.Close(JUNE_30))
                .thenRejected(Inspection.FEEDBACK_NOT_GIVEN);
        inspection.given(OPENED, STATIONED, REPORTED, FEEDBACK, new InspectionClosed("i-1", JUNE_30))
                .when(new Inspection.Close(JUNE_30)).thenRejected(Inspection.FEEDBACK_NOT_GIVEN);
    }

    @Test
    void closing_before_the_feedback_is_invalid_on_closed_on() {
        inspection.given(OPENED, STATIONED, REPORTED, FEEDBACK).when(new Inspection.Close(JUNE_15.minusDays(1)))
                .thenInvalid(Inspection.DATE_OUT_OF_ORDER, "closedOn");
    }

    @Test
    void the_id_is_derived_from_round_and_organisation() {
        assertThat(Inspection.idFor("r-1", "o-1")).isEqualTo(Inspection.idFor("r-1", "o-1"))
                .isNotEqualTo(Inspection.idFor("r-1", "o-2")).isNotEqualTo(Inspection.idFor("r-2", "o-1"));
    }
}
