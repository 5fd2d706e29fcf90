package io.qbank.authoring.rest;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The content of a new item (its version 1) or of a new version. Cross-field rules: {@link io.qbank.authoring.service.ItemContentRules}. */
public record ItemRequest(
        @NotNull UUID topicId,
        @NotBlank @Size(max = 20000) String stem,
        @NotBlank @Size(max = 2000) String leadIn,
        @NotNull @Size(min = 4, max = 5, message = "an item has 4 or 5 options") List<@NotNull @Valid OptionRequest> options,
        @NotBlank @Size(max = 20000) String rationale,
        @NotNull @Pattern(regexp = "easy|medium|hard|nbme", message = "must be easy, medium, hard or nbme") String difficulty,
        @NotNull @Min(1) @Max(5) Integer difficultyLevel) {
}
