package io.xunshi.rectification.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.StartupEvent;

/**
 * Builds the levels' evaluation models and long-term periods at startup, so that a setting the domain refuses stops
 * the service from starting instead of failing every report and evaluation later.
 */
@ApplicationScoped
public class SettingsCheck {

    void onStart(@Observes StartupEvent start, EvaluationSettings evaluation, LongTermProgressDays periods) {
        evaluation.models();
        periods.levels();
    }
}
