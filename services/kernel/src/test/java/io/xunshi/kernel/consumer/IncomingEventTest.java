package io.xunshi.kernel.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;

class IncomingEventTest {

    private static IncomingEvent withVersion(String header) {
        Map<String, String> extensions = new HashMap<>();
        if (header != null) {
            extensions.put("aggregateversion", header);
        }
        return new IncomingEvent(UUID.randomUUID().toString(), "xunshi.test.Noted", 1, "s-1", null, null, null,
                JsonNodeFactory.instance.objectNode(), extensions);
    }

    @Test
    void the_aggregate_version_is_read_from_its_header() {
        assertThat(withVersion("7").aggregateVersion()).isEqualTo(OptionalInt.of(7));
        assertThat(withVersion(" 12 ").aggregateVersion()).isEqualTo(OptionalInt.of(12));
    }

    @Test
    void a_missing_or_unreadable_aggregate_version_is_empty() {
        assertThat(withVersion(null).aggregateVersion()).isEmpty();
        assertThat(withVersion("0").aggregateVersion()).isEmpty();
        assertThat(withVersion("-3").aggregateVersion()).isEmpty();
        assertThat(withVersion("seven").aggregateVersion()).isEmpty();
        assertThat(withVersion("99999999999").aggregateVersion()).isEmpty();
    }
}
