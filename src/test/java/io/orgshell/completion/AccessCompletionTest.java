package io.orgshell.completion;

import static org.assertj.core.api.Assertions.assertThat;

import io.orgshell.sandbox.SandboxConfig;
import io.orgshell.support.ShellTest;
import java.util.ArrayList;
import java.util.List;
import org.jline.reader.Candidate;
import org.jline.reader.impl.DefaultParser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.shell.jline.CommandCompleter;

/** TAB after {@code plan access-revoke|access-grant|policy-add}: the org's products, the roles, the policies. */
class AccessCompletionTest extends ShellTest {

    @Autowired
    CommandCompleter completer;

    @BeforeEach
    void connect() {
        connectToFresh(SandboxConfig.defaults().withUsers(20).withSeed(97));
    }

    List<String> complete(String line) {
        var parsed = new DefaultParser().parse(line, line.length());
        List<Candidate> candidates = new ArrayList<>();
        completer.complete(null, parsed, candidates);
        return candidates.stream().map(Candidate::value).toList();
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
