package io.xunshi.rectification.api;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.xunshi.contracts.rectification.ConsultationParty;

/** A rectification consultation (整改会商) and what it concluded. */
public record ConsultationRequest(
        @Schema(description = "The day it was held; today (Asia/Shanghai) when absent. Not before the feedback, not"
                + " in the future", examples = "2026-08-25") LocalDate heldOn,
        @Schema(description = "What it was about",
                examples = "津补贴问题整改会商") @NotBlank @Size(max = 500) String subject,
        @Schema(description = "Who took part, at least two, each once") @NotEmpty @Size(
                max = 10) List<@NotNull ConsultationParty> parties,
        @Schema(description = "What was agreed, at least one conclusion",
                examples = "[\"9月底前完成清退\"]") @NotEmpty @Size(max = 50) List<@NotBlank @Size(
                        max = 2000) String> conclusions) {
}
