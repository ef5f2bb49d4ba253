package io.xunshi.contracts.coordination;

/** The kinds of party organisation that inspection covers, each within the universe of one level. */
public enum OrganisationKind {
    /** A locality: a province, city, county, or township (地方). */
    LOCALITY,
    /** A department of a party committee or government (部门). */
    DEPARTMENT,
    /** A state-owned enterprise (国有企业). */
    STATE_OWNED_ENTERPRISE,
    /** A financial institution (金融机构). */
    FINANCIAL_INSTITUTION,
    /** A public institution, such as a university or hospital (事业单位). */
    PUBLIC_INSTITUTION,
    /** A village or community party organisation (村/社区). */
    VILLAGE_COMMUNITY
}
