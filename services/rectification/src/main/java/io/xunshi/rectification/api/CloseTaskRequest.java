package io.xunshi.rectification.api;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Closes a task off the ledger on evidence (台账销号). */
public record CloseTaskRequest(
        @Schema(description = "The day it was closed; today (Asia/Shanghai) when absent. Not before the feedback,"
                + " not in the future", examples = "2026-04-01") LocalDate closedOn,
        @Schema(description = "References to the evidence of rectification; at least one",
                examples = "[\"doc-2026-017 整改完成报告\"]") @NotEmpty @Size(
                        max = 50) List<@NotBlank @Size(max = 500) String> evidence) {
}
