package io.xunshi.inspection;

import io.xunshi.testing.architecture.ServiceArchitectureContract;

/** Inspection's layers keep the rules every service keeps. */
class ArchitectureTest extends ServiceArchitectureContract {

    @Override
    protected String basePackage() {
        return "io.xunshi.inspection";
    }
}
