package io.xunshi.rectification.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.xunshi.contracts.inspection.FeedbackFinding;
import io.xunshi.contracts.inspection.FeedbackGiven;
import io.xunshi.contracts.inspection.FocusArea;
import io.xunshi.contracts.inspection.Severity;
import io.xunshi.contracts.rectification.EvaluationOutcome;
import io.xunshi.contracts.rectification.RectificationCaseOpened;
import io.xunshi.contracts.rectification.RectificationEvent;
import io.xunshi.contracts.rectification.RectificationReportSubmitted;
import io.xunshi.kernel.domain.DomainRejection;

class RectificationCaseTest {

    private static final LocalDate GIVEN = LocalDate.of(2026, 1, 31);
    private final RectificationCase decider = new RectificationCase();

    private static FeedbackGiven feedback() {
        return new FeedbackGiven("insp-1", "round-1", "plan-1", "000000", "org-1", "浙江省某厅", "000000", "330000",
                "李四", GIVEN, List.of(
                        new FeedbackFinding("f-1", FocusArea.PARTY_LINE, "贯彻落实不到位", Severity.SERIOUS),
                        new FeedbackFinding("f-2", FocusArea.ORGANISATIONAL_LINE, "选人用人不规范", Severity.GENERAL)));
    }

    private RectificationCase.State opened(List<RectificationEvent> history) {
        RectificationCaseOpened opened = RectificationCase.opening(feedback(), Period.ofMonths(2));
        history.add(opened);
        return decider.fold(history);
    }

    private RectificationCase.State after(List<RectificationEvent> history, RectificationCase.Command command) {
        history.addAll(decider.decide(command, decider.fold(history)));
        return decider.fold(history);
    }

    @Test
    void feedback_opens_a_case_with_one_task_per_finding_the_head_responsible_and_the_deadline_after_feedback() {
        RectificationCaseOpened opened = RectificationCase.opening(feedback(), Period.ofMonths(2));

        assertThat(opened.caseId()).isEqualTo(RectificationCase.caseIdFor("insp-1"))
                .isNotEqualTo(RectificationCase.caseIdFor("insp-2"));
        // 31 January plus two months is the last day of March.
        assertThat(opened.reportDue()).isEqualTo(LocalDate.of(2026, 3, 31));
        assertThat(opened.firstResponsible()).isEqualTo("李四");
        assertThat(opened.tasks()).extracting(t -> t.taskId() + ":" + t.findingId() + ":" + t.responsible())
                .containsExactly("T1:f-1:李四", "T2:f-2:李四");
        assertThat(opened.organisationLocation()).isEqualTo("330000");
        assertThat(opened.jurisdiction()).isEqualTo("000000");
    }

    @Test
    void opening_an_open_case_again_decides_nothing() {
        List<RectificationEvent> history = new ArrayList<>();
        RectificationCase.State state = opened(history);
        assertThat(decider.decide(new RectificationCase.Open(RectificationCase.opening(feedback(), Period.ofMonths(1))),
                state)).isEmpty();
    }

    @Test
    void the_report_may_precede_closing_every_task_but_an_effective_evaluation_may_not() {
        List<RectificationEvent> history = new ArrayList<>();
        opened(history);
        after(history, new RectificationCase.CloseTask("T1", GIVEN.plusDays(10), List.of("doc-1")));
        RectificationCase.State reported = after(history, new RectificationCase.SubmitReport(GIVEN.plusDays(20), "ok"));
        assertThat(reported.status()).isEqualTo(RectificationCase.Status.REPORT_SUBMITTED);
        assertThat(reported.report().onTime()).isTrue();

        assertThatThrownBy(() -> decider.decide(new RectificationCase.Evaluate(EvaluationOutcome.EFFECTIVE,
                GIVEN.plusDays(30), "好"), reported)).isInstanceOf(DomainRejection.class)
                .extracting(e -> ((DomainRejection) e).code()).isEqualTo(RectificationCase.TASKS_STILL_OPEN);

        RectificationCase.State progressed = after(history, new RectificationCase.ReportProgress("T2",
                GIVEN.plusDays(25), "长期坚持，持续推进"));
        assertThat(progressed.task("T2").progress()).hasSize(1);
        after(history, new RectificationCase.CloseTask("T2", GIVEN.plusDays(28), List.of("doc-2")));
        RectificationCase.State evaluated = after(history, new RectificationCase.Evaluate(EvaluationOutcome.EFFECTIVE,
                GIVEN.plusDays(30), "整改到位"));
        assertThat(evaluated.status()).isEqualTo(RectificationCase.Status.EVALUATED);
        assertThat(evaluated.evaluation().outcome()).isEqualTo(EvaluationOutcome.EFFECTIVE);
    }

    @Test
    void illegal_transitions_are_rejected_with_stable_codes() {
        List<RectificationEvent> history = new ArrayList<>();
        RectificationCase.State open = opened(history);
        assertThat(code(new RectificationCase.Evaluate(EvaluationOutcome.NOT_EFFECTIVE, GIVEN, "x"), open))
                .isEqualTo(RectificationCase.REPORT_NOT_SUBMITTED);
        assertThat(code(new RectificationCase.ReportProgress("T9", GIVEN, "x"), open))
                .isEqualTo(RectificationCase.TASK_NOT_FOUND);
        assertThat(code(new RectificationCase.ReportProgress("T1", GIVEN.minusDays(1), "x"), open))
                .isEqualTo(RectificationCase.DATE_BEFORE_FEEDBACK);
        assertThat(code(new RectificationCase.CloseTask("T1", GIVEN, List.of(" ")), open))
                .isEqualTo(RectificationCase.EVIDENCE_REQUIRED);

        RectificationCase.State closed = after(history, new RectificationCase.CloseTask("T1", GIVEN, List.of("d")));
        assertThat(code(new RectificationCase.ReportProgress("T1", GIVEN, "x"), closed))
                .isEqualTo(RectificationCase.TASK_CLOSED);
        assertThat(code(new RectificationCase.CloseTask("T1", GIVEN, List.of("d")), closed))
                .isEqualTo(RectificationCase.TASK_CLOSED);

        RectificationCase.State reported = after(history, new RectificationCase.SubmitReport(GIVEN, "s"));
        assertThat(code(new RectificationCase.SubmitReport(GIVEN, "again"), reported))
                .isEqualTo(RectificationCase.REPORT_ALREADY_SUBMITTED);

        RectificationCase.State evaluated = after(history, new RectificationCase.Evaluate(
                EvaluationOutcome.NOT_EFFECTIVE, GIVEN, "敷衍整改"));
        assertThat(code(new RectificationCase.Evaluate(EvaluationOutcome.NOT_EFFECTIVE, GIVEN, "x"), evaluated))
                .isEqualTo(RectificationCase.ALREADY_EVALUATED);
        assertThat(code(new RectificationCase.ReportProgress("T2", GIVEN, "x"), evaluated))
                .isEqualTo(RectificationCase.ALREADY_EVALUATED);
    }

    @Test
    void a_report_after_the_deadline_is_late_and_one_on_the_deadline_is_on_time() {
        List<RectificationEvent> history = new ArrayList<>();
        RectificationCase.State open = opened(history);
        LocalDate due = open.reportDue();
        assertThat(((RectificationReportSubmitted) decider.decide(new RectificationCase.SubmitReport(due, "s"), open)
                .get(0)).onTime()).isTrue();
        assertThat(((RectificationReportSubmitted) decider.decide(new RectificationCase.SubmitReport(due.plusDays(1),
                "s"), open).get(0)).onTime()).isFalse();
        assertThat(open.overdue(due)).isFalse();
        assertThat(open.overdue(due.plusDays(1))).isTrue();
    }

    private String code(RectificationCase.Command command, RectificationCase.State state) {
        try {
            decider.decide(command, state);
        } catch (DomainRejection e) {
            return e.code();
        }
        return "accepted";
    }
}
