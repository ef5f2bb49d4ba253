package io.xunshi.planning.api;

import java.time.LocalDate;
import java.time.ZoneId;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.xunshi.kernel.eventstore.EventMetadata;
import io.xunshi.kernel.security.Caller;

/** What the resources share: event metadata, idempotency fingerprints, the default day. */
final class Commands {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private Commands() {
    }

    static EventMetadata metadata(Caller caller) {
        return new EventMetadata(null, null, caller.subject());
    }

    static String fingerprint(ObjectMapper json, String method, String path, Object body) {
        try {
            return method + " " + path + " " + json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static LocalDate today() {
        return LocalDate.now(CHINA);
    }
}
