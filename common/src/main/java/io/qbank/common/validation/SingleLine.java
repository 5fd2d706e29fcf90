package io.qbank.common.validation;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A name shown in lists and trees (a topic, a tag, a title): one line, without control characters and without the
 * Unicode controls that reorder or hide text (bidirectional embeddings, overrides and isolates, zero-width marks), which
 * make a name display as something it is not.
 */
@Documented
@Constraint(validatedBy = SingleLine.Validator.class)
@Target({ FIELD, PARAMETER, RECORD_COMPONENT, TYPE_USE })
@Retention(RUNTIME)
public @interface SingleLine {

    String message() default "must be one line of visible text (no control or text-direction characters)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<SingleLine, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || value.codePoints().noneMatch(Validator::hidden);
        }

        static boolean hidden(int c) {
            return Character.isISOControl(c) || c >= 0x202A && c <= 0x202E || c >= 0x2066 && c <= 0x2069 || c >= 0x200B && c <= 0x200F
                    || c == 0x061C || c == 0xFEFF;
        }
    }
}
