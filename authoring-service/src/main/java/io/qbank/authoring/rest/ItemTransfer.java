package io.qbank.authoring.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.qbank.authoring.domain.VersionState;

/**
 * The JSON of bulk export and import: an array of items, each with its versions in order. What export writes,
 * import reads back; on import the ids, states and live facts are not taken over (the items are new, every
 * version comes in as a draft for review), only content and provenance are.
 */
public final class ItemTransfer {

    private ItemTransfer() {
    }

    @JsonIgnoreProperties(value = { "id", "latestVersion", "liveVersion", "examCodes" }, allowGetters = true)
    public record Item(UUID id, Integer latestVersion, Integer liveVersion, List<String> examCodes,
            @NotEmpty @Size(max = 50) List<@NotNull @Valid Version> versions) {
    }

    @JsonIgnoreProperties(value = { "version", "state", "createdBy", "createdAt" }, allowGetters = true)
    public record Version(Integer version, VersionState state, @NotNull @Valid ItemContent content,
            VersionResponse.Provenance provenance, UUID createdBy, Instant createdAt) {
    }
}
