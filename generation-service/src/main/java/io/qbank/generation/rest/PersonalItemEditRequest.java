package io.qbank.generation.rest;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.qbank.common.writing.ItemWritingChecks;
import io.qbank.generation.service.PersonalItems;

/** The whole new content of one of my questions, and the version I edited (a newer one answers 409). */
public record PersonalItemEditRequest(
        @NotNull @Min(1) Integer version,
        @NotBlank @Size(max = ItemWritingChecks.MAX_VIGNETTE) String stem,
        @NotBlank @Size(max = ItemWritingChecks.MAX_FIELD) String leadIn,
        @Schema(description = "In order: they are labelled A, B, …") @NotNull @Size(min = 2, max = 8) List<@NotNull @Valid Option> options,
        @Schema(examples = "C") @NotNull @Pattern(regexp = "[A-H]") String correctLabel,
        @NotBlank @Size(max = ItemWritingChecks.MAX_VIGNETTE) String rationale) {

    public record Option(@NotBlank @Size(max = ItemWritingChecks.MAX_FIELD) String text, @Size(max = ItemWritingChecks.MAX_FIELD) String explanation) {
    }

    PersonalItems.Edit edit() {
        return new PersonalItems.Edit(version, stem, leadIn, options.stream().map(o -> new PersonalItems.OptionText(o.text(), o.explanation())).toList(),
                correctLabel, rationale);
    }
}
