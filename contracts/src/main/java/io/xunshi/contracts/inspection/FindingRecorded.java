package io.xunshi.contracts.inspection;

import java.util.List;

/**
 * The team recorded a finding (问题) during fieldwork, as a working paper (底稿) that awaits the team leader's
 * review: only an approved finding ({@link FindingApproved}) enters the report and the feedback.
 *
 * @param inspectionId the inspection
 * @param findingId stable id of the finding
 * @param focusArea the focus area it belongs to
 * @param description what was found
 * @param severity how serious it is
 * @param involvesTopLeader whether it involves the organisation's top leader (一把手)
 * @param involvesLeadershipTeam whether it involves the leadership team
 * @param common whether it is a common problem (共性问题), found elsewhere too
 * @param deepLevel whether it is a deep-level problem (深层次问题)
 * @param evidence references to the evidence (documents, talks, visits); may be empty
 * @param informant the private individual whose information led to the finding, sealed (personal data); null when
 *        none is named. Added to version 1 later: earlier events lack it.
 * @param rule the rule, regulation or decision it breaks (the working paper's 定性依据); null in events recorded
 *        before working papers were added to version 1
 * @param responsible who is responsible, named in their office (not personal data); null as {@code rule}
 */
public record FindingRecorded(String inspectionId, String findingId, FocusArea focusArea, String description,
        Severity severity, boolean involvesTopLeader, boolean involvesLeadershipTeam, boolean common,
        boolean deepLevel, List<String> evidence, Informant informant, String rule, String responsible)
        implements
            InspectionEvent {

    public static final String TYPE = "xunshi.inspection.FindingRecorded";
    public static final int VERSION = 1;
}
