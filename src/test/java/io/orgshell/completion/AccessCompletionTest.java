package io.orgshell.completion;

import static org.assertj.core.api.Assertions.assertThat;

import io.orgshell.sandbox.SandboxConfig;
import io.orgshell.support.ShellTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** TAB after {@code plan access-revoke|access-grant|policy-add}: the org's products, the roles, the policies. */
class AccessCompletionTest extends ShellTest {

    @BeforeEach
    void connect() {
        connectToFresh(SandboxConfig.defaults().withUsers(20).withSeed(97));
    }

    @Test
    void theProductRoleAndPolicyArgumentsComplete() {
        assertThat(complete("plan access-revoke ")).contains("jira", "confluence", "jira-service-management");
        assertThat(complete("plan access-revoke ji")).containsExactlyInAnyOrder("jira", "jira-service-management");
        assertThat(complete("plan access-grant confluence ")).contains("user", "admin");
        assertThat(complete("plan policy-add Con")).containsExactly("Contractors");
        assertThat(complete("plan access-")).contains("access-revoke", "access-grant");
    }
}
