package io.qbank.common.events;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** One answer option of a published or generated item, with why it is right or wrong. */
@RegisterForReflection
public record ItemOption(String label, String text, boolean correct, @Schema(nullable = true) String explanation) {
}
