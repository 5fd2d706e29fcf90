package io.qbank.authoring.rest;

import java.util.Set;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.qbank.authoring.domain.Role;

/** The user's roles from now on: every role not listed is taken away (an empty list leaves a user who can do nothing). */
public record UserRolesRequest(@Schema(example = "[\"student\", \"author\"]") @NotNull Set<@NotNull Role> roles) {
}
