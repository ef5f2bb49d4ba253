package io.xunshi.planning.api;

import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Launches a scheduled round. */
public record LaunchRoundRequest(
        @Schema(description = "The day it is launched (ISO date); today in Asia/Shanghai when left out") LocalDate launchedOn) {
}
