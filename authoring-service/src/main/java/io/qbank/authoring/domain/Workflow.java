package io.qbank.authoring.domain;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.qbank.common.security.Roles;

/**
 * The role-gated transitions of a version: draft → in_review → approved → published → retired, in_review → draft
 * when changes are requested, retired → published when a publisher puts a retired version back, and draft → discarded
 * for a draft nobody will take forward. Authors submit; publishers approve, request changes, publish and retire; both
 * discard drafts; admins may do all; nobody approves a version they wrote.
 */
public final class Workflow {

    private record Rule(Set<VersionState> from, VersionState to, Set<String> roles) {
    }

    private static final Map<Action, Rule> RULES = Map.of(
            Action.DISCARD, new Rule(Set.of(VersionState.DRAFT), VersionState.DISCARDED, Set.of(Roles.AUTHOR, Roles.PUBLISHER, Roles.ADMIN)),
            Action.SUBMIT, new Rule(Set.of(VersionState.DRAFT), VersionState.IN_REVIEW, Set.of(Roles.AUTHOR, Roles.ADMIN)),
            Action.REQUEST_CHANGES, new Rule(Set.of(VersionState.IN_REVIEW), VersionState.DRAFT, Set.of(Roles.PUBLISHER, Roles.ADMIN)),
            Action.APPROVE, new Rule(Set.of(VersionState.IN_REVIEW), VersionState.APPROVED, Set.of(Roles.PUBLISHER, Roles.ADMIN)),
            // a retired version may be published again (re-publication)
            Action.PUBLISH, new Rule(Set.of(VersionState.APPROVED, VersionState.RETIRED), VersionState.PUBLISHED,
                    Set.of(Roles.PUBLISHER, Roles.ADMIN)),
            Action.RETIRE, new Rule(Set.of(VersionState.PUBLISHED), VersionState.RETIRED, Set.of(Roles.PUBLISHER, Roles.ADMIN)));

    /** Why a transition is refused; {@code allowed} lists what the caller may do from the current state. */
    public sealed interface Refusal {
        record Illegal(VersionState from, Action action, List<Action> allowed) implements Refusal {
        }

        record WrongRole(Action action) implements Refusal {
        }

        record OwnVersion() implements Refusal {
        }
    }

    public record Decision(VersionState to, Refusal refusal) {
        public boolean allowed() {
            return refusal == null;
        }
    }

    private Workflow() {
    }

    public static Decision decide(Action action, VersionState from, Set<String> roles, boolean callerWroteVersion) {
        Rule rule = RULES.get(action);
        if (!rule.from.contains(from)) {
            return new Decision(null, new Refusal.Illegal(from, action, allowedFrom(from, roles)));
        }
        if (roles.stream().noneMatch(rule.roles::contains)) {
            return new Decision(null, new Refusal.WrongRole(action));
        }
        if (action == Action.APPROVE && callerWroteVersion) {
            return new Decision(null, new Refusal.OwnVersion());
        }
        return new Decision(rule.to, null);
    }

    /** The actions the given roles may take from a state (for 409 answers and for clients' buttons). */
    public static List<Action> allowedFrom(VersionState from, Set<String> roles) {
        EnumSet<Action> allowed = EnumSet.noneOf(Action.class);
        RULES.forEach((action, rule) -> {
            if (rule.from.contains(from) && roles.stream().anyMatch(rule.roles::contains)) {
                allowed.add(action);
            }
        });
        return List.copyOf(allowed);
    }
}
