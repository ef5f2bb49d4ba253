package io.xunshi.kernel.api;

import io.xunshi.kernel.eventstore.ExpectedVersion;

/**
 * Optimistic concurrency over HTTP: a resource's ETag is its aggregate version, and a write that sends
 * {@code If-Match} with an older one is refused with 412 Precondition Failed.
 */
public final class ETags {

    private ETags() {
    }

    public static String of(int version) {
        return "\"" + version + "\"";
    }

    /** The version an {@code If-Match} header asks for, or {@link ExpectedVersion#ANY} without one. */
    public static int expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return ExpectedVersion.ANY;
        }
        String tag = ifMatch.trim();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        if (tag.length() < 3 || !tag.startsWith("\"") || !tag.endsWith("\"")) {
            throw new ProblemException(ProblemType.MALFORMED_REQUEST, "If-Match must be an ETag such as \"3\"");
        }
        try {
            int version = Integer.parseInt(tag.substring(1, tag.length() - 1));
            if (version < 0) {
                throw new NumberFormatException();
            }
            return version;
        } catch (NumberFormatException e) {
            throw new ProblemException(ProblemType.PRECONDITION_FAILED, "If-Match " + ifMatch
                    + " matches no version of this resource");
        }
    }
}
