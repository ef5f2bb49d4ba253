package io.xunshi.inspection.application;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;
import io.xunshi.contracts.SealedValue;
import io.xunshi.contracts.inspection.Informant;
import io.xunshi.kernel.privacy.PersonalDataVault;

/**
 * Seals a finding's informant before the finding is decided: a new subject per informant ({@code informant-<uuid>}),
 * its key created by the vault in a transaction of its own, name and contact sealed under it. A command that then
 * fails (or a retry answered from its Idempotency-Key) leaves that key unused: it seals nothing anyone can read and
 * is erased like any other.
 */
@ApplicationScoped
public class Informants {

    public static final String SUBJECT_PREFIX = "informant-";

    private final PersonalDataVault vault;
    private final ObjectMapper json;

    @Inject
    public Informants(PersonalDataVault vault, ObjectMapper json) {
        this.vault = vault;
        this.json = json;
    }

    public Uni<Informant> seal(String name, String contact) {
        return seal(SUBJECT_PREFIX + UUID.randomUUID(), name, contact);
    }

    /** Seals a name and contact under {@code subject}, a new subject of one person (a petition's reporter). */
    public Uni<Informant> seal(String subject, String name, String contact) {
        return vault.seal(subject, List.of(name.strip(), contact.strip()))
                .map(sealed -> new Informant(value(sealed.get(0)), value(sealed.get(1))));
    }

    private SealedValue value(JsonNode sealed) {
        try {
            return json.treeToValue(sealed, SealedValue.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the vault wrote a sealed value that is no SealedValue", e);
        }
    }
}
