package io.xunshi.rectification.application;

import java.time.LocalDate;

import io.xunshi.kernel.api.Days;
import io.xunshi.kernel.security.Caller;
import io.xunshi.kernel.security.Role;

/**
 * Who may act on and read a rectification case (docs/adr/0009-rectification-cases.md):
 * <ul>
 * <li>the rectifying side: {@code rectification-owner} of the case's own organisation (the token's
 * {@code organisation} claim names it) whose jurisdiction covers where the organisation is located
 * ({@code organisationLocation}); it reports progress, closes tasks and submits the report. An owner of another
 * organisation in the same place does not see the case;</li>
 * <li>the supervising side: {@code inspection-office} whose jurisdiction covers the inspecting jurisdiction;
 * it evaluates;</li>
 * <li>{@code auditor} covering the inspecting jurisdiction reads;</li>
 * <li>the daily supervisors, {@code discipline-liaison} and {@code organisation-liaison} covering the inspecting
 * jurisdiction, read and record supervision notes.</li>
 * </ul>
 * Anyone else cannot see the case at all: it answers 404, as an unknown id does. The public view, once published, is
 * for everyone, {@code public} included; it is a separate resource.
 */
public final class CaseAccess {

    private CaseAccess() {
    }

    public static boolean owner(Caller caller, String organisationId, String organisationLocation) {
        return caller.hasRole(Role.RECTIFICATION_OWNER) && caller.actsFor(organisationId)
                && caller.covers(organisationLocation);
    }

    public static boolean supervisor(Caller caller, String jurisdiction) {
        return caller.hasRole(Role.INSPECTION_OFFICE) && caller.covers(jurisdiction);
    }

    public static boolean auditor(Caller caller, String jurisdiction) {
        return caller.hasRole(Role.AUDITOR) && caller.covers(jurisdiction);
    }

    /** A liaison of a supervising body whose jurisdiction covers the inspecting jurisdiction. */
    public static boolean liaison(Caller caller, String jurisdiction) {
        return (caller.hasRole(Role.DISCIPLINE_LIAISON) || caller.hasRole(Role.ORGANISATION_LIAISON))
                && caller.covers(jurisdiction);
    }

    public static boolean reader(Caller caller, String jurisdiction, String organisationId,
            String organisationLocation) {
        return owner(caller, organisationId, organisationLocation) || supervisor(caller, jurisdiction)
                || auditor(caller, jurisdiction) || liaison(caller, jurisdiction);
    }

    /**
     * Whether the caller sees a case's accountability referrals: the supervising side, auditors and the liaisons (the
     * discipline organ receives them), not the rectifying side.
     */
    public static boolean seesAccountability(Caller caller, String jurisdiction) {
        return supervisor(caller, jurisdiction) || auditor(caller, jurisdiction) || liaison(caller, jurisdiction);
    }

    public static LocalDate today() {
        return Days.today();
    }
}
