package io.xunshi.contracts.inspection;

import java.time.Instant;

/**
 * Someone holding the identity reader's role opened a petition's sealed reporter: who, when and why, recorded before
 * the identity is answered, so that every disclosure is on the record auditors read.
 *
 * @param petitionId the petition
 * @param subject the subject the reporter is sealed under
 * @param readBy the account of the reader, in their office
 * @param reason why they needed the identity
 * @param readAt when
 */
public record ReporterIdentityRead(String petitionId, String subject, String readBy, String reason, Instant readAt)
        implements
            PetitionEvent {

    public static final String TYPE = "xunshi.inspection.ReporterIdentityRead";
    public static final int VERSION = 1;
}
