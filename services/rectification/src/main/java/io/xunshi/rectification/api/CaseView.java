package io.xunshi.rectification.api;

import java.time.LocalDate;
import java.util.List;

import io.xunshi.contracts.inspection.FocusArea;
import io.xunshi.contracts.rectification.AccountabilityGround;
import io.xunshi.contracts.rectification.ConsultationParty;
import io.xunshi.contracts.rectification.Deduction;
import io.xunshi.contracts.rectification.EvaluationGrade;
import io.xunshi.contracts.rectification.EvaluationOutcome;
import io.xunshi.contracts.rectification.HeldToAccount;
import io.xunshi.contracts.rectification.SupervisingBody;
import io.xunshi.contracts.rectification.TaskTier;
import io.xunshi.kernel.aggregate.AggregateRepository;
import io.xunshi.rectification.domain.RectificationCase;

/**
 * A rectification case as the API shows it, read from its stream; {@code version} is also its ETag.
 * {@code overdue}: the report is not submitted and today (Asia/Shanghai) is after {@code reportDue}.
 * {@code report}, {@code headReport}, {@code evaluation} and {@code planFiledOn} are null until they happen. The
 * three lists of the plan: {@code problems}, {@code tasks} and {@code responsibilities}. What the supervisors recorded:
 * {@code supervisionNotes}, {@code consultations}, {@code accountability}; {@code publicView} is the public view as
 * last published, null before.
 */
public record CaseView(String caseId, String inspectionId, String roundId, String planId, String jurisdiction,
        String organisationId, String organisationName, String organisationJurisdiction, String organisationLocation,
        String firstResponsible, LocalDate feedbackOn, LocalDate reportDue, RectificationCase.Status status,
        boolean overdue, Report report, Evaluation evaluation, List<Task> tasks, LocalDate planFiledOn,
        List<CaseProblem> problems, List<Responsibility> responsibilities, Report headReport,
        List<SupervisionNote> supervisionNotes, List<Consultation> consultations,
        List<AccountabilityReferral> accountability, PublicCaseView publicView, int version) {

    /** {@code longTermProgressDays}: the rectification report's period of long-term tasks; null on the head's. */
    public record Report(LocalDate submittedOn, String summary, boolean onTime, Integer longTermProgressDays) {
    }

    /** {@code score}, {@code fullMarks}, {@code grade} and {@code deductions} are null on evaluations before scoring. */
    public record Evaluation(EvaluationOutcome outcome, LocalDate evaluatedOn, String remarks, Integer score,
            Integer fullMarks, EvaluationGrade grade, List<Deduction> deductions) {
    }

    /** A supervision note of a supervising body's liaison; {@code taskId} null: on the case as a whole. */
    public record SupervisionNote(String noteId, SupervisingBody by, LocalDate notedOn, String taskId, String note) {
    }

    /** A consultation (整改会商) and its conclusions. */
    public record Consultation(String consultationId, LocalDate heldOn, String subject, List<ConsultationParty> parties,
            List<String> conclusions) {
    }

    /** Who is held to account and how, handed to the discipline organ of the inspecting jurisdiction (整改问责). */
    public record AccountabilityReferral(String referralId, LocalDate referredOn, AccountabilityGround ground,
            String description, List<HeldToAccount> persons) {
    }

    /** A closure the supervising office rejected: when the task had been closed, on what, and why not. */
    public record ClosureRejection(LocalDate closedOn, List<String> evidence, LocalDate rejectedOn, String reason) {
    }

    public record Progress(LocalDate reportedOn, String progress) {
    }

    /**
     * {@code tier}, {@code dueOn} and {@code responsiblePost} are null on the first tasks, before the plan;
     * {@code nextProgressDue} is when an open long-term task next reports progress, from the report on.
     */
    public record Task(String taskId, String findingId, FocusArea focusArea, String description, String responsible,
            RectificationCase.TaskStatus status, List<Progress> progress, LocalDate closedOn, List<String> evidence,
            TaskTier tier, LocalDate dueOn, String responsiblePost, List<TaskOwnership> owners,
            LocalDate nextProgressDue, List<ClosureRejection> rejections) {
    }

    /** Who owned a task from when until when ({@code until} null: still); successors follow their predecessors. */
    public record TaskOwnership(String owner, String post, LocalDate since, LocalDate until) {
    }

    /** The problem list (问题清单): each finding fed back, with the tasks working on it. */
    public record CaseProblem(String findingId, FocusArea focusArea, String description, List<String> taskIds) {
    }

    /**
     * The responsibility list (责任清单): who owns which tasks, the first responsible person (the head) first, then
     * the owners in the order of their first task; {@code openTaskIds} are those not yet closed.
     */
    public record Responsibility(String responsible, String post, boolean firstResponsible, List<String> taskIds,
            List<String> openTaskIds) {
    }

    /** {@code withAccountability}: whether the caller sees the accountability referrals (empty otherwise). */
    static CaseView of(AggregateRepository.Loaded<RectificationCase.State> loaded, LocalDate today,
            boolean withAccountability) {
        RectificationCase.State s = loaded.state();
        List<Task> tasks = s.tasks().stream().map(t -> new Task(t.taskId(), t.findingId(), t.focusArea(),
                t.description(), t.responsible(), t.status(),
                t.progress().stream().map(p -> new Progress(p.reportedOn(), p.progress())).toList(), t.closedOn(),
                t.evidence(), t.tier(), t.dueOn(), t.responsiblePost(), t.owners().stream()
                        .map(o -> new TaskOwnership(o.owner(), o.post(), o.since(), o.until())).toList(),
                s.nextProgressDue(t), t.rejections().stream().map(r -> new ClosureRejection(r.closedOn(),
                        r.evidence(), r.rejectedOn(), r.reason())).toList()))
                .toList();
        RectificationCase.Oversight o = s.oversight();
        List<CaseProblem> problems = s.problems().stream().map(p -> new CaseProblem(p.findingId(), p.focusArea(),
                p.description(), s.tasks().stream().filter(t -> t.findingId().equals(p.findingId()))
                        .map(RectificationCase.Task::taskId).toList()))
                .toList();
        return new CaseView(s.caseId(), s.inspectionId(), s.roundId(), s.planId(), s.jurisdiction(),
                s.organisationId(), s.organisationName(), s.organisationJurisdiction(), s.organisationLocation(),
                s.firstResponsible(), s.feedbackOn(), s.reportDue(), s.status(), s.overdue(today),
                s.report() == null
                        ? null
                        : new Report(s.report().submittedOn(), s.report().summary(),
                                s.report().onTime(), s.report().longTermProgressDays()),
                s.evaluation() == null
                        ? null
                        : new Evaluation(s.evaluation().outcome(), s.evaluation().evaluatedOn(),
                                s.evaluation().remarks(), s.evaluation().score(), s.evaluation().fullMarks(),
                                s.evaluation().grade(), s.evaluation().deductions()),
                tasks, s.planFiledOn(), problems, responsibilities(s),
                s.headReport() == null
                        ? null
                        : new Report(s.headReport().submittedOn(), s.headReport().summary(), s.headReport().onTime(),
                                null),
                o.notes().stream().map(n -> new SupervisionNote(n.noteId(), n.by(), n.notedOn(), n.taskId(), n.note()))
                        .toList(),
                o.consultations().stream().map(c -> new Consultation(c.consultationId(), c.heldOn(), c.subject(),
                        c.parties(), c.conclusions())).toList(),
                o.referrals().stream().filter(a -> withAccountability)
                        .map(a -> new AccountabilityReferral(a.referralId(), a.referredOn(), a.ground(),
                                a.description(), a.persons()))
                        .toList(),
                o.publicView() == null ? null : PublicCaseView.of(o.publicView()), loaded.version());
    }

    private static List<Responsibility> responsibilities(RectificationCase.State s) {
        java.util.Map<String, List<RectificationCase.Task>> byOwner = new java.util.LinkedHashMap<>();
        if (s.firstResponsible() != null) {
            byOwner.put(s.firstResponsible(), new java.util.ArrayList<>());
        }
        for (RectificationCase.Task t : s.tasks()) {
            byOwner.computeIfAbsent(t.responsible(), owner -> new java.util.ArrayList<>()).add(t);
        }
        return byOwner.entrySet().stream().map(e -> new Responsibility(e.getKey(),
                e.getValue().stream().map(RectificationCase.Task::responsiblePost).filter(java.util.Objects::nonNull)
                        .findFirst().orElse(null),
                e.getKey().equals(s.firstResponsible()),
                e.getValue().stream().map(RectificationCase.Task::taskId).toList(),
                e.getValue().stream().filter(t -> t.status() == RectificationCase.TaskStatus.OPEN)
                        .map(RectificationCase.Task::taskId).toList()))
                .toList();
    }
}
