package io.xunshi.rectification.api;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.xunshi.contracts.rectification.TaskTier;

/**
 * The organisation's rectification plan (整改方案): its task list, one or more tasks per problem fed back, each with
 * its tier, due date and owner; the responsibility list follows from the owners.
 */
public record FilePlanRequest(
        @Schema(description = "The day the plan was filed; today (Asia/Shanghai) when absent. Not before the"
                + " feedback, not in the future", examples = "2026-07-10") LocalDate filedOn,
        @Schema(description = "The task list, in order; the case numbers them T1, T2, …") @NotEmpty @Size(
                max = 500) List<@Valid @NotNull PlannedTaskRequest> tasks) {

    /** One task of the plan. */
    public record PlannedTaskRequest(
            @Schema(description = "The problem it works on: the id of a finding fed back",
                    examples = "f-1") @NotBlank @Size(max = 200) String findingId,
            @Schema(description = "What is to be done",
                    examples = "修订津补贴管理办法") @NotBlank @Size(max = 5000) String description,
            @Schema(description = "Fix now (立行立改), by a deadline (限期整改) or long term (长期坚持)") @NotNull TaskTier tier,
            @Schema(description = "When it is due: required for IMMEDIATE and DEADLINE, absent for LONG_TERM; not"
                    + " before the plan", examples = "2026-09-30") LocalDate dueOn,
            @Schema(description = "Who owns it, named in office: the head or a leadership-team member in their remit",
                    examples = "王某") @NotBlank @Size(max = 200) String owner,
            @Schema(description = "The owner's post", examples = "副局长") @NotBlank @Size(max = 200) String ownerPost) {
    }
}
