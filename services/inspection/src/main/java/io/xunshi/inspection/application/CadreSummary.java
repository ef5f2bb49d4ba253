package io.xunshi.inspection.application;

import java.util.List;

import io.xunshi.contracts.inspection.VettingCheck;

/**
 * A cadre as the pool's list shows them: present post, expertise, the checks passed ({@code vetted}: all three a
 * leader needs).
 */
public record CadreSummary(String cadreId, String jurisdiction, String name, String account, String rank,
        List<String> expertise, String unitId, String unitName, String title, List<VettingCheck> checks,
        boolean vetted, int version) {
}
