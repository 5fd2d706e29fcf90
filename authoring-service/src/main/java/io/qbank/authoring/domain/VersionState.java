package io.qbank.authoring.domain;

import com.fasterxml.jackson.annotation.JsonValue;

/** The review workflow of an item version. */
public enum VersionState {
    DRAFT("draft"),
    IN_REVIEW("in_review"),
    APPROVED("approved"),
    PUBLISHED("published"),
    RETIRED("retired"),
    /** A draft set aside; editing it makes a new draft. */
    DISCARDED("discarded");

    private final String code;

    VersionState(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }

    public static VersionState ofCode(String code) {
        for (VersionState s : values()) {
            if (s.code.equals(code)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown version state " + code);
    }
}
