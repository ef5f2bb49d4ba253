package io.xunshi.contracts.rectification;

import java.time.LocalDate;
import java.util.List;

/**
 * The inspection office recorded who is held to account for a rectification judged not effective, and how, and
 * handed the record to the discipline organ of the inspecting jurisdiction (整改问责).
 *
 * @param caseId the case
 * @param referralId its number on the case: A1, A2, …
 * @param jurisdiction the inspecting jurisdiction, whose discipline organ receives it
 * @param organisationId the organisation that rectified
 * @param referredOn the day it was handed over
 * @param ground why: perfunctory, falsified or refused rectification
 * @param description what was found
 * @param persons who is held to account and how, at least one
 */
public record AccountabilityReferred(String caseId, String referralId, String jurisdiction, String organisationId,
        LocalDate referredOn, AccountabilityGround ground, String description, List<HeldToAccount> persons)
        implements
            RectificationEvent {

    public static final String TYPE = "xunshi.rectification.AccountabilityReferred";
    public static final int VERSION = 1;
}
