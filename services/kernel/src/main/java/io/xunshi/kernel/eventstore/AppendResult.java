package io.xunshi.kernel.eventstore;

import java.util.List;

/** The stream's version after an append, and the events as stored. */
public record AppendResult(String streamId, int version, List<StoredEvent> events) {
}
