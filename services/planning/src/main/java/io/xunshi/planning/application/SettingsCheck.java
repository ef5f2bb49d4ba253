package io.xunshi.planning.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.StartupEvent;

/** Builds the pace settings at startup, so that a setting the domain refuses stops the service from starting. */
@ApplicationScoped
public class SettingsCheck {

    void onStart(@Observes StartupEvent start, PaceSettings pace) {
        pace.settings();
    }
}
