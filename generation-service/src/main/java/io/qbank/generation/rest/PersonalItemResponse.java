package io.qbank.generation.rest;

import java.util.List;

import io.qbank.generation.domain.PersonalItem;
import io.qbank.generation.domain.SourcePassage;

/** One of my questions with the passages of my materials it was written from. */
public record PersonalItemResponse(PersonalItem question, List<SourcePassage> sources) {
}
