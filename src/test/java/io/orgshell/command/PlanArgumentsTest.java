package io.orgshell.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orgshell.core.UsageException;
import io.orgshell.directory.Selection;
import io.orgshell.plan.DirectoryPlanner;
import io.orgshell.plan.Operation;
import org.junit.jupiter.api.Test;

/** {@code plan}'s arguments as typed, checked and made a planner's request without Spring, a shell or an org. */
class PlanArgumentsTest {

    static final Selection EVERYTHING = Selection.everything();
    static final Selection AT_ACME = Selection.everything().atDomain("acme.example");

    @Test
    void aDomainMoveTakesItsTwoDomains() {
        DirectoryPlanner.Request r =
                new PlanArguments("email", "", " eu.acme.example ", "acme.io", true, EVERYTHING).request();
        assertThat(r.operation()).isEqualTo(Operation.EMAIL);
        assertThat(r.fromDomain()).isEqualTo("eu.acme.example");
        assertThat(r.toDomain()).isEqualTo("acme.io");
        assertThat(r.lowercase()).isTrue();
        assertThat(r.group()).isNull();
    }

    @Test
    void aGroupChangeTakesItsGroupAndASelection() {
        DirectoryPlanner.Request r = new PlanArguments("Group-Add", " Sales ", null, null, null, AT_ACME).request();
        assertThat(r.operation()).isEqualTo(Operation.GROUP_ADD);
        assertThat(r.group()).isEqualTo("Sales");
        assertThat(r.selection()).isEqualTo(AT_ACME);
    }

    @Test
    void whatCanBeToldWithoutTheOrgIsAUsageError() {
        assertUsage(new PlanArguments(null, null, null, null, null, AT_ACME), "plan needs an operation: email, ");
        assertUsage(
                new PlanArguments("frobnicate", null, null, null, null, AT_ACME),
                "plan: unknown operation 'frobnicate'");
        assertUsage(new PlanArguments("profile", null, null, null, null, AT_ACME), "plan cannot build 'profile'");
        assertUsage(
                new PlanArguments("suspend", null, null, null, null, EVERYTHING),
                "plan suspend needs a selection (--domain, --status,");
        assertUsage(new PlanArguments("suspend", "Sales", null, null, null, AT_ACME), "plan suspend takes no GROUP");
        assertUsage(
                new PlanArguments("group-remove", "", null, null, null, AT_ACME), "plan group-remove needs the GROUP");
        assertUsage(
                new PlanArguments("suspend", null, "a.example", null, null, AT_ACME),
                "--from-domain, --to-domain and --lowercase are for 'plan email' only");
        assertUsage(
                new PlanArguments("email", null, "a.example", null, null, EVERYTHING), "plan email needs both domains");
        assertUsage(
                new PlanArguments("email", null, "a.example", "b.example", null, AT_ACME), "--domain does not apply");
        assertUsage(
                new PlanArguments("email", null, "acme.io", "ACME.IO", null, EVERYTHING),
                "--from-domain and --to-domain are both acme.io");
    }

    static void assertUsage(PlanArguments arguments, String message) {
        assertThatThrownBy(arguments::request)
                .isInstanceOf(UsageException.class)
                .hasMessageContaining(message);
    }
}
