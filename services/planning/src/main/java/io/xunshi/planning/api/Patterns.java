package io.xunshi.planning.api;

/** Shapes of request fields. */
final class Patterns {

    static final String JURISDICTION = "\\d{6}|\\d{12}";
    static final String JURISDICTION_MESSAGE = "must be a jurisdiction code: 6 or 12 digits (GB/T 2260)";

    private Patterns() {
    }
}
