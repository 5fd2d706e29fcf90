package io.qbank.authoring.rest;

import java.util.UUID;

import io.qbank.common.validation.SingleLine;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record TopicRequest(
        @Schema(example = "Valvular heart disease") @NotBlank @SingleLine @Size(max = 200) String name,
        @Schema(description = "The parent topic; null for a root topic", example = "6f1c2a4e-8d0b-4c39-9a51-2b7f0e3d9c10") UUID parentId,
        @Schema(example = "CV-VALVE") @SingleLine @Size(max = 50) String blueprintCode) {
}
