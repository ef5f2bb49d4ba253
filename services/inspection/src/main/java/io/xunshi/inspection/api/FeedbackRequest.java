package io.xunshi.inspection.api;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The findings were fed back to the organisation's head and leadership team. */
public record FeedbackRequest(
        @Schema(description = "The day feedback was given (ISO date), not before the report; defaults to today in"
                + " Asia/Shanghai", examples = "2026-06-15") LocalDate givenOn,
        @Schema(description = "The head (主要负责人) the feedback was given to; first responsible for rectification",
                examples = "张三") @NotBlank @Size(max = 200) String organisationHead) {
}
