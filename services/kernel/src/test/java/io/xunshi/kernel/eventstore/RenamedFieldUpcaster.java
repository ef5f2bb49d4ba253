package io.xunshi.kernel.eventstore;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Test upcasters: v1 named the field "title", v2 calls it "name", v3 adds "language". */
class RenamedFieldUpcaster {

    static final String TYPE = "xunshi.test.Named";

    @ApplicationScoped
    static class V1ToV2 implements Upcaster {

        @Override
        public String type() {
            return TYPE;
        }

        @Override
        public int fromVersion() {
            return 1;
        }

        @Override
        public JsonNode upcast(JsonNode payload) {
            ObjectNode next = payload.deepCopy();
            next.set("name", next.remove("title"));
            return next;
        }
    }

    @ApplicationScoped
    static class V2ToV3 implements Upcaster {

        @Override
        public String type() {
            return TYPE;
        }

        @Override
        public int fromVersion() {
            return 2;
        }

        @Override
        public JsonNode upcast(JsonNode payload) {
            return ((ObjectNode) payload.deepCopy()).put("language", "zh");
        }
    }
}
