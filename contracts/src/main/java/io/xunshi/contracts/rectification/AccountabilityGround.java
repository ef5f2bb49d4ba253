package io.xunshi.contracts.rectification;

/** Why rectification leads to accountability (整改问责). */
public enum AccountabilityGround {
    /** 敷衍整改: done for show. */
    PERFUNCTORY,
    /** 虚假整改: reported as done when it was not. */
    FALSIFIED,
    /** 拒不整改: refused or left undone. */
    REFUSED
}
