package io.qbank.delivery.rest;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A new quiz. The tenant comes from the token, never from the body. */
@Schema(example = """
        {"examCode": "STEP1", "mode": "tutor", "adaptive": true, "length": 40, "timeLimitSeconds": 3600,
         "topicIds": ["3f9a0d3e-8c1b-4c52-9a57-0f1d2b7c9e11"], "difficulties": ["medium", "hard"], "history": "unused",
         "quotas": [{"topicId": "3f9a0d3e-8c1b-4c52-9a57-0f1d2b7c9e11", "count": 10}], "seTarget": 0.3}""")
public record QuizRequest(
        @NotNull @Pattern(regexp = "^[A-Z0-9][A-Z0-9_-]{0,31}$", message = "an exam code is 1–32 upper-case letters, digits, '-' or '_'") String examCode,
        @NotNull @Pattern(regexp = "tutor|exam", message = "must be tutor or exam") String mode,
        @Schema(description = "adaptive (maximum information at the current ability) or linear (random); adaptive by default") Boolean adaptive,
        @NotNull @Min(1) @Max(120) Integer length,
        @Min(30) @Max(6 * 3600) Integer timeLimitSeconds,
        @Schema(description = "only items under these topics (subtrees)") @Size(max = 50) List<@NotNull UUID> topicIds,
        @Size(max = 4) List<@NotNull @Pattern(regexp = "easy|medium|hard|nbme", message = "must be easy, medium, hard or nbme") String> difficulties,
        @Schema(description = "only items I never saw (unused), last answered wrongly (incorrect), or flagged (flagged)")
        @Pattern(regexp = "unused|incorrect|flagged", message = "must be unused, incorrect or flagged") String history,
        @Schema(description = "blueprint quotas: at least count items from each topic's subtree; met at the end when the pool allows")
        @Size(max = 50) List<@NotNull @Valid QuotaRequest> quotas,
        @Schema(description = "adaptive: end early once the ability's standard error is at most this, with every quota met")
        @DecimalMin("0.1") @DecimalMax("1.0") Double seTarget) {

    public record QuotaRequest(@NotNull UUID topicId, @NotNull @Min(1) @Max(120) Integer count) {
    }
}
