package io.qbank.delivery.rest;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonIgnore;

import io.qbank.delivery.domain.Annotation;

/** The whole annotation of a position: what is not given is cleared. */
public record AnnotationRequest(
        @Schema(description = "Marked for review", example = "true") boolean marked,
        @Schema(description = "Option labels struck through", example = "[\"B\", \"D\"]")
        @Size(max = 5) List<@NotNull @Pattern(regexp = "A|B|C|D|E") String> struck,
        @Schema(description = "Highlighted ranges of the stem, as character offsets") @Size(max = 100) List<@NotNull @Valid Range> highlights,
        @Schema(nullable = true, description = "The student's note on the item", example = "Recheck: BP difference between arms")
        @Size(max = 2000) String note) {

    public record Range(
            @Schema(description = "First character, from 0", example = "12") @Min(0) @Max(20000) int start,
            @Schema(description = "One past the last character", example = "48") @Min(1) @Max(20000) int end) {

        @AssertTrue(message = "end must be after start")
        @JsonIgnore
        @Schema(hidden = true)
        public boolean isOrdered() {
            return end > start;
        }
    }

    Annotation toAnnotation(int position) {
        List<Annotation.Range> ranges = highlights == null ? List.of()
                : highlights.stream().map(r -> new Annotation.Range(r.start(), r.end())).toList();
        return new Annotation(position, marked, struck == null ? List.of() : struck.stream().distinct().sorted().toList(), ranges,
                note == null || note.isBlank() ? null : note, null);
    }
}
