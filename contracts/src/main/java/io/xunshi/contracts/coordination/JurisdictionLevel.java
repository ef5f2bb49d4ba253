package io.xunshi.contracts.coordination;

/** The levels of the jurisdiction tree, from the Centre down; each runs inspection of its own universe. */
public enum JurisdictionLevel {
    /** The Centre (中央), the root, code 000000; its inspection is 巡视. */
    CENTRAL,
    /** A province, autonomous region or municipality (省区市); its inspection is 巡视. */
    PROVINCIAL,
    /** A prefecture-level city, prefecture or league (市); its inspection is 巡察. */
    CITY,
    /** A county, county-level city or district (县); its inspection is 巡察. */
    COUNTY
}
