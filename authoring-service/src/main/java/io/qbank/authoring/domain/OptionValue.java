package io.qbank.authoring.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** An answer option of a version: label A–E, text, whether it is the key, why it is right or wrong. */
@Embeddable
public class OptionValue {
    @Column(nullable = false, length = 1)
    public String label;
    @Column(nullable = false)
    public String text;
    @Column(nullable = false)
    public boolean correct;
    @Column
    public String explanation;

    public OptionValue() {
    }

    public OptionValue(String label, String text, boolean correct, String explanation) {
        this.label = label;
        this.text = text;
        this.correct = correct;
        this.explanation = explanation;
    }
}
