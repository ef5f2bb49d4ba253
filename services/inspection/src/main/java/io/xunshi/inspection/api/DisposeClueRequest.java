package io.xunshi.inspection.api;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.xunshi.contracts.inspection.ClueDisposition;

/** How the receiver disposed of a problem clue (Art. 29). */
public record DisposeClueRequest(
        @Schema(description = "Talk or letter inquiry, preliminary check, case opened, organisational handling, or no"
                + " further action") @NotNull ClueDisposition disposition,
        @Schema(description = "What was done", examples = "已启动初步核实") @NotBlank @Size(max = 4000) String summary,
        @Schema(description = "The day of the report (default: today in Asia/Shanghai)") LocalDate disposedOn) {
}
