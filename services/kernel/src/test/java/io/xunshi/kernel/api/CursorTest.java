package io.xunshi.kernel.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Base64;

import org.junit.jupiter.api.Test;

class CursorTest {

    private static String raw(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Bytes that are no UTF-8 text: they decode to the replacement character. */
    private static String invalidUtf8() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[]{ (byte) 0xC3, 0x28, 0x1f, 'i', 'd' });
    }

    @Test
    void a_cursor_decodes_to_the_keys_it_was_made_of() {
        OffsetDateTime at = OffsetDateTime.parse("2026-03-02T08:00:00.123456Z");
        String cursor = Cursor.encode(at.toString(), "org-1");
        assertThat(Cursor.decode(cursor, 2)).containsExactly(at.toString(), "org-1");
        assertThat(Cursor.timestamp(Cursor.decode(cursor, 2).get(0))).isEqualTo(at);
    }

    @Test
    void a_cursor_that_decodes_to_keys_no_list_makes_is_a_400() {
        for (String cursor : new String[]{ "!!!", raw("one"), raw("a\u001fb\u001fc"), raw("\u0000\u001fid"),
                raw("2026-03-02T08:00:00Z\u001fid\u0000"), invalidUtf8() }) {
            assertThatThrownBy(() -> Cursor.decode(cursor, 2)).as(cursor).isInstanceOf(ProblemException.class)
                    .extracting(e -> ((ProblemException) e).problem().status()).isEqualTo(400);
        }
    }

    @Test
    void a_key_that_is_no_timestamp_or_an_extreme_one_is_a_400() {
        for (String key : new String[]{ "not-a-time", "", "2026-02-30T00:00:00Z", "+999999999-12-31T23:59:59Z",
                "-0001-01-01T00:00:00Z", "' OR 1=1 --" }) {
            assertThatThrownBy(() -> Cursor.timestamp(key)).as(key).isInstanceOf(ProblemException.class)
                    .extracting(e -> ((ProblemException) e).problem().status()).isEqualTo(400);
        }
    }

    @Test
    void a_key_that_is_no_day_or_an_extreme_one_is_a_400_and_a_day_reads_back() {
        assertThat(Cursor.date(Cursor.decode(Cursor.encode("2026-12-03", "c", "T1"), 3).get(0)))
                .isEqualTo(java.time.LocalDate.of(2026, 12, 3));
        for (String key : new String[]{ "2026-12-03T17:48:31.573213Z", "", "2026-02-30", "+999999999-12-31",
                "-0001-01-01", "' OR 1=1 --" }) {
            assertThatThrownBy(() -> Cursor.date(key)).as(key).isInstanceOf(ProblemException.class)
                    .extracting(e -> ((ProblemException) e).problem().status()).isEqualTo(400);
        }
    }
}
