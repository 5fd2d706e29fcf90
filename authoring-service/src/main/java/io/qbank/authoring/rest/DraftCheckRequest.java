package io.qbank.authoring.rest;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An item as it stands in the editor, perhaps unfinished: every field may be missing, which the checks then say. */
public record DraftCheckRequest(
        @Schema(nullable = true, description = "Clinical vignette (Markdown)",
                example = "A 54-year-old man comes to the emergency department because of sudden tearing chest pain radiating to the back.")
        @Size(max = 20000) String stem,
        @Schema(nullable = true, example = "Which of the following is the most likely diagnosis?") @Size(max = 2000) String leadIn,
        @Schema(nullable = true) @Size(max = 5) List<@NotNull @Valid Option> options,
        @Schema(nullable = true, example = "Tearing pain radiating to the back with unequal arm pressures indicates aortic dissection.")
        @Size(max = 20000) String rationale,
        @Schema(nullable = true, description = "1–5; from 3 on the vignette must give age, sex and presentation (default 3)", example = "3")
        @Min(1) @Max(5) Integer difficultyLevel) {

    public record Option(
            @Schema(nullable = true, example = "Aortic dissection") @Size(max = 2000) String text,
            @Schema(example = "true") boolean correct) {
    }
}
