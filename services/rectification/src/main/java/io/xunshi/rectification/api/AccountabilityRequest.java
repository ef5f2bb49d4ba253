package io.xunshi.rectification.api;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.xunshi.contracts.rectification.AccountabilityGround;
import io.xunshi.contracts.rectification.AccountabilityMeasure;

/** Who is held to account for a rectification judged not effective, and how (整改问责). */
public record AccountabilityRequest(
        @Schema(description = "The day it is handed to the discipline organ; today (Asia/Shanghai) when absent. Not"
                + " before the evaluation, not in the future", examples = "2026-09-10") LocalDate referredOn,
        @Schema(description = "Perfunctory (敷衍整改), falsified (虚假整改) or refused (拒不整改) rectification") @NotNull AccountabilityGround ground,
        @Schema(description = "What was found",
                examples = "整改报告称已清退，经核查未清退") @NotBlank @Size(max = 5000) String description,
        @Schema(description = "Who is held to account and how, at least one") @NotEmpty @Size(
                max = 50) List<@Valid @NotNull HeldToAccountRequest> persons) {

    /** One person held to account, named in office. */
    public record HeldToAccountRequest(
            @Schema(description = "Who, as the case names them: a first responsible person or a task's owner",
                    examples = "王某") @NotBlank @Size(max = 200) String name,
            @Schema(description = "Their post", examples = "副局长") @NotBlank @Size(max = 200) String post,
            @Schema(description = "The measure proposed") @NotNull AccountabilityMeasure measure) {
    }
}
