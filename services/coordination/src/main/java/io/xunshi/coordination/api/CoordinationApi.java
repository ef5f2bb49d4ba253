package io.xunshi.coordination.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

/** The coordination service's REST API, served under a versioned path. */
@ApplicationPath("/api/v1")
@OpenAPIDefinition(info = @Info(title = "Xunshi coordination API", version = "0.1.0",
        description = "The jurisdiction hierarchy, inspectable organisations, and roll-ups of inspections and"
                + " rectifications across levels."))
public class CoordinationApi extends Application {
}
