package io.xunshi.planning.application;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.xunshi.contracts.coordination.OrganisationKind;
import io.xunshi.planning.domain.Pace;

/**
 * How a plan's pace is judged ({@code xunshi.planning.pace.*}): the rounds a level runs a year, each sector block's
 * coverage cycle in years ({@code cycle-years.<kind>}, e.g. {@code village-community}; the term when not set), and
 * after how many years without an inspection an organisation is an alert.
 */
@ConfigMapping(prefix = "xunshi.planning.pace")
public interface PaceSettings {

    @WithDefault("2")
    double roundsPerYear();

    @WithDefault("5")
    int alertYears();

    /** By organisation kind in lower case with hyphens: department, state-owned-enterprise, village-community, … */
    Map<String, Integer> cycleYears();

    /** As the domain takes them; an unknown kind or a cycle under a year fails here. */
    default Pace.Settings settings() {
        if (roundsPerYear() <= 0 || alertYears() < 1) {
            throw new IllegalStateException("xunshi.planning.pace: rounds-per-year must be positive and alert-years at"
                    + " least 1");
        }
        Map<OrganisationKind, Integer> cycles = new EnumMap<>(OrganisationKind.class);
        cycleYears().forEach((key, years) -> {
            OrganisationKind kind = OrganisationKind.valueOf(key.toUpperCase(Locale.ROOT).replace('-', '_'));
            if (years < 1) {
                throw new IllegalStateException("xunshi.planning.pace.cycle-years." + key + " must be at least 1");
            }
            cycles.put(kind, years);
        });
        return new Pace.Settings(roundsPerYear(), cycles, alertYears());
    }
}
