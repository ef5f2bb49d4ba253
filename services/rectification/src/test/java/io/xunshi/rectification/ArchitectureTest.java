package io.xunshi.rectification;

import io.xunshi.testing.architecture.ServiceArchitectureContract;

/** Rectification's layers keep the rules every service keeps. */
class ArchitectureTest extends ServiceArchitectureContract {

    @Override
    protected String basePackage() {
        return "io.xunshi.rectification";
    }
}
