package io.xunshi.inspection.application;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.xunshi.kernel.domain.Jurisdictions;

/**
 * Within how many months of its handover the receiver of a problem clue reports back its disposition, per level of
 * the inspecting jurisdiction ({@code xunshi.inspection.clue-due-months.<level>}): three by default (Art. 29).
 */
@ConfigMapping(prefix = "xunshi.inspection.clue-due-months")
public interface ClueDueMonths {

    @WithDefault("3")
    int central();

    @WithDefault("3")
    int provincial();

    @WithDefault("3")
    int city();

    @WithDefault("3")
    int county();

    /** The months of the level; below a county, a county's. */
    default int of(Jurisdictions.Level level) {
        return switch (level) {
            case CENTRAL -> central();
            case PROVINCIAL -> provincial();
            case CITY -> city();
            case COUNTY, BELOW_COUNTY -> county();
        };
    }
}
