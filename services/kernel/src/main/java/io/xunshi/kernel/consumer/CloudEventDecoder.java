package io.xunshi.kernel.consumer;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads a Kafka record in CloudEvents binary mode ({@code ce_*} headers, JSON value) into an
 * {@link IncomingEvent}. The attributes CloudEvents 1.0 requires ({@code ce_specversion}, {@code ce_id},
 * {@code ce_source}, {@code ce_type}) must be there. Anything it cannot read is {@link Undeliverable}: a
 * malformed record stays malformed however often it is retried.
 *
 * <p>{@code ce_id} is any non-empty string, as CloudEvents allows (partner agencies publish with their own
 * tools), at most {@link #MAX_ID_LENGTH} characters and without control characters; the platform's own relays
 * send UUIDs.
 */
@ApplicationScoped
public class CloudEventDecoder {

    private static final String PREFIX = "ce_";
    /** The attributes that have a field of their own in {@link IncomingEvent}, or none worth keeping. */
    private static final Set<String> ATTRIBUTES = Set.of("id", "type", "subject", "source", "jurisdiction", "time",
            "specversion");
    /** The longest {@code ce_id} accepted, in characters. */
    public static final int MAX_ID_LENGTH = 256;
    private static final Pattern VERSIONED_TYPE = Pattern.compile("(.+)\\.v([1-9][0-9]{0,8})");

    private final ObjectMapper json;

    @Inject
    public CloudEventDecoder(ObjectMapper json) {
        this.json = json;
    }

    public IncomingEvent decode(ConsumerRecord<String, String> record) {
        String specVersion = required(record, "ce_specversion");
        if (!specVersion.equals("1.0")) {
            throw new Undeliverable(DeadLetterReason.MALFORMED_HEADER,
                    "ce_specversion " + specVersion + " is not CloudEvents 1.0");
        }
        String id = eventId(required(record, "ce_id"));
        String source = required(record, "ce_source");
        Matcher type = VERSIONED_TYPE.matcher(required(record, "ce_type"));
        if (!type.matches()) {
            throw new Undeliverable(DeadLetterReason.MALFORMED_HEADER,
                    "ce_type has no version suffix such as .v1: " + header(record, "ce_type"));
        }
        String subject = header(record, "ce_subject");
        return new IncomingEvent(id, type.group(1), Integer.parseInt(type.group(2)),
                subject != null ? subject : record.key(), source,
                header(record, "ce_jurisdiction"), time(header(record, "ce_time")), payload(record),
                extensions(record));
    }

    private static Map<String, String> extensions(ConsumerRecord<String, String> record) {
        Map<String, String> extensions = new HashMap<>();
        for (Header header : record.headers()) {
            if (header.key().startsWith(PREFIX) && header.value() != null
                    && !ATTRIBUTES.contains(header.key().substring(PREFIX.length()))) {
                extensions.put(header.key().substring(PREFIX.length()),
                        new String(header.value(), StandardCharsets.UTF_8));
            }
        }
        return extensions;
    }

    private JsonNode payload(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            throw new Undeliverable(DeadLetterReason.MALFORMED_PAYLOAD, "the record has no value");
        }
        try {
            return json.readTree(record.value());
        } catch (JsonProcessingException e) {
            throw new Undeliverable(DeadLetterReason.MALFORMED_PAYLOAD,
                    "the value is not JSON (" + e.getOriginalMessage() + ")");
        }
    }

    private static String eventId(String text) {
        if (text.length() > MAX_ID_LENGTH) {
            throw new Undeliverable(DeadLetterReason.MALFORMED_HEADER, "ce_id is longer than " + MAX_ID_LENGTH
                    + " characters: " + text.substring(0, 32) + "...");
        }
        if (text.codePoints().anyMatch(Character::isISOControl)) {
            throw new Undeliverable(DeadLetterReason.MALFORMED_HEADER,
                    "ce_id holds a control character: " + text.replaceAll("\\p{Cntrl}", "?"));
        }
        return text;
    }

    private static Instant time(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new Undeliverable(DeadLetterReason.MALFORMED_HEADER, "ce_time is not an RFC 3339 time: " + text);
        }
    }

    private static String required(ConsumerRecord<String, String> record, String name) {
        String value = header(record, name);
        if (value == null || value.isBlank()) {
            throw new Undeliverable(DeadLetterReason.MISSING_HEADER, "the record has no " + name + " header");
        }
        return value;
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
