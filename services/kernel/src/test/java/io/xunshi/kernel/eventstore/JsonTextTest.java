package io.xunshi.kernel.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

class JsonTextTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void whitespace_between_tokens_goes_and_whitespace_inside_strings_stays() throws Exception {
        String stored = "{\"a\": 1, \"b\": [1, 2.5, true, null], \"text\": \"问题 线索, \\\"quoted: yes\\\" \\\\\","
                + " \"nested\": {\"x\": \"a b\"}}";

        String compact = JsonText.compact(stored);

        assertThat(compact).isEqualTo("{\"a\":1,\"b\":[1,2.5,true,null],\"text\":\"问题 线索, \\\"quoted: yes\\\" \\\\\","
                + "\"nested\":{\"x\":\"a b\"}}");
        assertThat(json.readTree(compact)).isEqualTo(json.readTree(stored));
        assertThat(compact).isEqualTo(json.readTree(stored).toString());
    }

    @Test
    void compact_text_is_returned_as_it_is() {
        String compact = "{\"a\":\"b c\"}";

        assertThat(JsonText.compact(compact)).isSameAs(compact);
    }
}
