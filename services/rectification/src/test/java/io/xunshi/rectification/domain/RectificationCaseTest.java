package io.xunshi.rectification.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.time.Period;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.xunshi.contracts.inspection.FeedbackFinding;
import io.xunshi.contracts.inspection.FeedbackGiven;
import io.xunshi.contracts.inspection.FocusArea;
import io.xunshi.contracts.inspection.Severity;
import io.xunshi.contracts.rectification.EvaluationOutcome;
import io.xunshi.contracts.rectification.HeadReportSubmitted;
import io.xunshi.contracts.rectification.PlannedTask;
import io.xunshi.contracts.rectification.RectificationCaseOpened;
import io.xunshi.contracts.rectification.RectificationEvaluated;
import io.xunshi.contracts.rectification.RectificationEvent;
import io.xunshi.contracts.rectification.RectificationPlanFiled;
import io.xunshi.contracts.rectification.RectificationProgressReported;
import io.xunshi.contracts.rectification.RectificationReportSubmitted;
import io.xunshi.contracts.rectification.RectificationTaskClosed;
import io.xunshi.contracts.rectification.ResponsibilityHandedOver;
import io.xunshi.contracts.rectification.TaskTier;
import io.xunshi.rectification.domain.RectificationCase.CloseTask;
import io.xunshi.rectification.domain.RectificationCase.Evaluate;
import io.xunshi.rectification.domain.RectificationCase.ReportProgress;
import io.xunshi.rectification.domain.RectificationCase.Status;
import io.xunshi.rectification.domain.RectificationCase.SubmitReport;
import io.xunshi.rectification.domain.RectificationCase.TaskStatus;
import io.xunshi.testing.decider.DeciderSpec;

class RectificationCaseTest {

    private static final RectificationCase DECIDER = new RectificationCase();
    private final DeciderSpec<RectificationCase.Command, RectificationEvent, RectificationCase.State> rectification = DeciderSpec
            .of(DECIDER::initialState, DECIDER::decide, DECIDER::evolve);

    private static final LocalDate GIVEN = LocalDate.of(2026, 1, 31);
    private static final FeedbackGiven FEEDBACK = new FeedbackGiven("insp-1", "round-1", "plan-1", "000000", "org-1",
            "浙江省某厅", "000000", "330000", "李四", GIVEN, List.of(
                    new FeedbackFinding("f-1", FocusArea.PARTY_LINE, "贯彻落实不到位", Severity.SERIOUS),
                    new FeedbackFinding("f-2", FocusArea.ORGANISATIONAL_LINE, "选人用人不规范", Severity.GENERAL)));
    private static final RectificationCaseOpened OPENED = RectificationCase.opening(FEEDBACK, Period.ofMonths(2));
    private static final String CASE = OPENED.caseId();
    private static final LocalDate DUE = OPENED.reportDue();

    private static RectificationTaskClosed closed(String task, LocalDate on) {
        return new RectificationTaskClosed(CASE, task, on, List.of("doc-" + task));
    }

    private static RectificationReportSubmitted submitted(LocalDate on) {
        return new RectificationReportSubmitted(CASE, on, "报告", !on.isAfter(DUE));
    }

    private static HeadReportSubmitted headReported(LocalDate on) {
        return new HeadReportSubmitted(CASE, on, "组织落实情况", !on.isAfter(DUE));
    }

    private static RectificationCase.PlanTask planned(String finding, TaskTier tier, LocalDate due, String owner) {
        return new RectificationCase.PlanTask(" " + finding + " ", " 整改 " + finding + " ", tier, due, " " + owner + " ",
                "副局长");
    }

    private static RectificationEvaluated evaluated(EvaluationOutcome outcome, LocalDate on) {
        return new RectificationEvaluated(CASE, "insp-1", "plan-1", "org-1", outcome, on, "评估");
    }

    private static RectificationEvent[] history(RectificationEvent... after) {
        RectificationEvent[] all = Arrays.copyOf(new RectificationEvent[]{ OPENED }, after.length + 1);
        System.arraycopy(after, 0, all, 1, after.length);
        return all;
    }

    @Test
    void feedback_opens_a_case_with_one_task_per_finding_the_head_responsible_and_the_deadline_after_feedback() {
        assertThat(OPENED.caseId()).isEqualTo(RectificationCase.caseIdFor("insp-1"))
                .isNotEqualTo(RectificationCase.caseIdFor("insp-2"));
        // 31 January plus two months is the last day of March.
        assertThat(OPENED.reportDue()).isEqualTo(LocalDate.of(2026, 3, 31));
        assertThat(OPENED.firstResponsible()).isEqualTo("李四");
        assertThat(OPENED.tasks()).extracting(t -> t.taskId() + ":" + t.findingId() + ":" + t.responsible())
                .containsExactly("T1:f-1:李四", "T2:f-2:李四");
        assertThat(OPENED.organisationLocation()).isEqualTo("330000");
        assertThat(OPENED.jurisdiction()).isEqualTo("000000");
    }

    @Test
    void feedback_without_findings_opens_a_case_without_tasks() {
        FeedbackGiven clean = new FeedbackGiven("insp-2", "round-1", "plan-1", "000000", "org-2", "某单位", "000000",
                "330000", "王五", GIVEN, null);
        assertThat(RectificationCase.opening(clean, Period.ofMonths(1)).tasks()).isEmpty();
    }

    @Test
    void opening_records_the_case_with_every_task_open() {
        rectification.when(new RectificationCase.Open(OPENED)).then(OPENED).andState(s -> {
            assertThat(s.opened()).isTrue();
            assertThat(s.status()).isEqualTo(Status.OPEN);
            assertThat(s.tasks()).extracting(RectificationCase.Task::taskId, RectificationCase.Task::status)
                    .containsExactly(tuple("T1", TaskStatus.OPEN),
                            tuple("T2", TaskStatus.OPEN));
            assertThat(s.report()).isNull();
            assertThat(s.evaluation()).isNull();
        });
    }

    @Test
    void opening_an_open_case_again_decides_nothing() {
        rectification.given(OPENED).when(new RectificationCase.Open(RectificationCase.opening(FEEDBACK,
                Period.ofMonths(1)))).thenNothing();
    }

    @Test
    void every_command_on_a_case_not_opened_is_refused_as_not_opened() {
        rectification.when(new ReportProgress("T1", GIVEN, "x")).thenRejected(RectificationCase.NOT_OPENED);
        rectification.when(new CloseTask("T1", GIVEN, List.of("d"))).thenRejected(RectificationCase.NOT_OPENED);
        rectification.when(new SubmitReport(GIVEN, "s")).thenRejected(RectificationCase.NOT_OPENED);
        rectification.when(new RectificationCase.SubmitHeadReport(GIVEN, "s"))
                .thenRejected(RectificationCase.NOT_OPENED);
        rectification.when(new RectificationCase.FilePlan(GIVEN, List.of())).thenRejected(RectificationCase.NOT_OPENED);
        rectification.when(new Evaluate(EvaluationOutcome.EFFECTIVE, GIVEN, "r"))
                .thenRejected(RectificationCase.NOT_OPENED);
    }

    @Test
    void progress_on_a_task_is_recorded_stripped_and_kept_in_order() {
        rectification.given(OPENED, new RectificationProgressReported(CASE, "T2", GIVEN, "自查"))
                .when(new ReportProgress("T2", GIVEN.plusDays(5), " 制定方案 "))
                .then(new RectificationProgressReported(CASE, "T2", GIVEN.plusDays(5), "制定方案"))
                .andState(s -> {
                    assertThat(s.task("T2").progress()).containsExactly(
                            new RectificationCase.Progress(GIVEN, "自查"),
                            new RectificationCase.Progress(GIVEN.plusDays(5), "制定方案"));
                    assertThat(s.task("T1").progress()).isEmpty();
                });
    }

    @Test
    void progress_on_a_task_the_case_does_not_have_is_not_found() {
        rectification.given(OPENED).when(new ReportProgress("T9", GIVEN, "x"))
                .thenNotFound(RectificationCase.TASK_NOT_FOUND);
    }

    @Test
    void progress_on_a_closed_task_is_refused() {
        rectification.given(OPENED, closed("T1", GIVEN)).when(new ReportProgress("T1", GIVEN, "x"))
                .thenRejected(RectificationCase.TASK_CLOSED);
    }

    @Test
    void progress_dated_before_the_feedback_is_invalid_on_reported_on() {
        rectification.given(OPENED).when(new ReportProgress("T1", GIVEN.minusDays(1), "x"))
                .thenInvalid(RectificationCase.DATE_BEFORE_FEEDBACK, "reportedOn");
    }

    @Test
    void progress_continues_after_the_report_for_long_term_tasks() {
        rectification.given(OPENED, submitted(GIVEN.plusDays(20))).when(new ReportProgress("T2", GIVEN.plusDays(25),
                "长期坚持")).then(new RectificationProgressReported(CASE, "T2", GIVEN.plusDays(25), "长期坚持"));
    }

    @Test
    void a_task_is_closed_on_evidence_stripped_of_blanks() {
        rectification.given(OPENED).when(new CloseTask("T1", GIVEN.plusDays(10), Arrays.asList(" doc-1 ", " ", null)))
                .then(new RectificationTaskClosed(CASE, "T1", GIVEN.plusDays(10), List.of("doc-1")))
                .andState(s -> {
                    assertThat(s.task("T1").status()).isEqualTo(TaskStatus.CLOSED);
                    assertThat(s.task("T1").closedOn()).isEqualTo(GIVEN.plusDays(10));
                    assertThat(s.task("T1").evidence()).containsExactly("doc-1");
                    assertThat(s.task("T2").status()).isEqualTo(TaskStatus.OPEN);
                });
    }

    @Test
    void a_task_is_not_closed_without_evidence() {
        rectification.given(OPENED).when(new CloseTask("T1", GIVEN, List.of(" ")))
                .thenInvalid(RectificationCase.EVIDENCE_REQUIRED, "evidence");
        rectification.given(OPENED).when(new CloseTask("T1", GIVEN, null))
                .thenInvalid(RectificationCase.EVIDENCE_REQUIRED, "evidence");
    }

    @Test
    void closing_a_task_before_the_feedback_is_invalid_on_closed_on() {
        rectification.given(OPENED).when(new CloseTask("T1", GIVEN.minusDays(1), List.of("d")))
                .thenInvalid(RectificationCase.DATE_BEFORE_FEEDBACK, "closedOn");
    }

    @Test
    void a_task_is_closed_once_and_only_if_the_case_has_it() {
        rectification.given(OPENED, closed("T1", GIVEN)).when(new CloseTask("T1", GIVEN, List.of("d")))
                .thenRejected(RectificationCase.TASK_CLOSED);
        rectification.given(OPENED).when(new CloseTask("T3", GIVEN, List.of("d")))
                .thenNotFound(RectificationCase.TASK_NOT_FOUND);
    }

    @Test
    void the_report_may_precede_closing_every_task_and_is_on_time_up_to_the_deadline() {
        rectification.given(OPENED, closed("T1", GIVEN.plusDays(10))).when(new SubmitReport(DUE, " 报告 "))
                .then(new RectificationReportSubmitted(CASE, DUE, "报告", true)).andState(s -> {
                    assertThat(s.status()).isEqualTo(Status.REPORT_SUBMITTED);
                    assertThat(s.report()).isEqualTo(new RectificationCase.Report(DUE, "报告", true));
                });
    }

    @Test
    void a_report_after_the_deadline_is_late() {
        rectification.given(OPENED).when(new SubmitReport(DUE.plusDays(1), "s"))
                .then(new RectificationReportSubmitted(CASE, DUE.plusDays(1), "s", false));
    }

    @Test
    void a_case_is_overdue_once_its_deadline_passed_without_report() {
        RectificationCase.State open = rectification.given(OPENED).state();
        assertThat(open.overdue(DUE)).isFalse();
        assertThat(open.overdue(DUE.plusDays(1))).isTrue();
        assertThat(rectification.given(history(submitted(DUE.plusDays(2)))).state().overdue(DUE.plusDays(3)))
                .isFalse();
        assertThat(rectification.given().state().overdue(DUE.plusDays(1))).isFalse();
    }

    @Test
    void the_report_is_submitted_once() {
        rectification.given(OPENED, submitted(GIVEN)).when(new SubmitReport(GIVEN, "again"))
                .thenRejected(RectificationCase.REPORT_ALREADY_SUBMITTED);
    }

    @Test
    void a_report_dated_before_the_feedback_is_invalid_on_submitted_on() {
        rectification.given(OPENED).when(new SubmitReport(GIVEN.minusDays(1), "s"))
                .thenInvalid(RectificationCase.DATE_BEFORE_FEEDBACK, "submittedOn");
    }

    @Test
    void an_effective_evaluation_needs_every_task_closed() {
        rectification.given(OPENED, closed("T1", GIVEN), submitted(GIVEN.plusDays(20)), headReported(GIVEN))
                .when(new Evaluate(EvaluationOutcome.EFFECTIVE, GIVEN.plusDays(30), "好"))
                .thenRejected(RectificationCase.TASKS_STILL_OPEN);
        rectification.given(OPENED, closed("T1", GIVEN), closed("T2", GIVEN), submitted(GIVEN.plusDays(20)),
                headReported(GIVEN.plusDays(21)))
                .when(new Evaluate(EvaluationOutcome.EFFECTIVE, GIVEN.plusDays(30), " 整改到位 "))
                .then(new RectificationEvaluated(CASE, "insp-1", "plan-1", "org-1", EvaluationOutcome.EFFECTIVE,
                        GIVEN.plusDays(30), "整改到位"))
                .andState(s -> {
                    assertThat(s.status()).isEqualTo(Status.EVALUATED);
                    assertThat(s.evaluation()).isEqualTo(new RectificationCase.Evaluation(EvaluationOutcome.EFFECTIVE,
                            GIVEN.plusDays(30), "整改到位"));
                });
    }

    @Test
    void a_case_with_open_tasks_may_be_evaluated_not_effective() {
        rectification.given(OPENED, submitted(GIVEN), headReported(GIVEN)).when(new Evaluate(
                EvaluationOutcome.NOT_EFFECTIVE, GIVEN, "敷衍整改"))
                .then(new RectificationEvaluated(CASE, "insp-1", "plan-1", "org-1",
                        EvaluationOutcome.NOT_EFFECTIVE, GIVEN, "敷衍整改"));
    }

    @Test
    void a_case_is_evaluated_only_after_its_report() {
        rectification.given(OPENED).when(new Evaluate(EvaluationOutcome.NOT_EFFECTIVE, GIVEN, "x"))
                .thenRejected(RectificationCase.REPORT_NOT_SUBMITTED);
        // Art. 27: the head's report on organising the rectification is due too, and the evaluation waits for it.
        rectification.given(OPENED, submitted(GIVEN)).when(new Evaluate(EvaluationOutcome.NOT_EFFECTIVE, GIVEN, "x"))
                .thenRejected(RectificationCase.HEAD_REPORT_NOT_SUBMITTED);
        rectification.given(OPENED, headReported(GIVEN))
                .when(new Evaluate(EvaluationOutcome.NOT_EFFECTIVE, GIVEN, "x"))
                .thenRejected(RectificationCase.REPORT_NOT_SUBMITTED);
    }

    @Test
    void the_heads_report_is_submitted_once_on_time_up_to_the_deadline_and_not_before_the_feedback() {
        rectification.given(OPENED).when(new RectificationCase.SubmitHeadReport(DUE, " 组织落实情况 "))
                .then(new HeadReportSubmitted(CASE, DUE, "组织落实情况", true))
                .andState(s -> assertThat(s.headReport().onTime()).isTrue());
        rectification.given(OPENED).when(new RectificationCase.SubmitHeadReport(DUE.plusDays(1), "迟报"))
                .then(new HeadReportSubmitted(CASE, DUE.plusDays(1), "迟报", false));
        rectification.given(OPENED, headReported(GIVEN))
                .when(new RectificationCase.SubmitHeadReport(GIVEN.plusDays(1), "again"))
                .thenRejected(RectificationCase.HEAD_REPORT_ALREADY_SUBMITTED);
        rectification.given(OPENED).when(new RectificationCase.SubmitHeadReport(GIVEN.minusDays(1), "早"))
                .thenInvalid(RectificationCase.DATE_BEFORE_FEEDBACK, "submittedOn");
    }

    @Test
    void the_plan_replaces_the_first_tasks_with_tiered_owned_tasks_numbered_in_order_and_keeps_the_problems() {
        LocalDate filed = GIVEN.plusDays(10);
        rectification.given(OPENED).when(new RectificationCase.FilePlan(filed, List.of(
                planned("f-1", TaskTier.IMMEDIATE, filed.plusDays(20), "王某"),
                planned("f-1", TaskTier.DEADLINE, DUE, "赵某"),
                planned("f-2", TaskTier.LONG_TERM, null, "王某"))))
                .then(new RectificationPlanFiled(CASE, filed, List.of(
                        new PlannedTask("T1", "f-1", "整改 f-1", TaskTier.IMMEDIATE, filed.plusDays(20), "王某", "副局长"),
                        new PlannedTask("T2", "f-1", "整改 f-1", TaskTier.DEADLINE, DUE, "赵某", "副局长"),
                        new PlannedTask("T3", "f-2", "整改 f-2", TaskTier.LONG_TERM, null, "王某", "副局长"))))
                .andState(s -> {
                    assertThat(s.planFiledOn()).isEqualTo(filed);
                    assertThat(s.tasks()).extracting(t -> t.taskId() + ":" + t.findingId() + ":" + t.focusArea() + ":"
                            + t.tier() + ":" + t.responsible()).containsExactly(
                                    "T1:f-1:PARTY_LINE:IMMEDIATE:王某", "T2:f-1:PARTY_LINE:DEADLINE:赵某",
                                    "T3:f-2:ORGANISATIONAL_LINE:LONG_TERM:王某");
                    assertThat(s.problems()).extracting(RectificationCase.Problem::findingId)
                            .containsExactly("f-1", "f-2");
                    assertThat(s.firstResponsible()).isEqualTo("李四");
                });
    }

    @Test
    void every_problem_is_worked_on_every_task_works_on_a_problem_and_the_tiers_decide_the_due_dates() {
        LocalDate filed = GIVEN.plusDays(10);
        rectification.given(OPENED).when(new RectificationCase.FilePlan(filed, List.of(
                planned("f-1", TaskTier.IMMEDIATE, DUE, "王某")))).thenInvalid(RectificationCase.PROBLEM_WITHOUT_TASK,
                        "tasks");
        rectification.given(OPENED).when(new RectificationCase.FilePlan(filed, List.of(
                planned("f-1", TaskTier.IMMEDIATE, DUE, "王某"), planned("f-9", TaskTier.LONG_TERM, null, "王某"))))
                .thenInvalid(RectificationCase.PROBLEM_UNKNOWN, "tasks");
        rectification.given(OPENED).when(new RectificationCase.FilePlan(filed, List.of(
                planned("f-1", TaskTier.DEADLINE, null, "王某"), planned("f-2", TaskTier.LONG_TERM, null, "王某"))))
                .thenInvalid(RectificationCase.DUE_DATE_REQUIRED, "tasks");
        rectification.given(OPENED).when(new RectificationCase.FilePlan(filed, List.of(
                planned("f-1", TaskTier.IMMEDIATE, DUE, "王某"), planned("f-2", TaskTier.LONG_TERM, DUE, "王某"))))
                .thenInvalid(RectificationCase.DUE_DATE_NOT_FOR_LONG_TERM, "tasks");
        rectification.given(OPENED).when(new RectificationCase.FilePlan(filed, List.of(
                planned("f-1", TaskTier.IMMEDIATE, filed.minusDays(1), "王某"),
                planned("f-2", TaskTier.LONG_TERM, null, "王某")))).thenInvalid(RectificationCase.DUE_BEFORE_PLAN,
                        "tasks");
        rectification.given(OPENED).when(new RectificationCase.FilePlan(GIVEN.minusDays(1), List.of(
                planned("f-1", TaskTier.IMMEDIATE, DUE, "王某"), planned("f-2", TaskTier.LONG_TERM, null, "王某"))))
                .thenInvalid(RectificationCase.DATE_BEFORE_FEEDBACK, "filedOn");
    }

    @Test
    void the_plan_is_filed_once_before_the_work_and_the_report() {
        List<RectificationCase.PlanTask> tasks = List.of(planned("f-1", TaskTier.IMMEDIATE, DUE, "王某"),
                planned("f-2", TaskTier.LONG_TERM, null, "王某"));
        RectificationPlanFiled plan = new RectificationPlanFiled(CASE, GIVEN, List.of(
                new PlannedTask("T1", "f-1", "x", TaskTier.IMMEDIATE, DUE, "王某", "副局长"),
                new PlannedTask("T2", "f-2", "y", TaskTier.LONG_TERM, null, "王某", "副局长")));
        rectification.given(OPENED, plan).when(new RectificationCase.FilePlan(GIVEN, tasks))
                .thenRejected(RectificationCase.PLAN_ALREADY_FILED);
        rectification.given(OPENED, new RectificationProgressReported(CASE, "T1", GIVEN, "已开展"))
                .when(new RectificationCase.FilePlan(GIVEN, tasks)).thenRejected(RectificationCase.PLAN_TOO_LATE);
        rectification.given(OPENED, submitted(GIVEN)).when(new RectificationCase.FilePlan(GIVEN, tasks))
                .thenRejected(RectificationCase.PLAN_TOO_LATE);
        // The plan's tasks are the ones worked on and closed afterwards.
        rectification.given(OPENED, plan).when(new CloseTask("T2", GIVEN.plusDays(3), List.of("制度文件")))
                .then(new RectificationTaskClosed(CASE, "T2", GIVEN.plusDays(3), List.of("制度文件")));
    }

    @Test
    void an_evaluation_dated_before_the_report_is_invalid_on_evaluated_on() {
        rectification.given(OPENED, submitted(GIVEN.plusDays(5)), headReported(GIVEN))
                .when(new Evaluate(EvaluationOutcome.NOT_EFFECTIVE, GIVEN.plusDays(4), "x"))
                .thenInvalid(RectificationCase.DATE_BEFORE_REPORT, "evaluatedOn");
    }

    @Test
    void nothing_is_recorded_on_an_evaluated_case() {
        RectificationEvent[] done = history(submitted(GIVEN), headReported(GIVEN),
                evaluated(EvaluationOutcome.NOT_EFFECTIVE, GIVEN));
        rectification.given(done).when(new Evaluate(EvaluationOutcome.NOT_EFFECTIVE, GIVEN, "x"))
                .thenRejected(RectificationCase.ALREADY_EVALUATED);
        rectification.given(done).when(new ReportProgress("T2", GIVEN, "x"))
                .thenRejected(RectificationCase.ALREADY_EVALUATED);
        rectification.given(done).when(new CloseTask("T2", GIVEN, List.of("d")))
                .thenRejected(RectificationCase.ALREADY_EVALUATED);
        rectification.given(done).when(new SubmitReport(GIVEN, "s"))
                .thenRejected(RectificationCase.ALREADY_EVALUATED);
        rectification.given(done).when(new RectificationCase.SubmitHeadReport(GIVEN, "s"))
                .thenRejected(RectificationCase.ALREADY_EVALUATED);
        rectification.given(done).when(new RectificationCase.HandOver("李四", "周某", "党委书记", GIVEN))
                .thenRejected(RectificationCase.ALREADY_EVALUATED);
        rectification.given(done).when(new RectificationCase.FilePlan(GIVEN, List.of(planned("f-1",
                TaskTier.LONG_TERM, null, "王某")))).thenRejected(RectificationCase.ALREADY_EVALUATED);
    }

    @Test
    void a_handover_passes_the_outgoing_owners_open_tasks_to_the_successor_and_history_keeps_who_owned_them_when() {
        RectificationPlanFiled plan = new RectificationPlanFiled(CASE, GIVEN, List.of(
                new PlannedTask("T1", "f-1", "x", TaskTier.IMMEDIATE, DUE, "王某", "副局长"),
                new PlannedTask("T2", "f-1", "y", TaskTier.DEADLINE, DUE, "王某", "副局长"),
                new PlannedTask("T3", "f-2", "z", TaskTier.LONG_TERM, null, "赵某", "纪委书记")));
        LocalDate on = GIVEN.plusDays(40);
        rectification.given(OPENED, plan, closed("T1", GIVEN.plusDays(5)))
                .when(new RectificationCase.HandOver(" 王某 ", " 陈某 ", " 副局长 ", on))
                .then(new ResponsibilityHandedOver(CASE, "王某", "陈某", "副局长", on, List.of("T2"), false))
                .andState(s -> {
                    assertThat(s.task("T1").responsible()).as("a closed task stays with who closed it").isEqualTo("王某");
                    assertThat(s.task("T2").responsible()).isEqualTo("陈某");
                    assertThat(s.task("T2").owners()).containsExactly(
                            new RectificationCase.Ownership("王某", "副局长", GIVEN, on),
                            new RectificationCase.Ownership("陈某", "副局长", on, null));
                    assertThat(s.task("T3").responsible()).isEqualTo("赵某");
                    assertThat(s.firstResponsible()).isEqualTo("李四");
                });
    }

    @Test
    void when_the_head_changes_post_the_first_responsibility_and_the_heads_open_tasks_pass_to_the_successor() {
        rectification.given(OPENED, closed("T1", GIVEN))
                .when(new RectificationCase.HandOver("李四", "周某", "党委书记", GIVEN.plusDays(3)))
                .then(new ResponsibilityHandedOver(CASE, "李四", "周某", "党委书记", GIVEN.plusDays(3), List.of("T2"),
                        true))
                .andState(s -> {
                    assertThat(s.firstResponsible()).isEqualTo("周某");
                    assertThat(s.task("T2").owners()).extracting(RectificationCase.Ownership::owner)
                            .containsExactly("李四", "周某");
                });
    }

    @Test
    void a_handover_names_an_owner_of_the_case_and_another_successor_and_does_not_precede_the_ownership() {
        rectification.given(OPENED).when(new RectificationCase.HandOver("钱某", "陈某", "副局长", GIVEN))
                .thenInvalid(RectificationCase.OWNER_UNKNOWN, "from");
        rectification.given(OPENED).when(new RectificationCase.HandOver("李四", "李四", "党委书记", GIVEN))
                .thenInvalid(RectificationCase.SAME_OWNER, "to");
        RectificationPlanFiled plan = new RectificationPlanFiled(CASE, GIVEN.plusDays(10), List.of(
                new PlannedTask("T1", "f-1", "x", TaskTier.IMMEDIATE, DUE, "王某", "副局长"),
                new PlannedTask("T2", "f-2", "y", TaskTier.LONG_TERM, null, "王某", "副局长")));
        rectification.given(OPENED, plan).when(new RectificationCase.HandOver("王某", "陈某", "副局长", GIVEN.plusDays(9)))
                .thenInvalid(RectificationCase.HANDOVER_BEFORE_OWNERSHIP, "handedOverOn");
        rectification.given(OPENED).when(new RectificationCase.HandOver("李四", "周某", "党委书记", GIVEN.minusDays(1)))
                .thenInvalid(RectificationCase.DATE_BEFORE_FEEDBACK, "handedOverOn");
        rectification.given(OPENED, closed("T1", GIVEN), closed("T2", GIVEN)).when(new RectificationCase.HandOver(
                "李四", "周某", "党委书记", GIVEN)).then(new ResponsibilityHandedOver(CASE, "李四", "周某", "党委书记", GIVEN,
                        List.of(), true));
    }
}
