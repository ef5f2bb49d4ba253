package io.xunshi.contracts.rectification;

import java.time.LocalDate;
import java.util.List;

/**
 * A rectification consultation (整改会商) brought the parties together on a case, and its conclusions were recorded.
 *
 * @param caseId the case
 * @param consultationId its number on the case: C1, C2, …
 * @param heldOn the day it was held
 * @param subject what it was about
 * @param parties who took part, at least two, each once
 * @param conclusions what was agreed, at least one
 */
public record ConsultationHeld(String caseId, String consultationId, LocalDate heldOn, String subject,
        List<ConsultationParty> parties, List<String> conclusions) implements RectificationEvent {

    public static final String TYPE = "xunshi.rectification.ConsultationHeld";
    public static final int VERSION = 1;
}
