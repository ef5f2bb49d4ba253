package io.xunshi.inspection.api;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.xunshi.contracts.inspection.ClueCategory;

/** A problem clue (问题线索) handed over by its classified disposition (Art. 28). */
public record HandOverClueRequest(
        @Schema(description = "The inspection that found it") @NotBlank @Size(max = 200) String inspectionId,
        @Schema(description = "What it is about, which decides the receiver: DISCIPLINE_VIOLATION and LEADER_CONDUCT"
                + " to the discipline-inspection organ, DEMOCRATIC_CENTRALISM and CADRE_SELECTION to the organisation"
                + " department, OTHER to the relevant unit") @NotNull ClueCategory category,
        @Schema(description = "The receiving unit by name; required for OTHER",
                examples = "省纪委监委第三监督检查室") @Size(max = 200) String receiverUnit,
        @Schema(description = "What the clue is, about officials in their office") @NotBlank @Size(
                max = 4000) String summary,
        @Schema(description = "Whom it concerns, named in their office") @Size(max = 200) String concerns,
        @Schema(description = "The petitions of this inspection it rests on") @Size(
                max = 50) List<@NotBlank @Size(max = 200) String> petitionIds,
        @Schema(description = "The day of the handover (default: today in Asia/Shanghai)") LocalDate handedOverOn) {
}
