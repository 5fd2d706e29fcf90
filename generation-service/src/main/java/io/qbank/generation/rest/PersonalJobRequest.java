package io.qbank.generation.rest;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Questions about a topic at a difficulty and level, written from the learner's own materials. */
public record PersonalJobRequest(
        @Schema(examples = "Aortic dissection") @NotBlank @Size(max = 200) String topic,
        @Size(max = 200) String subtopic,
        @Schema(description = "1 (easy) to 5 (NBME)", examples = "3") @NotNull @Min(1) @Max(5) Integer difficulty,
        @Schema(description = "1 (first year) to 5 (board-ready)", examples = "3") @Min(1) @Max(5) Integer studentLevel,
        @Schema(examples = "5") @NotNull @Min(1) @Max(10) Integer count,
        @Schema(description = "The learner's own materials to write from") @NotEmpty @Size(max = 20) List<@NotNull UUID> materialIds) {

    JobRequest asJob() {
        return new JobRequest(null, topic, subtopic, difficulty, studentLevel, count, null, List.copyOf(materialIds.stream().distinct().toList()));
    }
}
