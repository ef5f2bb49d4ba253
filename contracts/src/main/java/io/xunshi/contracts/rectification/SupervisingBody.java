package io.xunshi.contracts.rectification;

/** Who supervises rectification day to day (日常监督), through their liaison. */
public enum SupervisingBody {
    /** The discipline inspection and supervision organ (纪检监察机关). */
    DISCIPLINE_ORGAN,
    /** The organisation department (组织部门). */
    ORGANISATION_DEPARTMENT
}
