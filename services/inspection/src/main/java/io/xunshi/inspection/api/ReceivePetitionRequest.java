package io.xunshi.inspection.api;

import java.time.LocalDate;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.xunshi.contracts.inspection.PetitionChannel;

/** A petition (信访) received by the team during its stationing. */
public record ReceivePetitionRequest(
        @Schema(description = "The inspection whose team received it") @NotBlank @Size(max = 200) String inspectionId,
        @Schema(description = "How it reached the team") @NotNull PetitionChannel channel,
        @Schema(description = "The day it was received (default: today in Asia/Shanghai)") LocalDate receivedOn,
        @Schema(description = "What it reports, about officials in their office; never the reporter's name",
                examples = "反映某局主要负责人违规插手工程项目") @NotBlank @Size(max = 4000) String summary,
        @Schema(description = "Whom it concerns, named in their office", examples = "某局局长") @Size(
                max = 200) String concerns,
        @Schema(description = "The reporter (举报人), if they gave their identity: personal data, sealed on arrival"
                + " and never answered in clear; absent for an anonymous petition") @Valid ReporterRequest reporter) {
}
