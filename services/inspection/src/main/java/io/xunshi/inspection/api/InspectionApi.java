package io.xunshi.inspection.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

/** The inspection service's REST API, served under a versioned path. */
@ApplicationPath("/api/v1")
@OpenAPIDefinition(info = @Info(title = "Xunshi inspection API", version = "0.1.0",
        description = "The lifecycle of each inspection a launched round opens: stationing, findings, report, feedback and close."))
public class InspectionApi extends Application {
}
