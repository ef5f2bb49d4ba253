package io.xunshi.planning.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

/** The planning service's REST API, served under a versioned path. */
@ApplicationPath("/api/v1")
@OpenAPIDefinition(info = @Info(title = "Xunshi planning API", version = "0.1.0",
        description = "Five-year work plans with their coverage universe, inspection rounds, and formal and effective coverage."))
public class PlanningApi extends Application {
}
