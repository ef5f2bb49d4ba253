package io.xunshi.kernel;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** Serves the kernel's own resources (dead letters) under the path every service uses. */
@ApplicationPath("/api/v1")
public class KernelTestApi extends Application {
}
