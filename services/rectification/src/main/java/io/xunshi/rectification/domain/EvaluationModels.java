package io.xunshi.rectification.domain;

import io.xunshi.kernel.domain.Jurisdictions;

/** The evaluation model of each level; below a county, the county's. */
public record EvaluationModels(EvaluationModel central, EvaluationModel provincial, EvaluationModel city,
        EvaluationModel county) {

    /** The model of the level of {@code inspectingJurisdiction}. */
    public EvaluationModel forJurisdiction(String inspectingJurisdiction) {
        return switch (Jurisdictions.level(inspectingJurisdiction)) {
            case CENTRAL -> central;
            case PROVINCIAL -> provincial;
            case CITY -> city;
            case COUNTY, BELOW_COUNTY -> county;
        };
    }
}
