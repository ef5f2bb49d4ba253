package io.xunshi.kernel.eventstore;

/**
 * PostgreSQL writes a {@code jsonb} value as text with a space after every {@code :} and {@code ,}; events
 * leave the service compact, as Jackson writes them. Removing the whitespace outside strings in one pass is
 * much cheaper than parsing the text and writing it again, and gives the same characters.
 */
final class JsonText {

    private JsonText() {
    }

    /** {@code json} without whitespace outside its strings; {@code json} must be valid JSON. */
    static String compact(String json) {
        int length = json.length();
        StringBuilder out = null;
        boolean inString = false;
        for (int i = 0; i < length; i++) {
            char c = json.charAt(i);
            if (inString) {
                if (c == '\\') {
                    if (out != null) {
                        out.append(c).append(json.charAt(i + 1));
                    }
                    i++;
                    continue;
                }
                if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
                if (out == null) {
                    out = new StringBuilder(length).append(json, 0, i);
                }
                continue;
            }
            if (out != null) {
                out.append(c);
            }
        }
        return out == null ? json : out.toString();
    }
}
