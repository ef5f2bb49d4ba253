package io.xunshi.kernel.consumer;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import io.xunshi.contracts.EventCatalog;
import io.xunshi.kernel.eventstore.Upcasters;

/**
 * Reads the payloads of some event types of one service's topic into their contract records: each record's
 * type and current version as it declares them ({@link EventCatalog.Entry#declaredBy}), a payload of an earlier
 * version upcast first ({@link Upcasters}), properties added after this version was built ignored (a tolerant
 * reader, docs/contracts.md). Shared by the consumers and the topic projections.
 */
public final class ContractRecords {

    private record Reader(EventCatalog.Entry entry, ObjectReader reader) {
    }

    private final Map<String, Reader> readers = new HashMap<>();
    private final String owner;
    private final Upcasters upcasters;

    /**
     * @throws IllegalArgumentException if {@code records} is empty, a record declares no type, or the records
     *         belong to more than one service
     */
    public ContractRecords(ObjectMapper json, Upcasters upcasters, Collection<Class<? extends Record>> records) {
        this.upcasters = upcasters;
        String service = null;
        for (Class<? extends Record> record : records) {
            EventCatalog.Entry entry = EventCatalog.Entry.declaredBy(record);
            if (service != null && !service.equals(entry.service())) {
                throw new IllegalArgumentException(entry.type() + " is published on " + entry.topic() + ", not on "
                        + EventCatalog.topicOf(service) + " as the other types read with it");
            }
            service = entry.service();
            ObjectReader reader = json.readerFor(record).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
            if (readers.put(entry.type(), new Reader(entry, reader)) != null) {
                throw new IllegalArgumentException(entry.type() + " is read twice");
            }
        }
        if (service == null) {
            throw new IllegalArgumentException("no event record to read");
        }
        this.owner = service;
    }

    /** The service that publishes the types, e.g. {@code planning}. */
    public String owner() {
        return owner;
    }

    /**
     * The {@code ce_source} every event of the topic carries: that of its owner's outbox relay, e.g.
     * {@code urn:xunshi:planning}. Only the owner writes its topic; an event with another source is forged or
     * misrouted. A partner's topic ({@link #partner()}) has no such source.
     */
    public String source() {
        return "urn:xunshi:" + owner;
    }

    /**
     * Whether the topic is a partner's ({@link EventCatalog#isPartner}): written by the partner's own systems, with
     * sources and ids of their own, so any non-empty {@code ce_source} is accepted (only the partner's principal may
     * write the topic) and an event is one by its source and id together, as CloudEvents defines.
     */
    public boolean partner() {
        return EventCatalog.isPartner(owner);
    }

    /** The topic they are published on, e.g. {@code xunshi.planning.events}. */
    public String topic() {
        return EventCatalog.topicOf(owner);
    }

    /** The logical types read. */
    public Set<String> types() {
        return Set.copyOf(readers.keySet());
    }

    /** Whether events of this logical type are read. */
    public boolean reads(String type) {
        return readers.containsKey(type);
    }

    /**
     * Whether the topic's owner publishes this logical type (it is named {@code xunshi.<owner>.…}), read or
     * not; a type of another service, or no logical name at all, is not.
     */
    public boolean ownerPublishes(String type) {
        try {
            return owner.equals(EventCatalog.serviceOf(type));
        } catch (IllegalArgumentException notALogicalName) {
            return false;
        }
    }

    /**
     * The event's payload upcast to its type's current version and decoded into its record.
     *
     * @throws Undeliverable {@code unknown-type} for a version newer than the record's or with no upcaster to it;
     *         {@code invalid-payload} for a payload that does not decode into the record
     * @throws IllegalArgumentException for a type not {@link #reads read}
     */
    public Object read(IncomingEvent event) {
        Reader reader = readers.get(event.type());
        if (reader == null) {
            throw new IllegalArgumentException(event.type() + " is not read here");
        }
        EventCatalog.Entry entry = reader.entry();
        if (!partner() && !source().equals(event.source())) {
            throw new Undeliverable(DeadLetterReason.UNTRUSTED_SOURCE, event.cloudEventType() + " " + event.id()
                    + " comes from " + event.source() + ", not from " + source() + ", which alone writes "
                    + topic());
        }
        if (event.typeVersion() > entry.version()) {
            throw new Undeliverable(DeadLetterReason.UNKNOWN_TYPE, "reads " + entry.type() + " up to v"
                    + entry.version() + ", not " + event.cloudEventType());
        }
        Upcasters.Upcast upcast = upcasters.upcast(event.type(), event.typeVersion(), event.payload());
        if (upcast.version() != entry.version()) {
            throw new Undeliverable(DeadLetterReason.UNKNOWN_TYPE, "has no upcaster from "
                    + entry.cloudEventType(upcast.version()) + " to v" + entry.version());
        }
        Object payload;
        try {
            payload = reader.reader().treeToValue(upcast.payload(), entry.record());
        } catch (JsonProcessingException | RuntimeException e) {
            String why = e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.toString();
            throw new Undeliverable(DeadLetterReason.INVALID_PAYLOAD, event.cloudEventType() + " " + event.id()
                    + " does not decode into " + entry.record().getSimpleName() + ": " + why, e);
        }
        if (payload == null) {
            throw new Undeliverable(DeadLetterReason.INVALID_PAYLOAD, event.cloudEventType() + " " + event.id()
                    + " has a null payload");
        }
        return payload;
    }
}
