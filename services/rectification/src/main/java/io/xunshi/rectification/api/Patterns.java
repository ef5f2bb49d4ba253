package io.xunshi.rectification.api;

import java.util.List;

import io.xunshi.kernel.api.Problem;
import io.xunshi.kernel.api.ProblemException;
import io.xunshi.kernel.api.ProblemType;
import io.xunshi.kernel.domain.Jurisdictions;

/** Shapes of request fields. */
final class Patterns {

    static final String JURISDICTION_MESSAGE = "must be a jurisdiction code: 6 or 12 digits (GB/T 2260)";

    private Patterns() {
    }

    /** A jurisdiction code given as the query parameter {@code name}: as given, or 422 naming the parameter. */
    static String jurisdiction(String name, String value) {
        if (!Jurisdictions.isValid(value)) {
            throw new ProblemException(Problem.of(ProblemType.VALIDATION_FAILED, name + " " + JURISDICTION_MESSAGE)
                    .withErrors(List.of(new Problem.FieldError(name, JURISDICTION_MESSAGE))));
        }
        return value;
    }
}
