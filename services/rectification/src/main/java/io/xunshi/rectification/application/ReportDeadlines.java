package io.xunshi.rectification.application;

import java.time.Period;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.xunshi.kernel.domain.Jurisdictions;

/**
 * How long after feedback an inspected organisation has to submit its rectification report, by the level
 * of the inspecting jurisdiction (two months at central level; levels differ, so it is configuration):
 * {@code xunshi.rectification.report-deadline.central|provincial|city|county}, ISO-8601 periods such as
 * {@code P2M}. A jurisdiction below a county keeps the county's deadline.
 */
@ApplicationScoped
public class ReportDeadlines {

    private final Period central;
    private final Period provincial;
    private final Period city;
    private final Period county;

    @Inject
    public ReportDeadlines(
            @ConfigProperty(name = "xunshi.rectification.report-deadline.central", defaultValue = "P2M") Period central,
            @ConfigProperty(name = "xunshi.rectification.report-deadline.provincial",
                    defaultValue = "P2M") Period provincial,
            @ConfigProperty(name = "xunshi.rectification.report-deadline.city", defaultValue = "P1M") Period city,
            @ConfigProperty(name = "xunshi.rectification.report-deadline.county", defaultValue = "P3M") Period county) {
        this.central = positive("central", central);
        this.provincial = positive("provincial", provincial);
        this.city = positive("city", city);
        this.county = positive("county", county);
    }

    /** The deadline of the level of {@code inspectingJurisdiction}. */
    public Period forJurisdiction(String inspectingJurisdiction) {
        return switch (Jurisdictions.level(inspectingJurisdiction)) {
            case CENTRAL -> central;
            case PROVINCIAL -> provincial;
            case CITY -> city;
            case COUNTY, BELOW_COUNTY -> county;
        };
    }

    private static Period positive(String level, Period period) {
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("xunshi.rectification.report-deadline." + level
                    + " must be a positive period, not " + period);
        }
        return period;
    }
}
