package io.qbank.delivery.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.qbank.delivery.service.QuizService;

/** What a test would draw from before it starts. */
public record MatchingResponse(
        @Schema(description = "Published items of the exam code", example = "2400") int published,
        @Schema(description = "Items that pass every filter given, the history pool included", example = "318") int matching,
        @Schema(description = "Of those passing the topic and difficulty filters: never served to me", example = "290") int unused,
        @Schema(description = "… last answered wrongly by me", example = "21") int incorrect,
        @Schema(description = "… flagged by me", example = "2") int flagged) {

    static MatchingResponse of(QuizService.Matching m) {
        return new MatchingResponse(m.published(), m.matching(), m.unused(), m.incorrect(), m.flagged());
    }
}
