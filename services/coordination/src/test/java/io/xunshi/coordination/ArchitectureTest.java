package io.xunshi.coordination;

import io.xunshi.testing.architecture.ServiceArchitectureContract;

/** Coordination's layers keep the rules every service keeps. */
class ArchitectureTest extends ServiceArchitectureContract {

    @Override
    protected String basePackage() {
        return "io.xunshi.coordination";
    }
}
