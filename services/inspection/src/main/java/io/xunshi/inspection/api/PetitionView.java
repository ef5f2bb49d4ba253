package io.xunshi.inspection.api;

import java.time.Instant;
import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.xunshi.contracts.inspection.PetitionChannel;
import io.xunshi.contracts.inspection.PetitionScope;
import io.xunshi.inspection.domain.Petition;
import io.xunshi.kernel.aggregate.AggregateRepository;

/**
 * A petition as the API shows it, from its events; {@code version} is also its ETag. Of the reporter only the subject
 * id their identity is sealed under, whether they were erased, and how many times the identity was opened.
 */
public record PetitionView(String petitionId, String inspectionId, String jurisdiction, PetitionChannel channel,
        LocalDate receivedOn, String summary, String concerns,
        @Schema(description = "The subject id the reporter's name and contact are sealed under, or null for an"
                + " anonymous petition; the identity itself is never answered here") String reporterSubject,
        @Schema(description = "When the reporter was erased; their identity can be opened nowhere again") Instant reporterErasedAt,
        @Schema(description = "How many times the identity was opened (the record is for auditors)") int identityOpenings,
        Petition.PetitionStatus status, PetitionScope scope, LocalDate classifiedOn, String department,
        LocalDate transferredOn, LocalDate answerDue, String answer, LocalDate answeredOn, boolean answeredLate,
        int version) {

    static PetitionView of(AggregateRepository.Loaded<Petition.State> loaded) {
        Petition.State s = loaded.state();
        return new PetitionView(s.petitionId(), s.inspectionId(), s.jurisdiction(), s.channel(), s.receivedOn(),
                s.summary(), s.concerns(), s.reporterSubject(), s.reporterErasedAt(), s.identityReads().size(),
                s.status(), s.scope(), s.classifiedOn(), s.department(), s.transferredOn(), s.answerDue(), s.answer(),
                s.answeredOn(), s.answeredLate(), loaded.version());
    }
}
