package io.qbank.generation.rest;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A generation job: {@code count} items about a topic at a difficulty, for an exam, drawing on the given materials of
 * the tenant, or on all of them when {@code materialIds} is omitted. {@code topicId}, if given, is the authoring topic
 * the drafts are filed under.
 */
public record JobRequest(
        UUID topicId,
        @NotBlank @Size(max = 200) String topic,
        @Size(max = 200) String subtopic,
        @NotNull @Min(1) @Max(5) Integer difficulty,
        @Min(1) @Max(5) Integer studentLevel,
        @NotNull @Min(1) @Max(20) Integer count,
        @NotBlank @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_.-]{0,63}") String examCode,
        @Size(max = 50) List<@NotNull UUID> materialIds) {
}
