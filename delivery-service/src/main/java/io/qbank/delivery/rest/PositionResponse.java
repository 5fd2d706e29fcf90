package io.qbank.delivery.rest;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.qbank.delivery.service.AnnotationService;

/** A served position for the quiz's navigator, with the student's annotation of it. */
public record PositionResponse(
        @Schema(example = "3") int position,
        @Schema(description = "Whether the student has answered it (nothing about correctness)", example = "true") boolean answered,
        @Schema(description = "Marked for review", example = "false") boolean marked,
        @Schema(description = "Option labels struck through", example = "[\"B\"]") List<String> struck,
        @Schema(description = "Highlighted ranges of the stem") List<AnnotationRequest.Range> highlights,
        @Schema(nullable = true, example = "Recheck: BP difference between arms") String note,
        @Schema(nullable = true, description = "When the annotation last changed", example = "2026-12-07T10:15:00Z") Instant annotatedAt) {

    static PositionResponse of(AnnotationService.Position p) {
        var a = p.annotation();
        return new PositionResponse(p.position(), p.answered(), a.marked(), a.struck(),
                a.highlights().stream().map(r -> new AnnotationRequest.Range(r.start(), r.end())).toList(), a.note(), a.updatedAt());
    }
}
