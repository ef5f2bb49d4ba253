package io.xunshi.kernel.api;

import java.io.IOException;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * Refuses a JSON string that holds a NUL character ({@code "\u0000"}) where the service reads it into a
 * {@code String}: PostgreSQL can store NUL neither in text nor in jsonb, so a request carrying one would
 * otherwise fail as it is written. The request is answered 400 naming the field (see
 * {@link ProblemMappers#wrongShape}).
 */
@Singleton
public class JsonStringsWithoutNul implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("xunshi-json-strings-without-nul")
                .addDeserializer(String.class, new NulRefusingStrings()));
    }

    static final class NulRefusingStrings extends StdScalarDeserializer<String> {

        private static final long serialVersionUID = 1L;

        NulRefusingStrings() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = StringDeserializer.instance.deserialize(parser, context);
            if (text != null && text.indexOf('\0') >= 0) {
                throw InvalidFormatException.from(parser, "a string must not hold a NUL character", text, String.class);
            }
            return text;
        }
    }
}
