package io.xunshi.rectification.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.xunshi.kernel.domain.Jurisdictions;

/**
 * How many days before its due date a task or report turns yellow, by the level of the inspecting jurisdiction:
 * {@code xunshi.rectification.warning-days.central|provincial|city|county} (7 by default). After its due date it is
 * red. A jurisdiction below a county keeps the county's.
 */
@ApplicationScoped
public class WarningDays {

    private final int central;
    private final int provincial;
    private final int city;
    private final int county;

    @Inject
    public WarningDays(
            @ConfigProperty(name = "xunshi.rectification.warning-days.central", defaultValue = "7") int central,
            @ConfigProperty(name = "xunshi.rectification.warning-days.provincial", defaultValue = "7") int provincial,
            @ConfigProperty(name = "xunshi.rectification.warning-days.city", defaultValue = "7") int city,
            @ConfigProperty(name = "xunshi.rectification.warning-days.county", defaultValue = "7") int county) {
        this.central = notNegative("central", central);
        this.provincial = notNegative("provincial", provincial);
        this.city = notNegative("city", city);
        this.county = notNegative("county", county);
    }

    /** The warning days of the level of {@code inspectingJurisdiction}. */
    public int forJurisdiction(String inspectingJurisdiction) {
        return switch (Jurisdictions.level(inspectingJurisdiction)) {
            case CENTRAL -> central;
            case PROVINCIAL -> provincial;
            case CITY -> city;
            case COUNTY, BELOW_COUNTY -> county;
        };
    }

    private static int notNegative(String level, int days) {
        if (days < 0) {
            throw new IllegalArgumentException("xunshi.rectification.warning-days." + level + " must not be negative,"
                    + " not " + days);
        }
        return days;
    }
}
