package io.xunshi.rectification.domain;

import io.xunshi.kernel.domain.Jurisdictions;

/** A number of days set per level of the inspecting jurisdiction; below a county, the county's. */
public record LevelDays(int central, int provincial, int city, int county) {

    public LevelDays {
        if (central < 1 || provincial < 1 || city < 1 || county < 1) {
            throw new IllegalArgumentException("every level's days are at least 1: " + central + ", " + provincial
                    + ", " + city + ", " + county);
        }
    }

    /** The days of the level of {@code inspectingJurisdiction}. */
    public int forJurisdiction(String inspectingJurisdiction) {
        return switch (Jurisdictions.level(inspectingJurisdiction)) {
            case CENTRAL -> central;
            case PROVINCIAL -> provincial;
            case CITY -> city;
            case COUNTY, BELOW_COUNTY -> county;
        };
    }
}
