package io.xunshi.inspection.application;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.xunshi.inspection.domain.Team;
import io.xunshi.kernel.domain.Jurisdictions;

/**
 * How many people a team of each level has, leader included ({@code xunshi.inspection.team-size.<level>.min} and
 * {@code .max}): configuration, as every number the Regulation leaves to the levels. The defaults follow practice
 * (a county's 巡察组 of five to seven, a central team larger).
 */
@ConfigMapping(prefix = "xunshi.inspection.team-size")
public interface TeamSizes {

    Limits central();

    Limits provincial();

    Limits city();

    Limits county();

    interface Limits {

        @WithDefault("3")
        int min();

        @WithDefault("15")
        int max();
    }

    /** The limits of the level; below a county, a county's. */
    default Team.SizeLimits of(Jurisdictions.Level level) {
        Limits limits = switch (level) {
            case CENTRAL -> central();
            case PROVINCIAL -> provincial();
            case CITY -> city();
            case COUNTY, BELOW_COUNTY -> county();
        };
        return new Team.SizeLimits(limits.min(), limits.max());
    }
}
