package io.xunshi.kernel.domain;

import java.util.regex.Pattern;

/**
 * The jurisdiction tree, read from the codes themselves. Jurisdictions are identified by their national
 * administrative division codes (GB/T 2260): a province {@code PP0000}, a city {@code PPCC00}, a county
 * {@code PPCCDD}, and below a county the 12-digit statistical codes of townships and villages, which
 * begin with their county's code. The Centre, root of the tree, is {@link #CENTRE}.
 *
 * <p>A code's subtree is therefore every code that shares its significant prefix, so scoping a caller
 * to its subtree needs no lookup.
 */
public final class Jurisdictions {

    /** The Centre: the root above every province. */
    public static final String CENTRE = "000000";

    private static final Pattern CODE = Pattern.compile("\\d{6}|\\d{12}");

    public enum Level {
        CENTRAL, PROVINCIAL, CITY, COUNTY, BELOW_COUNTY
    }

    private Jurisdictions() {
    }

    /**
     * A GB/T 2260 code of six digits (the Centre's {@code 000000}, a province, city or county), or a
     * twelve-digit statistical code below a county: the six digits of its county (or of a city without
     * counties, such as Dongguan's {@code 441900}), a township's three (not {@code 000}) and a village's three.
     * A province, city or county padded to twelve digits ({@code 440000000000}, {@code 440106000000}) is not
     * valid: it would otherwise pass as the jurisdiction it pads.
     */
    public static boolean isValid(String code) {
        if (code == null || !CODE.matcher(code).matches() || (!code.equals(CENTRE) && code.startsWith("00"))) {
            return false;
        }
        if (code.length() == 6) {
            return true;
        }
        String county = code.substring(0, 6);
        return !county.endsWith("0000") && !code.substring(6, 9).equals("000");
    }

    public static Level level(String code) {
        requireValid(code);
        if (code.equals(CENTRE)) {
            return Level.CENTRAL;
        }
        if (code.length() == 12) {
            return Level.BELOW_COUNTY;
        }
        if (code.endsWith("0000")) {
            return Level.PROVINCIAL;
        }
        return code.endsWith("00") ? Level.CITY : Level.COUNTY;
    }

    /** True when {@code target} is {@code home} itself or lies anywhere below it. */
    public static boolean contains(String home, String target) {
        if (!isValid(home) || !isValid(target)) {
            return false;
        }
        return target.startsWith(subtreePrefix(home));
    }

    /** The code of the jurisdiction directly above, or null for the Centre. */
    public static String parent(String code) {
        return switch (level(code)) {
            case CENTRAL -> null;
            case PROVINCIAL -> CENTRE;
            case CITY -> code.substring(0, 2) + "0000";
            case COUNTY -> code.substring(0, 4) + "00";
            case BELOW_COUNTY -> code.substring(0, 6);
        };
    }

    /**
     * The prefix every code in the subtree shares ({@code ""} for the Centre), e.g. for a SQL
     * {@code LIKE prefix || '%'} over a jurisdiction column.
     */
    public static String subtreePrefix(String code) {
        return switch (level(code)) {
            case CENTRAL -> "";
            case PROVINCIAL -> code.substring(0, 2);
            case CITY -> code.substring(0, 4);
            case COUNTY, BELOW_COUNTY -> stripTrailingZeroPairs(code);
        };
    }

    private static String stripTrailingZeroPairs(String code) {
        String significant = code;
        while (significant.length() > 6 && significant.endsWith("000")) {
            significant = significant.substring(0, significant.length() - 3);
        }
        return significant;
    }

    private static void requireValid(String code) {
        if (!isValid(code)) {
            throw new IllegalArgumentException("not a jurisdiction code (6 or 12 digits, GB/T 2260): " + code);
        }
    }
}
