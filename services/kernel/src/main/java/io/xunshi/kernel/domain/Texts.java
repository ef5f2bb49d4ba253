package io.xunshi.kernel.domain;

/** Plain text measures a rule may need, without encoding the text. */
public final class Texts {

    private Texts() {
    }

    /** Bytes of the text in UTF-8, as it is stored and published (a CJK character takes 3, a supplementary 4). */
    public static int utf8Length(CharSequence text) {
        int bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }
}
