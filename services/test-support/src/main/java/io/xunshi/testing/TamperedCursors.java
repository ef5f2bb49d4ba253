package io.xunshi.testing;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * Cursors that decode, as the lists' cursors do (base64url of keys joined by U+001F), to a timestamp key and
 * an id key that no list made: a time that does not parse, a NUL, a year PostgreSQL cannot store, SQL text.
 * Each must be a 400 problem, never a 500 or a page.
 */
public final class TamperedCursors {

    private TamperedCursors() {
    }

    /** Tampered cursors of lists whose cursor is a timestamp and an id. */
    public static List<String> ofTimeAndId() {
        return List.of("not-a-time\u001fid", "\u0000\u001fid", "+999999999-12-31T23:59:59Z\u001fid",
                "' OR 1=1 --\u001fid").stream()
                .map(keys -> Base64.getUrlEncoder().withoutPadding()
                        .encodeToString(keys.getBytes(StandardCharsets.UTF_8)))
                .toList();
    }
}
