package io.xunshi.contracts.inspection;

import java.time.LocalDate;

/**
 * The team's work for its round ended: its leader is released from the authorisation.
 *
 * @param teamId the team
 * @param on the day it stood down
 */
public record TeamStoodDown(String teamId, LocalDate on) implements TeamEvent {

    public static final String TYPE = "xunshi.inspection.TeamStoodDown";
    public static final int VERSION = 1;
}
