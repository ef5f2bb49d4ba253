package io.xunshi.coordination.application;

import java.util.List;

import io.xunshi.contracts.coordination.JurisdictionLevel;

/**
 * A jurisdiction as the API shows it.
 *
 * @param path its ancestors from the Centre down to its parent
 * @param children how many jurisdictions hang directly under it
 */
public record JurisdictionView(String code, String name, JurisdictionLevel level, String parentCode,
        List<Ancestor> path, int children) {

    /** One ancestor on the path from the Centre. */
    public record Ancestor(String code, String name) {
    }
}
