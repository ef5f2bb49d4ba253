package io.xunshi.contracts.inspection;

import java.util.List;

/**
 * The team revised a working paper the leader sent back: it replaces what was found, its evidence, the rule it
 * breaks and who is responsible, and awaits the leader's review again. The informant, if any, stays as recorded.
 *
 * @param inspectionId the inspection
 * @param findingId the finding revised
 * @param focusArea the focus area it belongs to
 * @param description what was found
 * @param severity how serious it is
 * @param involvesTopLeader whether it involves the organisation's top leader (一把手)
 * @param involvesLeadershipTeam whether it involves the leadership team
 * @param common whether it is a common problem (共性问题)
 * @param deepLevel whether it is a deep-level problem (深层次问题)
 * @param evidence references to the evidence; may be empty
 * @param rule the rule, regulation or decision it breaks
 * @param responsible who is responsible, named in their office
 */
public record FindingRevised(String inspectionId, String findingId, FocusArea focusArea, String description,
        Severity severity, boolean involvesTopLeader, boolean involvesLeadershipTeam, boolean common,
        boolean deepLevel, List<String> evidence, String rule, String responsible) implements InspectionEvent {

    public static final String TYPE = "xunshi.inspection.FindingRevised";
    public static final int VERSION = 1;
}
