package io.xunshi.inspection.api;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.xunshi.contracts.inspection.Post;

/** A post: the unit it is in, that unit's superior unit if it has one, the title and the first day. */
public record PostRequest(
        @Schema(description = "The organisation the post is in (an organisation id of the registry)") @NotBlank @Size(
                max = 100) String unitId,
        @Schema(description = "The unit's name", examples = "杭州市财政局") @NotBlank @Size(max = 200) String unitName,
        @Schema(description = "The unit's superior unit (上级单位), if it has one") @Size(min = 1,
                max = 100) String superiorUnitId,
        @Schema(description = "The post's title", examples = "副局长") @NotBlank @Size(max = 100) String title,
        @Schema(description = "The first day in the post") @NotNull LocalDate since) {

    Post post() {
        return new Post(unitId, unitName, superiorUnitId, title, since);
    }
}
