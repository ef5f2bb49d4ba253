package io.xunshi.planning;

import io.xunshi.testing.architecture.ServiceArchitectureContract;

/** Planning's layers keep the rules every service keeps. */
class ArchitectureTest extends ServiceArchitectureContract {

    @Override
    protected String basePackage() {
        return "io.xunshi.planning";
    }
}
