package io.qbank.generation.rest;

import java.util.List;

import io.qbank.generation.domain.PersonalItem;

/** A page of my study set, newest first. */
public record PersonalSetResponse(List<PersonalItem> items, long total, int page, int size) {
}
