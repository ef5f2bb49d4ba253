package io.xunshi.inspection.api;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer of the department a petition was transferred to. */
public record TransferAnswerRequest(
        @Schema(description = "What the department did", examples = "已督促属地街道解决") @NotBlank @Size(
                max = 4000) String answer,
        @Schema(description = "The day of the answer (default: today in Asia/Shanghai)") LocalDate answeredOn) {
}
