package io.xunshi.coordination.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Gives an organisation a new name. */
public record RenameOrganisationRequest(@NotBlank @Size(max = 200) String name) {
}
