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

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The content of one version of an item, as an author writes it. Cross-field rules (labels A–E in order, exactly
 * one correct option, no two options alike): {@link io.qbank.authoring.service.ItemContentRules}.
 */
public record ItemContent(
        @Schema(example = "6f1c2a4e-8d0b-4c39-9a51-2b7f0e3d9c10") @NotNull UUID topicId,
        @Schema(description = "Clinical vignette (Markdown)", example = "A 54-year-old man comes to the emergency department because of sudden tearing chest pain radiating to the back. His blood pressure is 182/104 mm Hg in the right arm and 148/88 mm Hg in the left arm.")
        @NotBlank @Size(max = 20000) String stem,
        @Schema(example = "Which of the following is the most likely diagnosis?") @NotBlank @Size(max = 2000) String leadIn,
        @NotNull @Size(min = 4, max = 5, message = "an item has 4 or 5 options") List<@NotNull @Valid OptionRequest> options,
        @Schema(example = "Tearing pain radiating to the back with unequal arm pressures indicates aortic dissection.")
        @NotBlank @Size(max = 20000) String rationale,
        @Schema(nullable = true, example = "Recognise acute aortic dissection from its presentation") @Size(max = 2000) String educationalObjective,
        @Schema(example = "[\"Blood pressure differs by > 20 mm Hg between arms\"]")
        @Size(max = 20) List<@NotBlank @Size(max = 1000) String> teachingPoints,
        @Schema(example = "nbme") @NotNull @Pattern(regexp = "easy|medium|hard|nbme", message = "must be easy, medium, hard or nbme") String difficulty,
        @Schema(example = "3") @NotNull @Min(1) @Max(5) Integer difficultyLevel,
        @Schema(nullable = true, example = "analyze") @Pattern(regexp = "remember|understand|apply|analyze|evaluate|create",
                message = "must be remember, understand, apply, analyze, evaluate or create") String bloomLevel,
        @Schema(example = "[\"cardiology\", \"emergency\"]")
        @Size(max = 20) List<@NotBlank @Pattern(regexp = "[\\p{L}\\p{N}][\\p{L}\\p{N} _-]{0,39}",
                message = "a tag is 1–40 letters, digits, spaces, '-' or '_'") String> tags,
        @Schema(example = "[\"Harrison's Principles of Internal Medicine, 21e, ch. 280\"]")
        @Size(max = 20) List<@NotBlank @Size(max = 1000) String> references,
        @Schema(description = "References to media assets (ids or URLs of the asset store)", example = "[\"asset:ct-chest-dissection-01\"]")
        @Size(max = 20) List<@NotBlank @Size(max = 500) String> media) {

    public List<String> teachingPointsOrEmpty() {
        return teachingPoints == null ? List.of() : teachingPoints;
    }

    /** Tags compare case-insensitively: stored lower-case, trimmed, without repeats. */
    public List<String> normalisedTags() {
        return tags == null ? List.of() : tags.stream().map(t -> t.strip().toLowerCase(java.util.Locale.ROOT)).distinct().toList();
    }

    public List<String> referencesOrEmpty() {
        return references == null ? List.of() : references;
    }

    public List<String> mediaOrEmpty() {
        return media == null ? List.of() : media;
    }
}
