package io.xunshi.planning.api;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Issues a level's work plan for a term of office. */
public record IssuePlanRequest(
        @Schema(description = "The plan's title",
                examples = "中央巡视工作规划（2023－2027年）") @NotBlank @Size(max = 300) String title,
        @Schema(description = "The issuing jurisdiction: GB/T 2260 code, or 000000 for the Centre",
                examples = "000000") @NotNull @Pattern(regexp = Patterns.JURISDICTION,
                        message = Patterns.JURISDICTION_MESSAGE) String jurisdiction,
        @Schema(description = "First year of the term",
                examples = "2023") @NotNull @Min(1949) @Max(2200) Integer termStart,
        @Schema(description = "Last year of the term; at most five years in all",
                examples = "2027") @NotNull @Min(1949) @Max(2200) Integer termEnd,
        @Schema(description = "The higher level's plan this one is issued according to; required except for the"
                + " Centre's plan, which has none") @Size(max = 100) String parentPlanId,
        @Schema(description = "Ids of the organisations to cover, all managed by the jurisdiction; leave it out to"
                + " take every organisation the jurisdiction manages") @Size(
                        max = 10_000) List<@NotBlank @Size(max = 100) String> universe) {
}
