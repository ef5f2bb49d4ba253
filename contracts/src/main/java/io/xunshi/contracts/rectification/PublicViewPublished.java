package io.xunshi.contracts.rectification;

import java.time.LocalDate;
import java.util.List;

/**
 * The inspection office published the public view of a case (Art. 32, 适当方式公开), frozen as published: what it
 * discloses and nothing else. Problems it withheld (under investigation, secret, marked internal) are absent, and
 * so are owners, evidence, progress, supervision, consultations, accountability and remarks. A later publication
 * replaces it.
 *
 * @param caseId the case
 * @param publishedOn the day of publication
 * @param jurisdiction the inspecting jurisdiction
 * @param organisationName the rectifying organisation's name
 * @param feedbackOn the day of feedback
 * @param summary the public account the office wrote
 * @param problems the problems disclosed
 * @param tasksTotal how many tasks the rectification has
 * @param tasksClosed how many of them are closed
 * @param reportSubmittedOn the day of the rectification report
 * @param grade the evaluation's grade, or null before the evaluation
 * @param outcome the evaluation's outcome, or null before the evaluation
 */
public record PublicViewPublished(String caseId, LocalDate publishedOn, String jurisdiction, String organisationName,
        LocalDate feedbackOn, String summary, List<PublicProblem> problems, int tasksTotal, int tasksClosed,
        LocalDate reportSubmittedOn, EvaluationGrade grade, EvaluationOutcome outcome) implements RectificationEvent {

    public static final String TYPE = "xunshi.rectification.PublicViewPublished";
    public static final int VERSION = 1;
}
