package io.qbank.authoring.service;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A user of the caller's tenant by the name their colleagues know them by: nothing else of them (no e-mail, no roles). */
public record Colleague(
        @Schema(example = "3f681c3a-f999-4bec-a099-a659cce105ba") UUID id,
        @Schema(description = "First and last name, else the username", example = "Jordan Lee") String name) {
}
