package io.xunshi.inspection.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.xunshi.contracts.inspection.ContactChannel;
import io.xunshi.contracts.inspection.ContactChannelKind;

/** A channel the stationed team publishes for petitions: the team's own, official. */
public record ContactChannelRequest(
        @Schema(description = "What kind of channel") @NotNull ContactChannelKind kind,
        @Schema(description = "The number, address or mailbox", examples = "0571-87001234") @NotBlank @Size(
                max = 200) String value,
        @Schema(description = "When it is attended, if stated", examples = "每日 8:00–20:00") @Size(
                max = 100) String hours) {

    ContactChannel channel() {
        return new ContactChannel(kind, value, hours);
    }
}
