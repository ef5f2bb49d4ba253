package io.xunshi.contracts.rectification;

import java.time.LocalDate;

/**
 * The organisation submitted its rectification report to the inspecting level.
 *
 * @param caseId the case
 * @param submittedOn the day it was submitted
 * @param summary the report's summary
 * @param onTime whether it was submitted by the case's report deadline
 * @param longTermProgressDays every how many days long-term tasks report progress from now on (the level's period
 *        when the report was submitted), or null before periodic reporting existed
 */
public record RectificationReportSubmitted(String caseId, LocalDate submittedOn, String summary, boolean onTime,
        Integer longTermProgressDays)
        implements
            RectificationEvent {

    public static final String TYPE = "xunshi.rectification.RectificationReportSubmitted";
    public static final int VERSION = 1;
}
