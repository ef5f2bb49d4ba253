package io.xunshi.inspection.api;

import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The end of a team's work for its round. */
public record StandDownRequest(
        @Schema(description = "The day it stood down (default: today in Asia/Shanghai)") LocalDate on) {
}
