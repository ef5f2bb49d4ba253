package io.xunshi.contracts.inspection;

/** How serious a finding is (一般 / 较重 / 严重). */
public enum Severity {
    GENERAL, SERIOUS, GRAVE
}
