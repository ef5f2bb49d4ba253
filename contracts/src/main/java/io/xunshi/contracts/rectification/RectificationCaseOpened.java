package io.xunshi.contracts.rectification;

import java.time.LocalDate;
import java.util.List;

/**
 * Feedback opened a rectification case for the inspected organisation.
 *
 * @param caseId stable id of the case; also the stream id and the Kafka key. Derived from the inspection,
 *        so a redelivered feedback cannot open a second case
 * @param inspectionId the inspection whose feedback opened it
 * @param roundId the inspection's round
 * @param planId the round's plan
 * @param jurisdiction the inspecting jurisdiction, which supervises and evaluates the case
 * @param organisationId the organisation that rectifies
 * @param organisationName its name
 * @param organisationJurisdiction the jurisdiction that manages it
 * @param organisationLocation the jurisdiction where it is located: its rectification owners act from there
 * @param firstResponsible the organisation's head, first responsible person (第一责任人)
 * @param feedbackOn the day feedback was given
 * @param reportDue the last day to submit the rectification report; the inspecting level's deadline after feedback
 * @param tasks one per finding
 */
public record RectificationCaseOpened(String caseId, String inspectionId, String roundId, String planId,
        String jurisdiction, String organisationId, String organisationName, String organisationJurisdiction,
        String organisationLocation, String firstResponsible, LocalDate feedbackOn, LocalDate reportDue,
        List<RectificationTask> tasks)
        implements
            RectificationEvent {

    public static final String TYPE = "xunshi.rectification.RectificationCaseOpened";
    public static final int VERSION = 1;
}
