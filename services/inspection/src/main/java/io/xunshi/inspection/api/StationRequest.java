package io.xunshi.inspection.api;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.xunshi.contracts.inspection.ContactChannel;

/** The team was stationed at the organisation, publishing its contact channels. The body may be omitted. */
public record StationRequest(
        @Schema(description = "The day the team was stationed (ISO date); defaults to today in Asia/Shanghai",
                examples = "2026-03-02") LocalDate stationedOn,
        @Schema(description = "The channels published for petitions (信访): phone, postal box, e-mail, ...; none when"
                + " omitted") @Size(max = 20) List<@NotNull @Valid ContactChannelRequest> contactChannels) {

    List<ContactChannel> channels() {
        return contactChannels == null
                ? List.of()
                : contactChannels.stream().map(ContactChannelRequest::channel)
                        .toList();
    }
}
