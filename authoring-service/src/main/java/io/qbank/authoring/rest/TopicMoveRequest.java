package io.qbank.authoring.rest;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Where a topic (with its subtree) goes: under another topic, or to the root when parentId is null. */
public record TopicMoveRequest(@Schema(example = "0b6c9a4e-2d7f-4f1a-8e3b-5c9d2a1f7e60", nullable = true) UUID parentId) {
}
