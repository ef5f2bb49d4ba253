package io.xunshi.rectification.api;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A supervision note of the discipline organ's or the organisation department's liaison (日常监督). */
public record SupervisionNoteRequest(
        @Schema(description = "The day of the note; today (Asia/Shanghai) when absent. Not before the feedback, not"
                + " in the future", examples = "2026-08-20") LocalDate notedOn,
        @Schema(description = "The task it is about; absent for the case as a whole",
                examples = "T1") @Size(max = 50) String taskId,
        @Schema(description = "What was observed or asked",
                examples = "整改进度滞后，请于月底前报送推进情况") @NotBlank @Size(max = 4000) String note) {
}
