package io.xunshi.kernel;

import java.nio.file.Path;
import java.util.Optional;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.xunshi.testing.RealInfrastructureResource;

@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class KernelFoundationTest extends ServiceFoundationContract {

    /** The kernel's test application is no service of the platform: it publishes no API in the contracts. */
    @Override
    protected Optional<Path> publishedOpenApiDocument() {
        return Optional.empty();
    }
}
