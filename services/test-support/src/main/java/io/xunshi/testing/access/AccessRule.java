package io.xunshi.testing.access;

import java.util.Optional;

/**
 * The platform's access rule, written once for every cell of every service's matrix: a role the operation's
 * security requirement does not name is refused (403); otherwise a caller inside the resource's jurisdiction
 * or above it acts, and a caller beside or below it is kept out in the way the operation's kind says
 * ({@link Probe.Kind}). A resource with several sides (a rectification case: the rectifying organisation's
 * location and the inspecting jurisdiction) places each role by the side it acts for.
 */
public final class AccessRule {

    private AccessRule() {
    }

    /** The expected answer to {@code role} at {@code position} calling {@code operation} as {@code probe} does. */
    public static Outcome expected(Operation operation, Probe probe, String role, Position position) {
        Optional<String> side = probe.sideOf(role);
        String home = position.callerFor(side.orElse(probe.jurisdiction()));
        if (home == null) {
            return Outcome.NO_SUCH_CALLER;
        }
        if (!operation.roles().contains(role)) {
            return Outcome.FORBIDDEN;
        }
        if (probe.kind() == Probe.Kind.OPEN) {
            return Outcome.ALLOWED;
        }
        boolean within = side.isPresent() && (position == Position.INSIDE || position == Position.ABOVE);
        if (probe.refuses(role)) {
            return within ? Outcome.FORBIDDEN : Outcome.HIDDEN;
        }
        return switch (probe.kind()) {
            case RESOURCE -> within ? Outcome.ALLOWED : Outcome.HIDDEN;
            case CREATE, FILTERED_LIST -> within ? Outcome.ALLOWED : Outcome.FORBIDDEN;
            case VIEW -> within ? Outcome.LISTED : Outcome.NOT_LISTED;
            case OPEN -> Outcome.ALLOWED;
        };
    }

    /** The home jurisdiction of the caller {@code role} at {@code position}, or null when there is none. */
    public static String callerHome(Probe probe, String role, Position position) {
        return position.callerFor(probe.sideOf(role).orElse(probe.jurisdiction()));
    }
}
