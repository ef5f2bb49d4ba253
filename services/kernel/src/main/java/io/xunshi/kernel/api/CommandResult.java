package io.xunshi.kernel.api;

import java.util.Map;

/**
 * What a command answers: its status, headers (Location, ETag) and body. It is what an idempotent
 * command keeps, so that a retry gets exactly the first answer back.
 */
public record CommandResult(int status, Map<String, String> headers, Object body) {

    public static CommandResult created(String location, int version, Object body) {
        return new CommandResult(201, Map.of("Location", location, "ETag", ETags.of(version)), body);
    }

    public static CommandResult ok(int version, Object body) {
        return new CommandResult(200, Map.of("ETag", ETags.of(version)), body);
    }
}
