package io.xunshi.inspection.api;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The transfer (转交) of a petition out of scope to the department it belongs to. */
public record TransferPetitionRequest(
        @Schema(description = "The department it goes to", examples = "市信访局") @NotBlank @Size(
                max = 200) String department,
        @Schema(description = "The day of the transfer (default: today in Asia/Shanghai)") LocalDate transferredOn) {
}
