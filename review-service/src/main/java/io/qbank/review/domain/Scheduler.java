package io.qbank.review.domain;

import java.util.Arrays;
import java.util.Optional;

/** The spaced-repetition algorithm a learner chose: SM-2 (the default) or FSRS. */
public enum Scheduler {
    SM2("sm2"),
    FSRS("fsrs");

    private final String code;

    Scheduler(String code) {
        this.code = code;
    }

    /** The name used in the API, the database and events. */
    public String code() {
        return code;
    }

    public static Optional<Scheduler> of(String code) {
        return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst();
    }
}
