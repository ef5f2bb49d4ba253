package io.xunshi.contracts.coordination;

/**
 * A jurisdiction took a new name, found in a newer division table.
 *
 * @param code its GB/T 2260 code
 * @param name its new official name
 * @param source the division table the new name comes from
 */
public record JurisdictionRenamed(String code, String name, String source) implements JurisdictionEvent {

    public static final String TYPE = "xunshi.coordination.JurisdictionRenamed";
    public static final int VERSION = 1;
}
