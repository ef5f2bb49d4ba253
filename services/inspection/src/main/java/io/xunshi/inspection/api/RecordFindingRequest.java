package io.xunshi.inspection.api;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.xunshi.contracts.inspection.FocusArea;
import io.xunshi.contracts.inspection.Severity;

/**
 * A finding (问题) of the fieldwork, drafted as a working paper (底稿) for the team leader's review. The flags default
 * to false, the evidence to none, the informant to none; the rule it breaks and who is responsible may follow in a
 * revision, but the leader approves only a working paper that names both.
 */
public record RecordFindingRequest(
        @Schema(description = "The focus area it belongs to") @NotNull FocusArea focusArea,
        @Schema(description = "What was found",
                examples = "落实中央八项规定精神不到位，违规发放津补贴") @NotBlank @Size(max = 4000) String description,
        @Schema(description = "How serious it is") @NotNull Severity severity,
        @Schema(description = "Whether it involves the top leader (一把手)") Boolean involvesTopLeader,
        @Schema(description = "Whether it involves the leadership team") Boolean involvesLeadershipTeam,
        @Schema(description = "Whether it is a common problem (共性问题)") Boolean common,
        @Schema(description = "Whether it is a deep-level problem (深层次问题)") Boolean deepLevel,
        @Schema(description = "References to the evidence: documents, talks, visits") @Size(
                max = 100) List<@NotBlank @Size(max = 500) String> evidence,
        @Schema(description = "The informant whose information led to the finding, if one is named: personal data,"
                + " sealed on arrival and never answered in clear") @Valid InformantRequest informant,
        @Schema(description = "The rule, regulation or decision it breaks (定性依据)",
                examples = "《中国共产党问责条例》第七条") @Size(max = 1000) String rule,
        @Schema(description = "Who is responsible, named in their office", examples = "党委书记") @Size(
                max = 200) String responsible) {
}
