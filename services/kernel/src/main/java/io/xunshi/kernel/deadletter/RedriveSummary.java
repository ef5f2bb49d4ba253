package io.xunshi.kernel.deadletter;

import java.util.List;

/** What re-driving every pending letter of a consumer did. */
public record RedriveSummary(String consumer, int attempted, int redriven, int alreadyHandled, int failed,
        List<DeadLetterView> failures) {
}
