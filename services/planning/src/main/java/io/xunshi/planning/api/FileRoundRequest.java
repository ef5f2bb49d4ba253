package io.xunshi.planning.api;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A round's work plan filed with the level above (巡视巡察工作方案报备). */
public record FileRoundRequest(
        @Schema(description = "The day it is filed (ISO date); today in Asia/Shanghai when left out",
                examples = "2026-02-26") LocalDate filedOn,
        @Schema(description = "The work plan's summary: aims, focus, targets and arrangements",
                examples = "十五届省委第一轮巡视：巡视4个市、6家省属企业，聚焦落实主体责任") @NotBlank @Size(max = 10000) String workPlan) {
}
