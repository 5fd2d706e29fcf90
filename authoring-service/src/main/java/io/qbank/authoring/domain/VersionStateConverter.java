package io.qbank.authoring.domain;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores states by their lower-case codes, as the table's check constraint and the API spell them. */
@Converter(autoApply = true)
public class VersionStateConverter implements AttributeConverter<VersionState, String> {
    @Override
    public String convertToDatabaseColumn(VersionState state) {
        return state == null ? null : state.code();
    }

    @Override
    public VersionState convertToEntityAttribute(String code) {
        return code == null ? null : VersionState.ofCode(code);
    }
}
