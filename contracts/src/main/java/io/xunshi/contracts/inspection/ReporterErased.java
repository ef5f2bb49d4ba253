package io.xunshi.contracts.inspection;

import java.time.Instant;

/**
 * A petition's reporter was erased: the key of their subject is destroyed in the same transaction, so the sealed
 * name and contact can be opened nowhere again — in the store, on the topic, in any projection rebuilt later — while
 * every event stays as written and the hash chains verify.
 *
 * @param petitionId the petition
 * @param subject the subject erased
 * @param erasedBy the account of the office that erased it, in their office
 * @param reason why (the reporter's request, the retention period, …)
 * @param erasedAt when
 */
public record ReporterErased(String petitionId, String subject, String erasedBy, String reason, Instant erasedAt)
        implements
            PetitionEvent {

    public static final String TYPE = "xunshi.inspection.ReporterErased";
    public static final int VERSION = 1;
}
