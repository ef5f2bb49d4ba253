package io.xunshi.rectification.application;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.xunshi.rectification.domain.LevelDays;

/**
 * Every how many days, once the rectification report is submitted, a long-term task (长期坚持) reports its progress,
 * per level of the inspecting jurisdiction ({@code xunshi.rectification.long-term-progress-days.<level>}): a quarter,
 * 90 days, by default. The period in force when the report is submitted is recorded with it.
 */
@ConfigMapping(prefix = "xunshi.rectification.long-term-progress-days")
public interface LongTermProgressDays {

    @WithDefault("90")
    int central();

    @WithDefault("90")
    int provincial();

    @WithDefault("90")
    int city();

    @WithDefault("90")
    int county();

    /** As the domain takes them; a period under a day fails here. */
    default LevelDays levels() {
        return new LevelDays(central(), provincial(), city(), county());
    }
}
