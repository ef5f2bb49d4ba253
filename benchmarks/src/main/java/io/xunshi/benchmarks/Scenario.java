package io.xunshi.benchmarks;

/**
 * One benchmark scenario: measures figures of the platform together with the physical limit of each,
 * in the same run, so that the ratio stays meaningful on a busy machine. Scenarios are CDI beans; adding
 * one is adding one more class implementing this interface.
 */
public interface Scenario {

    /** Where the scenario runs and is reported among the others: lower first. */
    int order();

    /** Runs the scenario; the infrastructure is up and the relay is stopped, and must be left stopped. */
    ScenarioResult run() throws Exception;
}
