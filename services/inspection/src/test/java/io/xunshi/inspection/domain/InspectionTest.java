package io.xunshi.inspection.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.xunshi.contracts.SealedValue;
import io.xunshi.contracts.inspection.BriefingReceived;
import io.xunshi.contracts.inspection.BriefingSource;
import io.xunshi.contracts.inspection.ContactChannel;
import io.xunshi.contracts.inspection.ContactChannelKind;
import io.xunshi.contracts.inspection.FeedbackFinding;
import io.xunshi.contracts.inspection.FeedbackGiven;
import io.xunshi.contracts.inspection.FindingApproved;
import io.xunshi.contracts.inspection.FindingRecorded;
import io.xunshi.contracts.inspection.FindingRejected;
import io.xunshi.contracts.inspection.FindingRevised;
import io.xunshi.contracts.inspection.FocusArea;
import io.xunshi.contracts.inspection.HeadFeedbackGiven;
import io.xunshi.contracts.inspection.Informant;
import io.xunshi.contracts.inspection.InspectionClosed;
import io.xunshi.contracts.inspection.InspectionEvent;
import io.xunshi.contracts.inspection.InspectionOpened;
import io.xunshi.contracts.inspection.InspectionReported;
import io.xunshi.contracts.inspection.InspectionStationed;
import io.xunshi.contracts.inspection.Severity;
import io.xunshi.contracts.inspection.ThematicReportSubmitted;
import io.xunshi.contracts.planning.RoundKind;
import io.xunshi.inspection.domain.Inspection.Review;
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
    private static final InspectionStationed STATIONED = new InspectionStationed("i-1", MARCH_2, List.of());
    private static final LocalDate MARCH_20 = LocalDate.of(2026, 3, 20);
    private static final String RULE = "《中国共产党问责条例》第七条";
    private static final FindingRecorded FINDING_1 = new FindingRecorded("i-1", "f-1", FocusArea.PARTY_LINE,
            "问题 1", Severity.GENERAL, false, true, false, false, List.of("文件 1"), null, RULE, "党委书记");
    private static final FindingRecorded FINDING_2 = new FindingRecorded("i-1", "f-2", FocusArea.RECTIFICATION,
            "问题 2", Severity.SERIOUS, true, false, true, true, List.of(), null, RULE, "分管副书记");
    private static final FindingApproved APPROVED_1 = new FindingApproved("i-1", "f-1", "leader", MARCH_20);
    private static final FindingApproved APPROVED_2 = new FindingApproved("i-1", "f-2", "leader", MARCH_20);
    private static final InspectionReported REPORTED = new InspectionReported("i-1", MAY_10, "报告", 2);
    private static final FeedbackGiven FEEDBACK = new FeedbackGiven("i-1", "r-1", "p-1", "330000", "o-1", "杭州市委",
            "330000", "330100", "张三", JUNE_15, List.of(
                    new FeedbackFinding("f-1", FocusArea.PARTY_LINE, "问题 1", Severity.GENERAL),
                    new FeedbackFinding("f-2", FocusArea.RECTIFICATION, "问题 2", Severity.SERIOUS)));

    private static Inspection.RecordFinding finding(String id, List<String> evidence) {
        return new Inspection.RecordFinding(id, FocusArea.PARTY_LINE, "  问题 " + id + " ", Severity.GENERAL, false,
                true, false, false, evidence, null, null, null);
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
        inspection.when(new Inspection.Station(MARCH_2, List.of())).thenRejected(Inspection.NOT_OPENED);
        inspection.when(finding("f", List.of())).thenRejected(Inspection.NOT_OPENED);
        inspection.when(new Inspection.Report(MAY_10, "x")).thenRejected(Inspection.NOT_OPENED);
        inspection.when(new Inspection.GiveFeedback(JUNE_15, "x")).thenRejected(Inspection.NOT_OPENED);
        inspection.when(new Inspection.Close(JUNE_30)).thenRejected(Inspection.NOT_OPENED);
    }

    @Test
    void the_team_is_stationed_while_the_inspection_prepares() {
        inspection.given(OPENED).when(new Inspection.Station(MARCH_2, List.of())).then(STATIONED).andState(s -> {
            assertThat(s.status()).isEqualTo(Status.STATIONED);
            assertThat(s.stationedOn()).isEqualTo(MARCH_2);
        });
    }

    @Test
    void the_team_is_stationed_once() {
        inspection.given(OPENED, STATIONED).when(new Inspection.Station(MARCH_2.plusDays(1), List.of()))
                .thenRejected(Inspection.NOT_PREPARING);
    }

    @Test
    void a_finding_is_recorded_while_stationed_with_description_and_evidence_stripped() {
        inspection.given(OPENED, STATIONED).when(finding("f-1", List.of(" 文件 1 ", "谈话 2 ")))
                .then(new FindingRecorded("i-1", "f-1", FocusArea.PARTY_LINE, "问题 f-1", Severity.GENERAL, false,
                        true, false, false, List.of("文件 1", "谈话 2"), null, null, null))
                .andState(s -> assertThat(s.findings()).containsExactly(new Inspection.Finding("f-1",
                        FocusArea.PARTY_LINE, "问题 f-1", Severity.GENERAL, false, true, false, false,
                        List.of("文件 1", "谈话 2"), null, null, null, Inspection.Review.AWAITING_REVIEW, null, null,
                        null)));
    }

    /** An informant as the application layer hands it to the decider: already sealed under its own subject. */
    private static final Informant INFORMANT = new Informant(
            new SealedValue("A256GCM", "informant-1", "AAAAAAAAAAAAAAAA", "c2VhbGVkIG5hbWUgYW5kIGl0cyB0YWc="),
            new SealedValue("A256GCM", "informant-1", "BBBBBBBBBBBBBBBB", "c2VhbGVkIGNvbnRhY3QgYW5kIGl0cyB0YWc="));

    @Test
    void a_finding_names_its_informant_sealed_as_given_and_keeps_it_in_its_state() {
        inspection.given(OPENED, STATIONED)
                .when(new Inspection.RecordFinding("f-1", FocusArea.PARTY_LINE, "问题 f-1", Severity.GENERAL, false,
                        true, false, false, List.of(), INFORMANT, null, null))
                .then(new FindingRecorded("i-1", "f-1", FocusArea.PARTY_LINE, "问题 f-1", Severity.GENERAL, false,
                        true, false, false, List.of(), INFORMANT, null, null))
                .andState(s -> assertThat(s.findings().get(0).informant()).isEqualTo(INFORMANT));
    }

    @Test
    void the_feedback_does_not_carry_a_findings_informant() {
        FindingRecorded withInformant = new FindingRecorded("i-1", "f-1", FocusArea.PARTY_LINE, "问题 1",
                Severity.GENERAL, false, true, false, false, List.of("文件 1"), INFORMANT, null, null);
        // The same feedback as without the informant: FeedbackFinding has no place for one.
        inspection.given(OPENED, STATIONED, withInformant, APPROVED_1, FINDING_2, APPROVED_2, REPORTED)
                .when(new Inspection.GiveFeedback(JUNE_15, " 张三 ")).then(FEEDBACK);
    }

    @Test
    void a_finding_without_evidence_records_none() {
        inspection.given(OPENED, STATIONED).when(finding("f-1", null))
                .then(new FindingRecorded("i-1", "f-1", FocusArea.PARTY_LINE, "问题 f-1", Severity.GENERAL, false,
                        true, false, false, List.of(), null, null, null));
    }

    @Test
    void findings_are_kept_in_the_order_recorded() {
        assertThat(inspection.given(OPENED, STATIONED, FINDING_1, APPROVED_1, FINDING_2, APPROVED_2).state().findings())
                .extracting(Inspection.Finding::findingId, Inspection.Finding::evidence)
                .containsExactly(tuple("f-1", List.of("文件 1")),
                        tuple("f-2", List.of()));
    }

    @Test
    void an_inspection_records_at_most_max_findings_so_that_its_feedback_stays_publishable() {
        List<InspectionEvent> history = new java.util.ArrayList<>(List.of(OPENED, STATIONED));
        for (int i = 0; i < Inspection.MAX_FINDINGS - 1; i++) {
            history.add(new FindingRecorded("i-1", "f-" + i, FocusArea.PARTY_LINE, "问题 " + i, Severity.GENERAL,
                    false, false, false, false, List.of(), null, null, null));
        }
        inspection.given(history).when(finding("last", List.of())).then(new FindingRecorded("i-1", "last",
                FocusArea.PARTY_LINE, "问题 last", Severity.GENERAL, false, true, false, false, List.of(), null, null,
                null));
        history.add(new FindingRecorded("i-1", "last", FocusArea.PARTY_LINE, "问题 last", Severity.GENERAL, false,
                true, false, false, List.of(), null, null, null));
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
                    false, false, false, List.of(), null, null, null));
        }
        inspection.given(history).when(new Inspection.RecordFinding("short", FocusArea.PARTY_LINE, "问题一二三",
                Severity.GENERAL, false, false, false, false, List.of(), null, null, null))
                .then(new FindingRecorded("i-1", "short",
                        FocusArea.PARTY_LINE, "问题一二三", Severity.GENERAL, false, false, false, false, List.of(), null,
                        null, null));
        inspection.given(history).when(new Inspection.RecordFinding("long", FocusArea.PARTY_LINE, long1,
                Severity.GENERAL, false, false, false, false, List.of(), null, null, null))
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
        inspection.given(OPENED, STATIONED, FINDING_1, APPROVED_1, FINDING_2, APPROVED_2)
                .when(new Inspection.Report(MAY_10, " 报告 "))
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
        inspection.given(OPENED, STATIONED, FINDING_1, APPROVED_1, FINDING_2, APPROVED_2, REPORTED)
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

    @Test
    void briefings_are_recorded_before_the_stationing_and_show_which_departments_are_missing() {
        BriefingReceived discipline = new BriefingReceived("i-1", BriefingSource.DISCIPLINE, "省纪委监委第三监督检查室",
                LocalDate.of(2026, 2, 24), "通报信访举报情况");
        inspection.given(OPENED).when(new Inspection.RecordBriefing(BriefingSource.DISCIPLINE, " 省纪委监委第三监督检查室 ",
                LocalDate.of(2026, 2, 24), " 通报信访举报情况 ")).then(discipline).andState(
                        s -> assertThat(
                                s.briefingsMissing()).containsExactly(BriefingSource.POLITICAL_LEGAL,
                                        BriefingSource.ORGANISATION, BriefingSource.AUDIT, BriefingSource.PETITION));
        inspection.given(OPENED, STATIONED).when(new Inspection.RecordBriefing(BriefingSource.AUDIT, "审计厅", MARCH_2,
                "x")).thenRejected(Inspection.NOT_PREPARING);
        inspection.when(new Inspection.RecordBriefing(BriefingSource.AUDIT, "审计厅", MARCH_2, "x"))
                .thenRejected(Inspection.NOT_OPENED);
        inspection.given(OPENED, discipline).when(new Inspection.Station(LocalDate.of(2026, 2, 23), List.of()))
                .thenInvalid(Inspection.DATE_OUT_OF_ORDER, "stationedOn");
    }

    @Test
    void the_stationing_publishes_its_contact_channels() {
        List<ContactChannel> channels = List.of(new ContactChannel(ContactChannelKind.PHONE, " 0571-87001234 ", " "),
                new ContactChannel(ContactChannelKind.POSTAL_BOX, "杭州市 A 信箱", "每日"));
        inspection.given(OPENED).when(new Inspection.Station(MARCH_2, channels)).then(new InspectionStationed("i-1",
                MARCH_2, List.of(new ContactChannel(ContactChannelKind.PHONE, "0571-87001234", null),
                        new ContactChannel(ContactChannelKind.POSTAL_BOX, "杭州市 A 信箱", "每日"))))
                .andState(s -> assertThat(s.contactChannels()).hasSize(2));
        // An event recorded before the channels were published carries none.
        inspection.given(OPENED, new InspectionStationed("i-1", MARCH_2, null)).when(new Inspection.Close(MARCH_2))
                .thenRejected(Inspection.FEEDBACK_NOT_GIVEN);
        assertThat(new Inspection().evolve(new Inspection().evolve(new Inspection().initialState(), OPENED),
                new InspectionStationed("i-1", MARCH_2, null)).contactChannels()).isEmpty();
    }

    @Test
    void a_thematic_report_rests_on_findings_of_the_inspection_during_fieldwork_or_after_the_report() {
        ThematicReportSubmitted submitted = new ThematicReportSubmitted("i-1", "t-1", "专题报告", "普遍存在",
                List.of("f-1", "f-2"), MAY_10);
        inspection.given(OPENED, STATIONED, FINDING_1, APPROVED_1, FINDING_2, APPROVED_2)
                .when(new Inspection.SubmitThematicReport("t-1",
                        " 专题报告 ", " 普遍存在 ", List.of("f-1", " f-2", "f-1"), MAY_10))
                .then(submitted)
                .andState(s -> assertThat(s.thematicReports()).extracting(Inspection.ThematicReport::findingIds)
                        .containsExactly(List.of("f-1", "f-2")));
        inspection.given(OPENED, STATIONED, FINDING_1, APPROVED_1, FINDING_2, APPROVED_2, REPORTED)
                .when(new Inspection.SubmitThematicReport(
                        "t-2", "x", "y", List.of("f-2"), MAY_10))
                .then(new ThematicReportSubmitted("i-1", "t-2", "x", "y",
                        List.of("f-2"), MAY_10));
        inspection.given(OPENED, STATIONED, FINDING_1, APPROVED_1)
                .when(new Inspection.SubmitThematicReport("t-1", "x", "y",
                        List.of("f-9"), MAY_10))
                .thenInvalid(Inspection.FINDING_UNKNOWN, "findingIds");
        inspection.given(OPENED, STATIONED, FINDING_1, APPROVED_1)
                .when(new Inspection.SubmitThematicReport("t-1", "x", "y",
                        List.of(), MAY_10))
                .thenInvalid(Inspection.FINDING_UNKNOWN, "findingIds");
        inspection.given(OPENED, STATIONED, FINDING_1, APPROVED_1)
                .when(new Inspection.SubmitThematicReport("t-1", "x", "y",
                        List.of("f-1"), LocalDate.of(2026, 3, 1)))
                .thenInvalid(Inspection.DATE_OUT_OF_ORDER, "submittedOn");
        inspection.given(OPENED).when(new Inspection.SubmitThematicReport("t-1", "x", "y", List.of("f-1"), MAY_10))
                .thenRejected(Inspection.NOT_STATIONED);
        inspection.given(OPENED, STATIONED, FINDING_1, APPROVED_1, FINDING_2, APPROVED_2, REPORTED, FEEDBACK)
                .when(new Inspection.SubmitThematicReport("t-1", "x", "y", List.of("f-1"), JUNE_15))
                .thenRejected(Inspection.NOT_STATIONED);
    }

    @Test
    void the_principal_leader_is_given_feedback_once_after_the_report_apart_from_the_leadership_team() {
        HeadFeedbackGiven head = new HeadFeedbackGiven("i-1", "张三", JUNE_15);
        inspection.given(OPENED, STATIONED, FINDING_1, APPROVED_1, FINDING_2, APPROVED_2, REPORTED)
                .when(new Inspection.GiveHeadFeedback(JUNE_15, " 张三 ")).then(head)
                .andState(s -> assertThat(s.headFeedback().givenOn()).isEqualTo(JUNE_15));
        inspection.given(OPENED, STATIONED, FINDING_1, APPROVED_1, FINDING_2, APPROVED_2, REPORTED, FEEDBACK)
                .when(new Inspection.GiveHeadFeedback(JUNE_15, "张三")).then(head);
        inspection.given(OPENED, STATIONED, FINDING_1, APPROVED_1, FINDING_2, APPROVED_2, REPORTED, head)
                .when(new Inspection.GiveHeadFeedback(JUNE_30, "张三")).thenRejected(Inspection.HEAD_FEEDBACK_GIVEN);
        inspection.given(OPENED, STATIONED).when(new Inspection.GiveHeadFeedback(JUNE_15, "张三"))
                .thenRejected(Inspection.NOT_REPORTED);
        inspection.given(OPENED, STATIONED, FINDING_1, APPROVED_1, FINDING_2, APPROVED_2, REPORTED)
                .when(new Inspection.GiveHeadFeedback(MARCH_2, "张三")).thenInvalid(Inspection.DATE_OUT_OF_ORDER,
                        "givenOn");
    }

    @Test
    void a_finding_is_recorded_as_a_working_paper_awaiting_the_leaders_review() {
        inspection.given(OPENED, STATIONED).when(new Inspection.RecordFinding("f-1", FocusArea.PARTY_LINE, "问题 1",
                Severity.GENERAL, false, true, false, false, List.of("文件 1"), null, " " + RULE + " ", " "))
                .then(new FindingRecorded("i-1", "f-1", FocusArea.PARTY_LINE, "问题 1", Severity.GENERAL, false, true,
                        false, false, List.of("文件 1"), null, RULE, null))
                .andState(s -> {
                    assertThat(s.findings().get(0).review()).isEqualTo(Review.AWAITING_REVIEW);
                    assertThat(s.approvedFindings()).isEmpty();
                });
    }

    @Test
    void the_leader_approves_a_complete_working_paper_once_while_stationed() {
        inspection.given(OPENED, STATIONED, FINDING_1).when(new Inspection.ApproveFinding("f-1", "leader", MARCH_20))
                .then(APPROVED_1).andState(s -> {
                    assertThat(s.findings().get(0).review()).isEqualTo(Review.APPROVED);
                    assertThat(s.findings().get(0).approvedBy()).isEqualTo("leader");
                    assertThat(s.approvedFindings()).extracting(Inspection.Finding::findingId).containsExactly("f-1");
                });
        inspection.given(OPENED, STATIONED, FINDING_1, APPROVED_1)
                .when(new Inspection.ApproveFinding("f-1", "leader", MARCH_20))
                .thenRejected(Inspection.FINDING_NOT_AWAITING_REVIEW);
        inspection.given(OPENED, STATIONED, FINDING_1).when(new Inspection.ApproveFinding("f-9", "leader", MARCH_20))
                .thenNotFound(Inspection.NO_SUCH_FINDING);
        inspection.given(OPENED, STATIONED, FINDING_1)
                .when(new Inspection.ApproveFinding("f-1", "leader", MARCH_2.minusDays(1)))
                .thenInvalid(Inspection.DATE_OUT_OF_ORDER, "approvedOn");
        inspection.given(OPENED).when(new Inspection.ApproveFinding("f-1", "leader", MARCH_20))
                .thenRejected(Inspection.NOT_STATIONED);
    }

    @Test
    void a_working_paper_without_its_rule_or_who_is_responsible_is_not_approved() {
        FindingRecorded noRule = new FindingRecorded("i-1", "f-1", FocusArea.PARTY_LINE, "问题 1", Severity.GENERAL,
                false, false, false, false, List.of(), null, null, "党委书记");
        FindingRecorded noOwner = new FindingRecorded("i-1", "f-1", FocusArea.PARTY_LINE, "问题 1", Severity.GENERAL,
                false, false, false, false, List.of(), null, RULE, null);
        inspection.given(OPENED, STATIONED, noRule).when(new Inspection.ApproveFinding("f-1", "leader", MARCH_20))
                .thenInvalid(Inspection.WORKING_PAPER_INCOMPLETE);
        inspection.given(OPENED, STATIONED, noOwner).when(new Inspection.ApproveFinding("f-1", "leader", MARCH_20))
                .thenInvalid(Inspection.WORKING_PAPER_INCOMPLETE);
    }

    @Test
    void a_working_paper_sent_back_is_revised_and_reviewed_again() {
        FindingRejected sentBack = new FindingRejected("i-1", "f-1", "leader", "证据不足", MARCH_20);
        inspection.given(OPENED, STATIONED, FINDING_1)
                .when(new Inspection.SendBackFinding("f-1", "leader", " 证据不足 ", MARCH_20)).then(sentBack)
                .andState(s -> {
                    assertThat(s.findings().get(0).review()).isEqualTo(Review.SENT_BACK);
                    assertThat(s.findings().get(0).sentBackFor()).isEqualTo("证据不足");
                });
        // Sent back, it is neither approved nor sent back again until revised.
        inspection.given(OPENED, STATIONED, FINDING_1, sentBack)
                .when(new Inspection.ApproveFinding("f-1", "leader", MARCH_20))
                .thenRejected(Inspection.FINDING_NOT_AWAITING_REVIEW);
        FindingRevised revised = new FindingRevised("i-1", "f-1", FocusArea.GOVERNANCE_RESPONSIBILITY, "问题 1 补充",
                Severity.SERIOUS, false, true, false, true, List.of("文件 1", "会议纪要"), RULE, "党委书记");
        inspection.given(OPENED, STATIONED, FINDING_1, sentBack)
                .when(new Inspection.ReviseFinding("f-1", FocusArea.GOVERNANCE_RESPONSIBILITY, " 问题 1 补充 ",
                        Severity.SERIOUS, false, true, false, true, List.of("文件 1", " 会议纪要"), RULE, "党委书记"))
                .then(revised).andState(s -> {
                    Inspection.Finding f = s.findings().get(0);
                    assertThat(f.review()).isEqualTo(Review.AWAITING_REVIEW);
                    assertThat(f.description()).isEqualTo("问题 1 补充");
                    assertThat(f.sentBackFor()).isNull();
                });
        inspection.given(OPENED, STATIONED, FINDING_1, sentBack, revised)
                .when(new Inspection.ApproveFinding("f-1", "leader", MARCH_20)).then(APPROVED_1);
        // Only a working paper sent back is revised.
        inspection.given(OPENED, STATIONED, FINDING_1).when(new Inspection.ReviseFinding("f-1", FocusArea.PARTY_LINE,
                "x", Severity.GENERAL, false, false, false, false, List.of(), RULE, "党委书记"))
                .thenRejected(Inspection.FINDING_NOT_SENT_BACK);
    }

    @Test
    void the_report_waits_for_every_review_and_counts_and_feeds_back_only_approved_findings() {
        inspection.given(OPENED, STATIONED, FINDING_1, APPROVED_1, FINDING_2).when(new Inspection.Report(MAY_10, "x"))
                .thenRejected(Inspection.FINDINGS_AWAITING_REVIEW);
        FindingRejected sentBack = new FindingRejected("i-1", "f-2", "leader", "不构成问题", MARCH_20);
        inspection.given(OPENED, STATIONED, FINDING_1, APPROVED_1, FINDING_2, sentBack)
                .when(new Inspection.Report(MAY_10, "x")).then(new InspectionReported("i-1", MAY_10, "x", 1));
        inspection.given(OPENED, STATIONED, FINDING_1, APPROVED_1, FINDING_2, sentBack,
                new InspectionReported("i-1", MAY_10, "x", 1)).when(new Inspection.GiveFeedback(JUNE_15, "张三"))
                .then(new FeedbackGiven("i-1", "r-1", "p-1", "330000", "o-1", "杭州市委", "330000", "330100", "张三",
                        JUNE_15, List.of(new FeedbackFinding("f-1", FocusArea.PARTY_LINE, "问题 1", Severity.GENERAL))));
    }

    @Test
    void a_thematic_report_rests_on_approved_findings_only() {
        inspection.given(OPENED, STATIONED, FINDING_1).when(new Inspection.SubmitThematicReport("t-1", "x", "y",
                List.of("f-1"), MAY_10)).thenInvalid(Inspection.FINDING_NOT_APPROVED, "findingIds");
    }
}
