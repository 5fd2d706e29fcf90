package io.qbank.authoring.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;

class WorkflowTest {

    private static final Set<String> AUTHOR = Set.of("author");
    private static final Set<String> PUBLISHER = Set.of("publisher");
    private static final Set<String> ADMIN = Set.of("admin");

    @Test
    void theHappyPathByRole() {
        assertThat(Workflow.decide(Action.SUBMIT, VersionState.DRAFT, AUTHOR, true).to()).isEqualTo(VersionState.IN_REVIEW);
        assertThat(Workflow.decide(Action.APPROVE, VersionState.IN_REVIEW, PUBLISHER, false).to()).isEqualTo(VersionState.APPROVED);
        assertThat(Workflow.decide(Action.PUBLISH, VersionState.APPROVED, PUBLISHER, false).to()).isEqualTo(VersionState.PUBLISHED);
        assertThat(Workflow.decide(Action.RETIRE, VersionState.PUBLISHED, PUBLISHER, false).to()).isEqualTo(VersionState.RETIRED);
        assertThat(Workflow.decide(Action.REQUEST_CHANGES, VersionState.IN_REVIEW, PUBLISHER, false).to()).isEqualTo(VersionState.DRAFT);
        assertThat(Workflow.decide(Action.DISCARD, VersionState.DRAFT, AUTHOR, true).to()).isEqualTo(VersionState.DISCARDED);
        assertThat(Workflow.decide(Action.DISCARD, VersionState.DRAFT, PUBLISHER, false).to()).isEqualTo(VersionState.DISCARDED);
    }

    @Test
    void everyIllegalPairIsRefusedWithTheAllowedActions() {
        for (VersionState from : VersionState.values()) {
            for (Action action : Action.values()) {
                Workflow.Decision d = Workflow.decide(action, from, ADMIN, false);
                boolean legal = (from == VersionState.DRAFT && (action == Action.SUBMIT || action == Action.DISCARD))
                        || (from == VersionState.IN_REVIEW && (action == Action.APPROVE || action == Action.REQUEST_CHANGES))
                        || (from == VersionState.APPROVED && action == Action.PUBLISH)
                        || (from == VersionState.RETIRED && action == Action.PUBLISH)
                        || (from == VersionState.PUBLISHED && action == Action.RETIRE);
                assertThat(d.allowed()).as(action + " from " + from).isEqualTo(legal);
                if (!legal) {
                    assertThat(d.refusal()).isInstanceOf(Workflow.Refusal.Illegal.class);
                    assertThat(((Workflow.Refusal.Illegal) d.refusal()).allowed()).isEqualTo(Workflow.allowedFrom(from, ADMIN));
                }
            }
        }
        assertThat(Workflow.allowedFrom(VersionState.RETIRED, ADMIN)).containsExactly(Action.PUBLISH);
        assertThat(Workflow.allowedFrom(VersionState.RETIRED, Set.of("author"))).isEmpty();
        // a discarded draft goes nowhere: a new version starts again from a draft
        assertThat(Workflow.allowedFrom(VersionState.DISCARDED, ADMIN)).isEmpty();
        assertThat(Workflow.allowedFrom(VersionState.DRAFT, AUTHOR)).containsExactly(Action.SUBMIT, Action.DISCARD);
        assertThat(Workflow.allowedFrom(VersionState.DRAFT, PUBLISHER)).containsExactly(Action.DISCARD);
    }

    @Test
    void wrongRolesAndSelfApprovalAreRefused() {
        assertThat(Workflow.decide(Action.SUBMIT, VersionState.DRAFT, PUBLISHER, false).refusal()).isInstanceOf(Workflow.Refusal.WrongRole.class);
        assertThat(Workflow.decide(Action.APPROVE, VersionState.IN_REVIEW, AUTHOR, false).refusal()).isInstanceOf(Workflow.Refusal.WrongRole.class);
        assertThat(Workflow.decide(Action.PUBLISH, VersionState.APPROVED, Set.of("student"), false).refusal())
                .isInstanceOf(Workflow.Refusal.WrongRole.class);
        assertThat(Workflow.decide(Action.DISCARD, VersionState.DRAFT, Set.of("student"), false).refusal())
                .isInstanceOf(Workflow.Refusal.WrongRole.class);
        assertThat(Workflow.decide(Action.APPROVE, VersionState.IN_REVIEW, Set.of("author", "publisher"), true).refusal())
                .isInstanceOf(Workflow.Refusal.OwnVersion.class);
        assertThat(Workflow.decide(Action.APPROVE, VersionState.IN_REVIEW, ADMIN, true).refusal())
                .isInstanceOf(Workflow.Refusal.OwnVersion.class);
    }
}
