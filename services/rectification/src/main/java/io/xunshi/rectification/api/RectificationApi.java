package io.xunshi.rectification.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

/** The rectification service's REST API, served under a versioned path. */
@ApplicationPath("/api/v1")
@OpenAPIDefinition(info = @Info(title = "Xunshi rectification API", version = "0.1.0",
        description = "Rectification cases opened by feedback: a task per finding with its progress and closing"
                + " evidence, the first responsible person, the report and its due date, and the inspecting"
                + " level's evaluation."))
public class RectificationApi extends Application {
}
