package io.qbank.authoring.domain;

/** The suite's roles, as the identity provider's realm roles and the tokens' {@code groups} name them. */
public enum Role {
    student, author, publisher, admin
}
