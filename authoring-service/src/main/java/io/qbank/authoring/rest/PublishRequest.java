package io.qbank.authoring.rest;

import java.util.List;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record PublishRequest(
        @Schema(example = "[\"STEP1\", \"DEMO\"]") @NotEmpty @Size(max = 20) List<@NotNull @Pattern(regexp = "^[A-Z0-9][A-Z0-9_-]{0,31}$",
                message = "an exam code is 1–32 upper-case letters, digits, '-' or '_'") String> examCodes,
        @Schema(example = "Live for the spring cohort") @Size(max = 2000) String comment) {
}
