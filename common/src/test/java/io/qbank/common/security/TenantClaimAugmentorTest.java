package io.qbank.common.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class TenantClaimAugmentorTest {

    private final UUID user = UUID.randomUUID();

    @Test
    void aTokenWithSubTenantAndGroupsGivesTheCurrentUser() {
        CurrentUser current = TenantClaimAugmentor.currentUserOf(user.toString(), "acme", Set.of("student"));
        assertThat(current.userId()).isEqualTo(user);
        assertThat(current.tenantId()).isEqualTo("acme");
        assertThat(current.hasRole(Roles.STUDENT)).isTrue();
        assertThat(current.isAdmin()).isFalse();
    }

    @Test
    void aJsonStringClaimIsUnquoted() {
        assertThat(TenantClaimAugmentor.currentUserOf(user.toString(), "\"acme\"", Set.of()).tenantId()).isEqualTo("acme");
    }

    @Test
    void aMissingOrBlankTenantIsRefused() {
        assertThatThrownBy(() -> TenantClaimAugmentor.currentUserOf(user.toString(), null, Set.of("student")))
                .hasMessageContaining("tenant");
        assertThatThrownBy(() -> TenantClaimAugmentor.currentUserOf(user.toString(), "  ", Set.of("student")))
                .hasMessageContaining("tenant");
    }

    @Test
    void anOversizedTenantIsRefused() {
        assertThatThrownBy(() -> TenantClaimAugmentor.currentUserOf(user.toString(), "x".repeat(65), Set.of()))
                .hasMessageContaining("64");
    }

    @Test
    void aSubjectThatIsNotAUuidIsRefused() {
        assertThatThrownBy(() -> TenantClaimAugmentor.currentUserOf("alice", "acme", Set.of()))
                .hasMessageContaining("UUID");
        assertThatThrownBy(() -> TenantClaimAugmentor.currentUserOf(null, "acme", Set.of()))
                .hasMessageContaining("UUID");
    }
}
