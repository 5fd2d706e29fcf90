package io.qbank.authoring.rest;

import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record TopicRequest(
        @NotBlank @Size(max = 200) String name,
        UUID parentId,
        @Size(max = 50) String blueprintCode) {
}
