package io.xunshi.inspection.api;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A person joining a jurisdiction's cadre pool (巡视巡察干部人才库), with their present post. */
public record RegisterCadreRequest(
        @Schema(description = "The jurisdiction whose pool holds them", examples = "330000") @NotNull @Pattern(
                regexp = "\\d{6}|\\d{12}") String jurisdiction,
        @Schema(description = "Their name, in their official role", examples = "王强") @NotBlank @Size(
                max = 100) String name,
        @Schema(description = "The identity provider's subject they sign in with (the token's sub)",
                examples = "wang.qiang@330000") @NotBlank @Size(max = 200) String account,
        @Schema(description = "Their rank", examples = "正处级") @NotBlank @Size(max = 50) String rank,
        @Schema(description = "What they know, as tags") @Size(
                max = 20) List<@NotBlank @Size(max = 50) String> expertise,
        @Schema(description = "Their present post") @NotNull @Valid PostRequest post) {
}
