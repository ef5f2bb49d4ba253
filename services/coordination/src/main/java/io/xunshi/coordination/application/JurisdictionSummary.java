package io.xunshi.coordination.application;

import io.xunshi.contracts.coordination.JurisdictionLevel;

/** A jurisdiction in a list of children: {@code children} is how many hang directly under it. */
public record JurisdictionSummary(String code, String name, JurisdictionLevel level, String parentCode,
        int children) {
}
