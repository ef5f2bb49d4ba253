package io.xunshi.contracts.rectification;

import java.time.LocalDate;

/**
 * The organisation's principal leader reported how they organised the rectification (主要负责人组织落实情况报告, Art.
 * 27), the second report due at the case's deadline beside the rectification report.
 *
 * @param caseId the case
 * @param submittedOn the day it was submitted
 * @param summary the report's summary
 * @param onTime whether it was submitted by the case's report deadline
 */
public record HeadReportSubmitted(String caseId, LocalDate submittedOn, String summary, boolean onTime)
        implements
            RectificationEvent {

    public static final String TYPE = "xunshi.rectification.HeadReportSubmitted";
    public static final int VERSION = 1;
}
