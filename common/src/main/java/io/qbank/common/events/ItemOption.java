package io.qbank.common.events;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** One answer option of a published or generated item, with why it is right or wrong. */
@RegisterForReflection
public record ItemOption(String label, String text, boolean correct, String explanation) {
}
