package io.xunshi.inspection.api;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The feedback to the organisation's principal leader in person (Art. 26). */
public record HeadFeedbackRequest(
        @Schema(description = "The principal leader, named in their office", examples = "王某某") @NotBlank @Size(
                max = 100) String organisationHead,
        @Schema(description = "The day of the feedback (default: today in Asia/Shanghai)") LocalDate givenOn) {
}
