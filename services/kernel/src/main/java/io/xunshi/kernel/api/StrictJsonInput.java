package io.xunshi.kernel.api;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * What JSON the services read more strictly than Jackson does by default; a value refused here is answered
 * 400 naming the field (see {@link ProblemMappers#wrongShape}):
 * <ul>
 * <li>a string that holds a NUL character ({@code "\u0000"}) where the service reads a {@code String}:
 * PostgreSQL can store NUL neither in text nor in jsonb, so it would otherwise fail as it is written;</li>
 * <li>a {@code LocalDate} that is anything but a {@code yyyy-MM-dd} string of a day that exists, with a four-digit year: Jackson
 * would also take a date-time ({@code 2026-03-02T10:00:00}, silently dropping the time), an empty string
 * (as no date), a year of five digits or more ({@code +99999-01-01}), an array or a day count.</li>
 * </ul>
 */
@Singleton
public class StrictJsonInput implements ObjectMapperCustomizer {

    /** Last, so that these deserializers win over those of the modules Quarkus registers (Java time). */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("xunshi-strict-json-input")
                .addDeserializer(String.class, new NulRefusingStrings())
                .addDeserializer(LocalDate.class, new IsoDates()));
    }

    static final class IsoDates extends StdScalarDeserializer<LocalDate> {

        private static final long serialVersionUID = 1L;
        /** Four-digit years only: ISO 8601 would also take {@code +99999-01-01}. */
        private static final Pattern PLAIN_DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

        IsoDates() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.currentToken() != JsonToken.VALUE_STRING) {
                return (LocalDate) context.handleUnexpectedToken(LocalDate.class, parser);
            }
            String text = parser.getText();
            if (!PLAIN_DAY.matcher(text).matches()) {
                throw InvalidFormatException.from(parser, "a date is a day that exists, as yyyy-MM-dd", text,
                        LocalDate.class);
            }
            try {
                // ISO_LOCAL_DATE resolves strictly: 2026-02-30 is no day.
                return LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                throw InvalidFormatException.from(parser, "a date is a day that exists, as yyyy-MM-dd", text,
                        LocalDate.class);
            }
        }
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
