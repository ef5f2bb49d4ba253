package io.xunshi.contracts.inspection;

import io.xunshi.contracts.SealedValue;

/**
 * The private individual whose information led to a finding (线索提供人), as the finding's event carries them: both
 * values sealed under one subject key of their own, created for this informant, so that erasing the informant
 * erases both and nothing else.
 *
 * @param name the informant's name, sealed (personal data)
 * @param contact how to reach them (a telephone number, an address), sealed (personal data)
 */
public record Informant(SealedValue name, SealedValue contact) {

    /** The subject both values are sealed under. */
    public String subject() {
        return name.subject();
    }
}
