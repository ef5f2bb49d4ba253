package io.xunshi.kernel.api;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;

/**
 * Opaque pagination cursors: the sort key of the last item of a page, which the next page starts after.
 * Clients pass them back unchanged; a cursor that does not decode, or decodes to keys this list cannot have
 * made (a control character, which no key holds and PostgreSQL cannot store, or a timestamp that does not
 * parse), is a 400.
 */
public final class Cursor {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;
    private static final String SEPARATOR = "\u001f";

    private Cursor() {
    }

    public static String encode(String... keys) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(String.join(SEPARATOR, keys).getBytes(StandardCharsets.UTF_8));
    }

    /** The keys of a cursor, or an empty list for the first page. */
    public static List<String> decode(String cursor, int expectedKeys) {
        if (cursor == null || cursor.isBlank()) {
            return List.of();
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            List<String> keys = List.of(text.split(SEPARATOR, -1));
            if (keys.size() != expectedKeys || keys.stream().anyMatch(Cursor::hasControlCharacter)) {
                throw new IllegalArgumentException();
            }
            return keys;
        } catch (IllegalArgumentException e) {
            throw notOurs();
        }
    }

    /** A key that holds a timestamp, as {@link OffsetDateTime#toString()} wrote it; any other text is a 400. */
    public static OffsetDateTime timestamp(String key) {
        try {
            OffsetDateTime at = OffsetDateTime.parse(key);
            if (at.getYear() < 1 || at.getYear() > 9999) {
                throw notOurs();
            }
            return at;
        } catch (DateTimeParseException e) {
            throw notOurs();
        }
    }

    /** A key that holds a day, as {@link java.time.LocalDate#toString()} wrote it; any other text is a 400. */
    public static java.time.LocalDate date(String key) {
        try {
            java.time.LocalDate day = java.time.LocalDate.parse(key);
            if (day.getYear() < 1 || day.getYear() > 9999) {
                throw notOurs();
            }
            return day;
        } catch (DateTimeParseException e) {
            throw notOurs();
        }
    }

    private static boolean hasControlCharacter(String key) {
        return key.chars().anyMatch(c -> Character.isISOControl(c) || Character.isSurrogate((char) c)
                || c == '\ufffd');
    }

    private static ProblemException notOurs() {
        return new ProblemException(ProblemType.MALFORMED_REQUEST, "the cursor is not one this list gave out");
    }

    /** A page size between 1 and {@link #MAX_LIMIT}, {@link #DEFAULT_LIMIT} when none is asked. */
    public static int limit(Integer requested) {
        if (requested == null) {
            return DEFAULT_LIMIT;
        }
        if (requested < 1 || requested > MAX_LIMIT) {
            throw new ProblemException(Problem.of(ProblemType.VALIDATION_FAILED, "limit must be between 1 and "
                    + MAX_LIMIT).withErrors(List.of(
                            new Problem.FieldError("limit", "must be between 1 and "
                                    + MAX_LIMIT))));
        }
        return requested;
    }
}
