package io.xunshi.testing.access;

import java.util.List;

/**
 * Where a caller's home jurisdiction lies relative to the jurisdiction of the resource it calls on, and
 * which real GB/T 2260 code stands for each position: the resource's own jurisdiction, the one directly
 * above it, a sibling (another province, city or county of the same parent) and one directly below it.
 */
public enum Position {

    /** The caller's home is the resource's jurisdiction. */
    INSIDE("inside"),
    /** The caller's home is the jurisdiction directly above, e.g. the Centre for a Zhejiang resource. */
    ABOVE("above"),
    /** The caller's home is a sibling, e.g. Guangdong for a Zhejiang resource. */
    BESIDE("beside"),
    /** The caller's home is directly below, e.g. Hangzhou for a Zhejiang resource. */
    BELOW("below");

    static final String CENTRE = "000000";

    /** The provinces' two-digit prefixes (GB/T 2260), to name a real sibling of a province. */
    private static final List<String> PROVINCES = List.of("11", "12", "13", "14", "15", "21", "22", "23", "31",
            "32", "33", "34", "35", "36", "37", "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54",
            "61", "62", "63", "64", "65");

    private final String label;

    Position(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /**
     * The home jurisdiction of a caller at this position relative to {@code resource}, or null where the
     * tree has none (nothing lies above or beside the Centre).
     */
    public String callerFor(String resource) {
        return switch (this) {
            case INSIDE -> resource;
            case ABOVE -> parent(resource);
            case BESIDE -> sibling(resource);
            case BELOW -> child(resource);
        };
    }

    static String parent(String code) {
        if (code.equals(CENTRE)) {
            return null;
        }
        if (code.length() == 12) {
            return code.substring(0, 6);
        }
        if (code.endsWith("0000")) {
            return CENTRE;
        }
        return code.endsWith("00") ? code.substring(0, 2) + "0000" : code.substring(0, 4) + "00";
    }

    static String sibling(String code) {
        if (code.equals(CENTRE)) {
            return null;
        }
        if (code.length() == 12) {
            return code.substring(0, 9) + next3(code.substring(9));
        }
        if (code.endsWith("0000")) {
            int i = PROVINCES.indexOf(code.substring(0, 2));
            String other = PROVINCES.get(i > 0 ? i - 1 : 1);
            return other + "0000";
        }
        if (code.endsWith("00")) {
            return code.substring(0, 2) + next2(code.substring(2, 4)) + "00";
        }
        return code.substring(0, 4) + next2(code.substring(4));
    }

    static String child(String code) {
        if (code.equals(CENTRE)) {
            return "330000";
        }
        if (code.length() == 12) {
            return code.substring(0, 9) + "001";
        }
        if (code.endsWith("0000")) {
            return code.substring(0, 2) + "0100";
        }
        if (code.endsWith("00")) {
            return code.substring(0, 4) + "02";
        }
        return code + "001000";
    }

    /** Another two-digit number: the next one, or 01 after 99 (01 itself becomes 02). */
    private static String next2(String digits) {
        int n = Integer.parseInt(digits);
        return String.format("%02d", n >= 99 ? 1 : n + 1);
    }

    private static String next3(String digits) {
        int n = Integer.parseInt(digits);
        return String.format("%03d", n >= 999 ? 1 : n + 1);
    }
}
