package io.xunshi.kernel;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.xunshi.testing.RealInfrastructureResource;

/** The kernel's own test application: a foundation like every service's, publishing no API of its own. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class KernelFoundationTest extends ServiceFoundationContract {
}
