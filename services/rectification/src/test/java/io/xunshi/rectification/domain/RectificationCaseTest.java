package io.xunshi.rectification.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
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
import io.xunshi.contracts.rectification.AccountabilityGround;
import io.xunshi.contracts.rectification.AccountabilityMeasure;
import io.xunshi.contracts.rectification.AccountabilityReferred;
import io.xunshi.contracts.rectification.ConsultationHeld;
import io.xunshi.contracts.rectification.ConsultationParty;
import io.xunshi.contracts.rectification.Deduction;
import io.xunshi.contracts.rectification.EvaluationGrade;
import io.xunshi.contracts.rectification.EvaluationOutcome;
import io.xunshi.contracts.rectification.HeadReportSubmitted;
import io.xunshi.contracts.rectification.HeldToAccount;
import io.xunshi.contracts.rectification.LookBackCandidatePublished;
import io.xunshi.contracts.rectification.PlannedTask;
import io.xunshi.contracts.rectification.PublicProblem;
import io.xunshi.contracts.rectification.PublicViewPublished;
import io.xunshi.contracts.rectification.RectificationCaseOpened;
import io.xunshi.contracts.rectification.RectificationEvaluated;
import io.xunshi.contracts.rectification.RectificationEvent;
import io.xunshi.contracts.rectification.RectificationPlanFiled;
import io.xunshi.contracts.rectification.RectificationProgressReported;
import io.xunshi.contracts.rectification.RectificationReportSubmitted;
import io.xunshi.contracts.rectification.RectificationTaskClosed;
import io.xunshi.contracts.rectification.ResponsibilityHandedOver;
import io.xunshi.contracts.rectification.SupervisingBody;
import io.xunshi.contracts.rectification.SupervisionNoteRecorded;
import io.xunshi.contracts.rectification.TaskClosureRejected;
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

    /** Long-term tasks report every 90 days at central level in these tests, 30 below. */
    static final LevelDays PERIODS = new LevelDays(90, 30, 30, 30);
    /** The default model of application.properties. */
    static final EvaluationModel MODEL = new EvaluationModel(100, new java.util.LinkedHashMap<>(java.util.Map.of(
            "leadership", 20, "problems", 40, "systems", 15, "accountability", 10, "reporting", 15)), 90, 80, 60,
            java.util.EnumSet.of(EvaluationGrade.EXCELLENT, EvaluationGrade.GOOD, EvaluationGrade.FAIR));
    static final EvaluationModels MODELS = new EvaluationModels(MODEL, MODEL, MODEL, MODEL);
    /** 55 points: POOR, not effective. */
    private static final List<Deduction> POOR = List.of(new Deduction("problems", 40, "问题未整改"),
            new Deduction("leadership", 5, "组织不力"));

    private static SubmitReport report(LocalDate on, String summary) {
        return new SubmitReport(on, summary, PERIODS);
    }

    private static Evaluate fullMarks(LocalDate on, String remarks) {
        return new Evaluate(MODELS, List.of(), on, remarks);
    }

    private static Evaluate poor(LocalDate on, String remarks) {
        return new Evaluate(MODELS, POOR, on, remarks);
    }

    private static RectificationReportSubmitted submitted(LocalDate on) {
        return new RectificationReportSubmitted(CASE, on, "报告", !on.isAfter(DUE), 90);
    }

    private static HeadReportSubmitted headReported(LocalDate on) {
        return new HeadReportSubmitted(CASE, on, "组织落实情况", !on.isAfter(DUE));
    }

    private static RectificationCase.PlanTask planned(String finding, TaskTier tier, LocalDate due, String owner) {
        return new RectificationCase.PlanTask(" " + finding + " ", " 整改 " + finding + " ", tier, due, " " + owner + " ",
                "副局长");
    }

    private static RectificationEvaluated evaluated(EvaluationOutcome outcome, LocalDate on) {
        return outcome == EvaluationOutcome.EFFECTIVE
                ? new RectificationEvaluated(CASE, "insp-1", "plan-1", "org-1", outcome, on, "评估", 100, 100,
                        EvaluationGrade.EXCELLENT, List.of())
                : new RectificationEvaluated(CASE, "insp-1", "plan-1", "org-1", outcome, on, "评估", 55, 100,
                        EvaluationGrade.POOR, POOR);
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
        rectification.when(report(GIVEN, "s")).thenRejected(RectificationCase.NOT_OPENED);
        rectification.when(new RectificationCase.SubmitHeadReport(GIVEN, "s"))
                .thenRejected(RectificationCase.NOT_OPENED);
        rectification.when(new RectificationCase.FilePlan(GIVEN, List.of())).thenRejected(RectificationCase.NOT_OPENED);
        rectification.when(fullMarks(GIVEN, "r"))
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
        rectification.given(OPENED, closed("T1", GIVEN.plusDays(10))).when(report(DUE, " 报告 "))
                .then(new RectificationReportSubmitted(CASE, DUE, "报告", true, 90)).andState(s -> {
                    assertThat(s.status()).isEqualTo(Status.REPORT_SUBMITTED);
                    assertThat(s.report()).isEqualTo(new RectificationCase.Report(DUE, "报告", true, 90));
                });
    }

    @Test
    void a_report_after_the_deadline_is_late() {
        rectification.given(OPENED).when(report(DUE.plusDays(1), "s"))
                .then(new RectificationReportSubmitted(CASE, DUE.plusDays(1), "s", false, 90));
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
        rectification.given(OPENED, submitted(GIVEN)).when(report(GIVEN, "again"))
                .thenRejected(RectificationCase.REPORT_ALREADY_SUBMITTED);
    }

    @Test
    void a_report_dated_before_the_feedback_is_invalid_on_submitted_on() {
        rectification.given(OPENED).when(report(GIVEN.minusDays(1), "s"))
                .thenInvalid(RectificationCase.DATE_BEFORE_FEEDBACK, "submittedOn");
    }

    @Test
    void an_effective_evaluation_needs_every_task_closed() {
        rectification.given(OPENED, closed("T1", GIVEN), submitted(GIVEN.plusDays(20)), headReported(GIVEN))
                .when(fullMarks(GIVEN.plusDays(30), "好"))
                .thenRejected(RectificationCase.TASKS_STILL_OPEN);
        rectification.given(OPENED, closed("T1", GIVEN), closed("T2", GIVEN), submitted(GIVEN.plusDays(20)),
                headReported(GIVEN.plusDays(21)))
                .when(fullMarks(GIVEN.plusDays(30), " 整改到位 "))
                .then(new RectificationEvaluated(CASE, "insp-1", "plan-1", "org-1", EvaluationOutcome.EFFECTIVE,
                        GIVEN.plusDays(30), "整改到位", 100, 100, EvaluationGrade.EXCELLENT, List.of()))
                .andState(s -> {
                    assertThat(s.status()).isEqualTo(Status.EVALUATED);
                    assertThat(s.evaluation()).isEqualTo(new RectificationCase.Evaluation(EvaluationOutcome.EFFECTIVE,
                            GIVEN.plusDays(30), "整改到位", 100, 100, EvaluationGrade.EXCELLENT, List.of()));
                });
    }

    @Test
    void a_case_with_open_tasks_may_be_evaluated_not_effective() {
        rectification.given(OPENED, submitted(GIVEN), headReported(GIVEN)).when(poor(GIVEN, "敷衍整改"))
                .then(new RectificationEvaluated(CASE, "insp-1", "plan-1", "org-1",
                        EvaluationOutcome.NOT_EFFECTIVE, GIVEN, "敷衍整改", 55, 100, EvaluationGrade.POOR, POOR),
                        new LookBackCandidatePublished(CASE, "insp-1", "plan-1", "000000", "org-1", "浙江省某厅",
                                "000000", "330000", GIVEN, EvaluationGrade.POOR));
    }

    @Test
    void a_case_is_evaluated_only_after_its_report() {
        rectification.given(OPENED).when(poor(GIVEN, "x"))
                .thenRejected(RectificationCase.REPORT_NOT_SUBMITTED);
        // Art. 27: the head's report on organising the rectification is due too, and the evaluation waits for it.
        rectification.given(OPENED, submitted(GIVEN)).when(poor(GIVEN, "x"))
                .thenRejected(RectificationCase.HEAD_REPORT_NOT_SUBMITTED);
        rectification.given(OPENED, headReported(GIVEN))
                .when(poor(GIVEN, "x"))
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
                .when(poor(GIVEN.plusDays(4), "x"))
                .thenInvalid(RectificationCase.DATE_BEFORE_REPORT, "evaluatedOn");
    }

    @Test
    void nothing_is_recorded_on_an_evaluated_case() {
        RectificationEvent[] done = history(submitted(GIVEN), headReported(GIVEN),
                evaluated(EvaluationOutcome.NOT_EFFECTIVE, GIVEN));
        rectification.given(done).when(poor(GIVEN, "x"))
                .thenRejected(RectificationCase.ALREADY_EVALUATED);
        rectification.given(done).when(new ReportProgress("T2", GIVEN, "x"))
                .thenRejected(RectificationCase.ALREADY_EVALUATED);
        rectification.given(done).when(new CloseTask("T2", GIVEN, List.of("d")))
                .thenRejected(RectificationCase.ALREADY_EVALUATED);
        rectification.given(done).when(report(GIVEN, "s"))
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

    // --- long-term tasks report progress on a period after the report

    private static final RectificationPlanFiled TIERED = new RectificationPlanFiled(CASE, GIVEN.plusDays(5), List.of(
            new PlannedTask("T1", "f-1", "立行立改", TaskTier.IMMEDIATE, GIVEN.plusDays(20), "王某", "副局长"),
            new PlannedTask("T2", "f-2", "长期坚持", TaskTier.LONG_TERM, null, "赵某", "副局长")));

    @Test
    void the_report_records_the_levels_period_and_long_term_tasks_are_due_progress_a_period_after_their_last() {
        LocalDate reported = GIVEN.plusDays(40);
        assertThat(PERIODS.forJurisdiction("000000")).isEqualTo(90);
        assertThat(PERIODS.forJurisdiction("330000")).isEqualTo(30);
        rectification.given(OPENED, TIERED).when(report(reported, "报告"))
                .then(new RectificationReportSubmitted(CASE, reported, "报告", true, 90));
        RectificationCase.State before = rectification.given(OPENED, TIERED,
                new RectificationProgressReported(CASE, "T2", GIVEN.plusDays(30), "推进中")).state();
        assertThat(before.nextProgressDue(before.task("T2"))).as("no period before the report").isNull();
        RectificationCase.State after = rectification.given(OPENED, TIERED,
                new RectificationProgressReported(CASE, "T2", GIVEN.plusDays(30), "推进中"), submitted(reported))
                .state();
        assertThat(after.nextProgressDue(after.task("T2"))).isEqualTo(reported.plusDays(90));
        assertThat(after.nextProgressDue(after.task("T1"))).as("a task with a due date").isNull();
        RectificationCase.State later = rectification.given(OPENED, TIERED, submitted(reported),
                new RectificationProgressReported(CASE, "T2", reported.plusDays(60), "第一季度进展")).state();
        assertThat(later.nextProgressDue(later.task("T2"))).isEqualTo(reported.plusDays(150));
        RectificationCase.State closed = rectification.given(OPENED, TIERED, submitted(reported),
                closed("T2", reported.plusDays(61))).state();
        assertThat(closed.nextProgressDue(closed.task("T2"))).as("a closed task reports no more").isNull();
        assertThatThrownBy(() -> new LevelDays(90, 0, 30, 30)).isInstanceOf(IllegalArgumentException.class);
    }

    // --- a closure off the ledger can be rejected by the supervising office

    @Test
    void a_rejected_closure_opens_the_task_again_keeping_what_it_was_closed_on() {
        rectification.given(OPENED, closed("T1", GIVEN.plusDays(3)))
                .when(new RectificationCase.RejectClosure("T1", GIVEN.plusDays(5), " 佐证材料不足 "))
                .then(new TaskClosureRejected(CASE, "T1", GIVEN.plusDays(5), "佐证材料不足")).andState(s -> {
                    RectificationCase.Task t1 = s.task("T1");
                    assertThat(t1.status()).isEqualTo(TaskStatus.OPEN);
                    assertThat(t1.closedOn()).isNull();
                    assertThat(t1.evidence()).isEmpty();
                    assertThat(t1.rejections()).containsExactly(new RectificationCase.ClosureRejection(
                            GIVEN.plusDays(3), List.of("doc-T1"), GIVEN.plusDays(5), "佐证材料不足"));
                });
        RectificationEvent[] rejected = history(closed("T1", GIVEN.plusDays(3)), closed("T2", GIVEN),
                new TaskClosureRejected(CASE, "T1", GIVEN.plusDays(5), "不足"), submitted(GIVEN.plusDays(6)),
                headReported(GIVEN.plusDays(6)));
        rectification.given(rejected).when(fullMarks(GIVEN.plusDays(7), "好"))
                .thenRejected(RectificationCase.TASKS_STILL_OPEN);
        rectification.given(rejected).when(new CloseTask("T1", GIVEN.plusDays(6), List.of("doc-2")))
                .then(new RectificationTaskClosed(CASE, "T1", GIVEN.plusDays(6), List.of("doc-2")));
        // A task closed once, even if the closure was rejected, is work begun: the plan is too late.
        rectification.given(OPENED, closed("T1", GIVEN.plusDays(3)),
                new TaskClosureRejected(CASE, "T1", GIVEN.plusDays(5), "不足"))
                .when(new RectificationCase.FilePlan(GIVEN.plusDays(6), List.of(planned("f-1", TaskTier.LONG_TERM,
                        null, "王某"), planned("f-2", TaskTier.LONG_TERM, null, "王某"))))
                .thenRejected(RectificationCase.PLAN_TOO_LATE);
    }

    @Test
    void a_task_closed_again_is_not_dated_before_the_rejection_of_its_last_closure() {
        rectification.given(OPENED, closed("T1", GIVEN.plusDays(3)),
                new TaskClosureRejected(CASE, "T1", GIVEN.plusDays(8), "不足"))
                .when(new CloseTask("T1", GIVEN.plusDays(7), List.of("doc-2")))
                .thenInvalid(RectificationCase.DATE_BEFORE_REJECTION, "closedOn");
    }

    @Test
    void a_supervision_note_on_a_first_task_is_work_begun_and_the_evaluation_follows_both_reports() {
        rectification.given(OPENED, new SupervisionNoteRecorded(CASE, "N1", SupervisingBody.DISCIPLINE_ORGAN, GIVEN,
                "T2", "进度滞后")).when(new RectificationCase.FilePlan(GIVEN.plusDays(1),
                        List.of(planned("f-1",
                                TaskTier.LONG_TERM, null, "王某"), planned("f-2", TaskTier.LONG_TERM, null, "王某"))))
                .thenRejected(RectificationCase.PLAN_TOO_LATE);
        rectification.given(OPENED, submitted(GIVEN.plusDays(5)), headReported(GIVEN.plusDays(9)))
                .when(poor(GIVEN.plusDays(8), "x")).thenInvalid(RectificationCase.DATE_BEFORE_REPORT, "evaluatedOn");
    }

    @Test
    void only_a_closed_task_of_the_case_has_its_closure_rejected_not_before_it_was_closed() {
        rectification.given(OPENED).when(new RectificationCase.RejectClosure("T1", GIVEN, "x"))
                .thenRejected(RectificationCase.TASK_NOT_CLOSED);
        rectification.given(OPENED).when(new RectificationCase.RejectClosure("T9", GIVEN, "x"))
                .thenNotFound(RectificationCase.TASK_NOT_FOUND);
        rectification.given(OPENED, closed("T1", GIVEN.plusDays(3)))
                .when(new RectificationCase.RejectClosure("T1", GIVEN.plusDays(2), "x"))
                .thenInvalid(RectificationCase.DATE_BEFORE_CLOSURE, "rejectedOn");
    }

    // --- daily supervision and consultations

    @Test
    void liaisons_record_numbered_supervision_notes_on_the_case_or_one_of_its_tasks() {
        rectification.given(OPENED).when(new RectificationCase.RecordSupervisionNote(SupervisingBody.DISCIPLINE_ORGAN,
                GIVEN.plusDays(5), " ", " 进度滞后 ")).then(new SupervisionNoteRecorded(CASE, "N1",
                        SupervisingBody.DISCIPLINE_ORGAN, GIVEN.plusDays(5), null, "进度滞后"));
        SupervisionNoteRecorded first = new SupervisionNoteRecorded(CASE, "N1", SupervisingBody.DISCIPLINE_ORGAN,
                GIVEN.plusDays(5), null, "进度滞后");
        rectification.given(OPENED, first).when(new RectificationCase.RecordSupervisionNote(
                SupervisingBody.ORGANISATION_DEPARTMENT, GIVEN.plusDays(6), " T2 ", "选人用人整改需加快"))
                .then(new SupervisionNoteRecorded(CASE, "N2", SupervisingBody.ORGANISATION_DEPARTMENT,
                        GIVEN.plusDays(6), "T2", "选人用人整改需加快"))
                .andState(s -> assertThat(s.oversight().notes()).extracting(SupervisionNoteRecorded::noteId)
                        .containsExactly("N1", "N2"));
        rectification.given(OPENED).when(new RectificationCase.RecordSupervisionNote(SupervisingBody.DISCIPLINE_ORGAN,
                GIVEN, "T9", "x")).thenInvalid(RectificationCase.TASK_UNKNOWN, "taskId");
        rectification.given(OPENED).when(new RectificationCase.RecordSupervisionNote(SupervisingBody.DISCIPLINE_ORGAN,
                GIVEN.minusDays(1), null, "x")).thenInvalid(RectificationCase.DATE_BEFORE_FEEDBACK, "notedOn");
    }

    @Test
    void a_consultation_brings_at_least_two_distinct_parties_together_and_records_its_conclusions() {
        List<ConsultationParty> parties = List.of(ConsultationParty.INSPECTION_OFFICE,
                ConsultationParty.DISCIPLINE_ORGAN, ConsultationParty.RECTIFYING_ORGANISATION);
        rectification.given(OPENED).when(new RectificationCase.HoldConsultation(GIVEN.plusDays(9), " 整改会商 ",
                parties, List.of(" 9月底前完成清退 ", "建立长效机制"))).then(new ConsultationHeld(CASE, "C1",
                        GIVEN.plusDays(9), "整改会商", parties, List.of("9月底前完成清退", "建立长效机制")))
                .andState(s -> assertThat(s.oversight().consultations()).hasSize(1));
        rectification.given(OPENED).when(new RectificationCase.HoldConsultation(GIVEN, "s",
                List.of(ConsultationParty.INSPECTION_OFFICE), List.of("c")))
                .thenInvalid(RectificationCase.PARTIES_TOO_FEW, "parties");
        rectification.given(OPENED).when(new RectificationCase.HoldConsultation(GIVEN, "s",
                List.of(ConsultationParty.INSPECTION_OFFICE, ConsultationParty.INSPECTION_OFFICE), List.of("c")))
                .thenInvalid(RectificationCase.PARTY_REPEATED, "parties");
        rectification.given(OPENED).when(new RectificationCase.HoldConsultation(GIVEN.minusDays(1), "s", parties,
                List.of("c"))).thenInvalid(RectificationCase.DATE_BEFORE_FEEDBACK, "heldOn");
    }

    // --- the scored evaluation

    private static final RectificationEvent[] ALL_CLOSED = history(closed("T1", GIVEN), closed("T2", GIVEN),
            submitted(GIVEN.plusDays(20)), headReported(GIVEN.plusDays(20)));

    private List<RectificationEvent> decided(RectificationEvent[] history, RectificationCase.Command command) {
        return DECIDER.decide(command, rectification.given(history).state());
    }

    private static Evaluate deducting(int points) {
        List<Deduction> deductions = new java.util.ArrayList<>();
        int left = points;
        for (String criterion : List.of("problems", "leadership", "systems", "reporting", "accountability")) {
            int d = Math.min(left, MODEL.criteria().get(criterion));
            if (d > 0) {
                deductions.add(new Deduction(criterion, d, "扣分"));
            }
            left -= d;
        }
        return new Evaluate(MODELS, deductions, GIVEN.plusDays(30), "评估");
    }

    @Test
    void the_score_is_full_marks_less_the_deductions_the_grade_follows_the_levels_thresholds_and_decides_the_outcome() {
        rectification.given(ALL_CLOSED).when(new Evaluate(MODELS, List.of(new Deduction(" systems ", 5, " 长效机制不健全 "),
                new Deduction("reporting", 3, "报告不够及时")), GIVEN.plusDays(30), "整改较好"))
                .then(new RectificationEvaluated(CASE, "insp-1", "plan-1", "org-1", EvaluationOutcome.EFFECTIVE,
                        GIVEN.plusDays(30), "整改较好", 92, 100, EvaluationGrade.EXCELLENT, List.of(
                                new Deduction("systems", 5, "长效机制不健全"), new Deduction("reporting", 3, "报告不够及时"))))
                .andState(s -> assertThat(s.evaluation().score()).isEqualTo(92));
        // the grades' edges: 90 excellent, 89 good, 80 good, 79 fair, 60 fair (still effective), 59 poor
        for (int[] edge : new int[][]{ { 10, 0 }, { 11, 1 }, { 20, 1 }, { 21, 2 }, { 40, 2 }, { 41, 3 } }) {
            EvaluationGrade grade = EvaluationGrade.values()[edge[1]];
            List<RectificationEvent> events = decided(ALL_CLOSED, deducting(edge[0]));
            RectificationEvaluated evaluated = (RectificationEvaluated) events.get(0);
            assertThat(evaluated.score()).isEqualTo(100 - edge[0]);
            assertThat(evaluated.grade()).as("score %d", 100 - edge[0]).isEqualTo(grade);
            assertThat(evaluated.outcome()).isEqualTo(grade == EvaluationGrade.POOR
                    ? EvaluationOutcome.NOT_EFFECTIVE
                    : EvaluationOutcome.EFFECTIVE);
            assertThat(events).hasSize(grade == EvaluationGrade.POOR ? 2 : 1);
        }
    }

    @Test
    void a_fair_grade_is_effective_and_so_needs_every_task_closed() {
        rectification.given(OPENED, closed("T1", GIVEN), submitted(GIVEN.plusDays(20)),
                headReported(GIVEN.plusDays(20))).when(deducting(40)).thenRejected(RectificationCase.TASKS_STILL_OPEN);
    }

    @Test
    void deductions_name_criteria_of_the_levels_model_once_each_and_no_more_than_their_weight() {
        rectification.given(ALL_CLOSED).when(new Evaluate(MODELS, List.of(new Deduction("style", 1, "x")),
                GIVEN.plusDays(30), "r")).thenInvalid(RectificationCase.CRITERION_UNKNOWN, "deductions");
        rectification.given(ALL_CLOSED).when(new Evaluate(MODELS, List.of(new Deduction("systems", 1, "x"),
                new Deduction(" systems", 2, "y")), GIVEN.plusDays(30), "r"))
                .thenInvalid(RectificationCase.CRITERION_REPEATED, "deductions");
        rectification.given(ALL_CLOSED).when(new Evaluate(MODELS, List.of(new Deduction("problems", 41, "x")),
                GIVEN.plusDays(30), "r")).thenInvalid(RectificationCase.DEDUCTION_EXCEEDS_WEIGHT, "deductions");
    }

    @Test
    void each_level_scores_on_its_own_model_and_a_model_is_consistent() {
        EvaluationModel strict = new EvaluationModel(120, java.util.Map.of("problems", 60, "leadership", 60), 110, 100,
                90, java.util.EnumSet.of(EvaluationGrade.EXCELLENT, EvaluationGrade.GOOD));
        EvaluationModels levels = new EvaluationModels(MODEL, strict, MODEL, MODEL);
        assertThat(levels.forJurisdiction("000000")).isSameAs(MODEL);
        assertThat(levels.forJurisdiction("330000")).isSameAs(strict);
        assertThat(levels.forJurisdiction("330100")).isSameAs(MODEL);
        assertThat(strict.outcome(strict.grade(95))).isEqualTo(EvaluationOutcome.NOT_EFFECTIVE);
        // the central case is scored on the central model, whatever the provincial one says
        RectificationEvaluated central = (RectificationEvaluated) decided(ALL_CLOSED,
                new Evaluate(levels, List.of(), GIVEN.plusDays(30), "r")).get(0);
        assertThat(central.fullMarks()).isEqualTo(100);
        assertThatThrownBy(() -> new EvaluationModel(100, java.util.Map.of("a", 101), 90, 80, 60,
                java.util.EnumSet.of(EvaluationGrade.EXCELLENT))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EvaluationModel(100, java.util.Map.of("a", 10), 80, 90, 60,
                java.util.EnumSet.of(EvaluationGrade.EXCELLENT))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EvaluationModel(100, java.util.Map.of("a", 10), 90, 80, 60,
                java.util.EnumSet.of(EvaluationGrade.POOR))).isInstanceOf(IllegalArgumentException.class);
    }

    // --- accountability and the look-back candidate

    private static final RectificationEvent[] INEFFECTIVE = history(submitted(GIVEN.plusDays(20)),
            headReported(GIVEN.plusDays(20)), evaluated(EvaluationOutcome.NOT_EFFECTIVE, GIVEN.plusDays(30)));

    @Test
    void accountability_names_who_the_case_made_responsible_after_an_ineffective_evaluation() {
        rectification.given(INEFFECTIVE).when(new RectificationCase.ReferForAccountability(GIVEN.plusDays(31),
                AccountabilityGround.PERFUNCTORY, " 敷衍整改 ", List.of(new HeldToAccount(" 李四 ", " 党委书记 ",
                        AccountabilityMeasure.ADMONISHED))))
                .then(new AccountabilityReferred(CASE, "A1", "000000", "org-1", GIVEN.plusDays(31),
                        AccountabilityGround.PERFUNCTORY, "敷衍整改", List.of(new HeldToAccount("李四", "党委书记",
                                AccountabilityMeasure.ADMONISHED))))
                .andState(s -> assertThat(s.oversight().referrals()).hasSize(1));
        rectification.given(INEFFECTIVE).when(new RectificationCase.ReferForAccountability(GIVEN.plusDays(31),
                AccountabilityGround.FALSIFIED, "x", List.of(new HeldToAccount("钱某", "处长",
                        AccountabilityMeasure.CIRCULATED))))
                .thenInvalid(RectificationCase.PERSON_NOT_RESPONSIBLE, "persons");
        rectification.given(INEFFECTIVE).when(new RectificationCase.ReferForAccountability(GIVEN.plusDays(31),
                AccountabilityGround.FALSIFIED, "x", List.of(new HeldToAccount("李四", "党委书记",
                        AccountabilityMeasure.CIRCULATED),
                        new HeldToAccount("李四 ", "党委书记",
                                AccountabilityMeasure.ADMONISHED))))
                .thenInvalid(RectificationCase.PERSON_REPEATED, "persons");
        rectification.given(INEFFECTIVE).when(new RectificationCase.ReferForAccountability(GIVEN.plusDays(29),
                AccountabilityGround.REFUSED, "x", List.of(new HeldToAccount("李四", "党委书记",
                        AccountabilityMeasure.CIRCULATED))))
                .thenInvalid(RectificationCase.DATE_BEFORE_EVALUATION, "referredOn");
    }

    @Test
    void a_former_head_is_still_held_to_account_after_a_handover_and_referrals_are_numbered() {
        RectificationEvent[] handedOver = history(new ResponsibilityHandedOver(CASE, "李四", "周某", "党委书记", GIVEN,
                List.of("T1", "T2"), true), submitted(GIVEN.plusDays(20)), headReported(GIVEN.plusDays(20)),
                evaluated(EvaluationOutcome.NOT_EFFECTIVE, GIVEN.plusDays(30)),
                new AccountabilityReferred(CASE, "A1", "000000", "org-1", GIVEN.plusDays(31),
                        AccountabilityGround.PERFUNCTORY, "x", List.of(new HeldToAccount("周某", "党委书记",
                                AccountabilityMeasure.CIRCULATED))));
        rectification.given(handedOver).when(new RectificationCase.ReferForAccountability(GIVEN.plusDays(32),
                AccountabilityGround.FALSIFIED, "前任虚报", List.of(new HeldToAccount("李四", "原党委书记",
                        AccountabilityMeasure.DISCIPLINARY_ACTION))))
                .then(new AccountabilityReferred(CASE, "A2", "000000", "org-1", GIVEN.plusDays(32),
                        AccountabilityGround.FALSIFIED, "前任虚报", List.of(new HeldToAccount("李四", "原党委书记",
                                AccountabilityMeasure.DISCIPLINARY_ACTION))));
    }

    @Test
    void accountability_follows_only_a_rectification_judged_not_effective() {
        RectificationCase.ReferForAccountability refer = new RectificationCase.ReferForAccountability(
                GIVEN.plusDays(31), AccountabilityGround.PERFUNCTORY, "x", List.of(new HeldToAccount("李四", "党委书记",
                        AccountabilityMeasure.ADMONISHED)));
        rectification.given(OPENED, submitted(GIVEN)).when(refer)
                .thenRejected(RectificationCase.NOT_JUDGED_INEFFECTIVE);
        rectification.given(history(closed("T1", GIVEN), closed("T2", GIVEN), submitted(GIVEN), headReported(GIVEN),
                evaluated(EvaluationOutcome.EFFECTIVE, GIVEN.plusDays(30)))).when(refer)
                .thenRejected(RectificationCase.NOT_JUDGED_INEFFECTIVE);
        rectification.when(refer).thenRejected(RectificationCase.NOT_OPENED);
    }

    // --- the public view (Art. 32)

    @Test
    void the_public_view_discloses_the_problems_not_withheld_the_counts_and_the_grade_and_nothing_internal() {
        RectificationEvent[] reported = history(closed("T1", GIVEN.plusDays(3)), submitted(GIVEN.plusDays(20)),
                headReported(GIVEN.plusDays(20)));
        rectification.given(reported).when(new RectificationCase.PublishPublicView(GIVEN.plusDays(25), " 已基本整改 ",
                List.of(" f-2 "))).then(new PublicViewPublished(CASE, GIVEN.plusDays(25), "000000", "浙江省某厅", GIVEN,
                        "已基本整改", List.of(new PublicProblem(FocusArea.PARTY_LINE, "贯彻落实不到位", true)), 1, 1,
                        GIVEN.plusDays(20), null, null))
                .andState(s -> {
                    String published = s.oversight().publicView().toString();
                    assertThat(published).doesNotContain("李四", "选人用人不规范", "doc-T1", "f-2");
                });
        RectificationEvent[] evaluated = history(closed("T1", GIVEN.plusDays(3)), submitted(GIVEN.plusDays(20)),
                headReported(GIVEN.plusDays(20)), evaluated(EvaluationOutcome.NOT_EFFECTIVE, GIVEN.plusDays(30)));
        PublicViewPublished after = (PublicViewPublished) decided(evaluated,
                new RectificationCase.PublishPublicView(GIVEN.plusDays(31), "整改不到位", null)).get(0);
        assertThat(after.grade()).isEqualTo(EvaluationGrade.POOR);
        assertThat(after.outcome()).isEqualTo(EvaluationOutcome.NOT_EFFECTIVE);
        assertThat(after.problems()).hasSize(2);
    }

    @Test
    void the_public_view_follows_the_report_and_withholds_only_problems_of_the_case() {
        rectification.given(OPENED).when(new RectificationCase.PublishPublicView(GIVEN, "s", List.of()))
                .thenRejected(RectificationCase.REPORT_NOT_SUBMITTED);
        rectification.given(OPENED, submitted(GIVEN.plusDays(20))).when(new RectificationCase.PublishPublicView(
                GIVEN.plusDays(19), "s", List.of())).thenInvalid(RectificationCase.DATE_BEFORE_REPORT, "publishedOn");
        rectification.given(OPENED, submitted(GIVEN.plusDays(20))).when(new RectificationCase.PublishPublicView(
                GIVEN.plusDays(21), "s", List.of("f-9"))).thenInvalid(RectificationCase.WITHHELD_FINDING_UNKNOWN,
                        "withheldFindings");
        rectification.when(new RectificationCase.PublishPublicView(GIVEN, "s", List.of()))
                .thenRejected(RectificationCase.NOT_OPENED);
    }

    @Test
    void supervision_and_rejections_end_with_the_evaluation() {
        RectificationEvent[] done = history(closed("T1", GIVEN), submitted(GIVEN), headReported(GIVEN),
                evaluated(EvaluationOutcome.NOT_EFFECTIVE, GIVEN));
        rectification.given(done).when(new RectificationCase.RejectClosure("T1", GIVEN, "x"))
                .thenRejected(RectificationCase.ALREADY_EVALUATED);
        rectification.given(done).when(new RectificationCase.RecordSupervisionNote(SupervisingBody.DISCIPLINE_ORGAN,
                GIVEN, null, "x")).thenRejected(RectificationCase.ALREADY_EVALUATED);
        rectification.given(done).when(new RectificationCase.HoldConsultation(GIVEN, "s", List.of(
                ConsultationParty.INSPECTION_OFFICE, ConsultationParty.DISCIPLINE_ORGAN), List.of("c")))
                .thenRejected(RectificationCase.ALREADY_EVALUATED);
    }
}
