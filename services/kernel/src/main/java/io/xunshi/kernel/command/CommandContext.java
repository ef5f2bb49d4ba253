package io.xunshi.kernel.command;

import io.xunshi.kernel.eventstore.EventMetadata;
import io.xunshi.kernel.security.Caller;

/**
 * What a command handler needs besides its connection: who sends it, the version the client expects
 * ({@link io.xunshi.kernel.eventstore.ExpectedVersion#ANY} without {@code If-Match}) and the metadata its events
 * carry.
 */
public record CommandContext(Caller caller, int expectedVersion, EventMetadata metadata) {
}
