package io.qbank.common.security;

/** The role names carried in the JWT {@code groups} claim (shared/design/ARCHITECTURE.md). */
public final class Roles {
    public static final String STUDENT = "student";
    public static final String AUTHOR = "author";
    public static final String PUBLISHER = "publisher";
    public static final String ADMIN = "admin";

    private Roles() {
    }
}
