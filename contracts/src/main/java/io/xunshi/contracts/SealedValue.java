package io.xunshi.contracts;

/**
 * A personal value as it travels in an event: sealed (AES-256-GCM) under the key of its subject, which the producing
 * service keeps apart from its events and can erase (crypto-shredding, docs/adr/0020-personal-data.md). A property
 * of this shape is marked {@code "x-xunshi-personal": true} in its event's JSON Schema; no event carries personal
 * data in any other form.
 *
 * @param sealed the algorithm, always {@code A256GCM}
 * @param subject the subject whose key sealed it, e.g. {@code informant-<uuid>}: one person, erasable on its own
 * @param iv the 12-byte initialisation vector, base64
 * @param data the ciphertext with its 16-byte authentication tag, base64; the subject is authenticated with it
 */
public record SealedValue(String sealed, String subject, String iv, String data) {

    /** The one algorithm values are sealed with. */
    public static final String ALGORITHM = "A256GCM";

    /**
     * The JSON Schema keyword that marks a property as personal data: {@code "x-xunshi-personal": true} on a property
     * whose schema is this sealed shape. The producing services' event stores refuse an event whose marked property
     * holds anything else.
     */
    public static final String PERSONAL_KEYWORD = "x-xunshi-personal";
}
