package io.xunshi.inspection.application;

import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.xunshi.contracts.inspection.PetitionChannel;
import io.xunshi.contracts.inspection.PetitionScope;
import io.xunshi.inspection.domain.Petition;

/** One petition as lists show it: never any part of the reporter, only whether there was one. */
public record PetitionSummary(String petitionId, String inspectionId, String jurisdiction, PetitionChannel channel,
        LocalDate receivedOn, String summary, String concerns,
        @Schema(description = "Whether it was received without a reporter's identity") boolean anonymous,
        Petition.PetitionStatus status, PetitionScope scope, String department, LocalDate answerDue,
        LocalDate answeredOn,
        Boolean answeredLate, boolean reporterErased, int version) {
}
