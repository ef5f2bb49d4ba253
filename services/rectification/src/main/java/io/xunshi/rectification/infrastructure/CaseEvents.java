package io.xunshi.rectification.infrastructure;

import java.util.Set;
import java.util.stream.Collectors;

import io.xunshi.contracts.EventCatalog;
import io.xunshi.contracts.rectification.RectificationEvent;

/** Every event type of a rectification case, which the case read models follow (each moves a case's version). */
final class CaseEvents {

    static final Set<Class<? extends Record>> ALL = EventCatalog.records(RectificationEvent.class).stream()
            .<Class<? extends Record>>map(record -> record.asSubclass(Record.class))
            .collect(Collectors.toUnmodifiableSet());

    private CaseEvents() {
    }
}
