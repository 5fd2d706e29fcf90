package io.qbank.authoring.domain;

import com.fasterxml.jackson.annotation.JsonValue;

/** What a user does to a version in the workflow. Publishing has its own endpoint (it needs exam codes). */
public enum Action {
    SUBMIT("submit"),
    REQUEST_CHANGES("request_changes"),
    APPROVE("approve"),
    PUBLISH("publish"),
    RETIRE("retire"),
    DISCARD("discard");

    private final String code;

    Action(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }
}
