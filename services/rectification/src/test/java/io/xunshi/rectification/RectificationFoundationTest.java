package io.xunshi.rectification;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.xunshi.kernel.PublishedServiceContract;
import io.xunshi.testing.RealInfrastructureResource;

@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class RectificationFoundationTest extends PublishedServiceContract {
}
